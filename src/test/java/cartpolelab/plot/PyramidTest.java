package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental summary against a plain loop, at a stated tolerance, seeded. */
class PyramidTest {

    @Test
    void anyRangeMatchesAPlainLoopWhileTheColumnGrows() {
        Random random = new Random(11);
        double[] v = random.doubles(70_000, -50, 50).toArray();
        int[] size = {0};
        Pyramid p = new Pyramid(Column.of(i -> v[i], () -> size[0]));
        for (int grown : new int[] {1, 15, 16, 17, 1000, 4097, 70_000}) {
            size[0] = grown;
            p.catchUp();
            for (int k = 0; k < 300; k++) {
                int a = random.nextInt(grown);
                int b = a + 1 + random.nextInt(grown - a);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (int i = a; i < b; i++) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                    sum += v[i];
                }
                p.aggregate(a, b);
                assertEquals(lo, p.lo, 0, a + ".." + b);
                assertEquals(hi, p.hi, 0, a + ".." + b);
                assertEquals(sum / (b - a), p.mean, 1e-9, a + ".." + b);
            }
        }
    }
}
