package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Optimiser#firstNonFinite()}: the NaN/∞ check that a step makes in its own pass over the
 * parameters finds a bad value in any matrix and at any position, names the first bad matrix,
 * and lets the largest finite values (±{@link Double#MAX_VALUE}) pass.
 */
class OptimiserFiniteTest {

    private static final int[][] SHAPES = {{4, 256}, {1, 256}, {2, 256}, {1, 2}, {3, 5}};

    private static Optimiser optimiser(Optimiser.Kind kind, List<DMatrixRMaj> p,
                                       List<DMatrixRMaj> g) {
        return Optimiser.of(kind, 1e-3, 1e-8, 0.99, p, g);
    }

    private static List<DMatrixRMaj> matrices(double value) {
        return Arrays.stream(SHAPES).map(s -> {
            DMatrixRMaj m = new DMatrixRMaj(s[0], s[1]);
            m.fill(value);
            return m;
        }).toList();
    }

    @ParameterizedTest
    @EnumSource(Optimiser.Kind.class)
    void aBadValueAnywhereIsFoundInItsMatrix(Optimiser.Kind kind) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            for (int matrix = 0; matrix < SHAPES.length; matrix++) {
                int size = SHAPES[matrix][0] * SHAPES[matrix][1];
                for (int at : new int[] {0, size / 2, size - 1}) {
                    List<DMatrixRMaj> p = matrices(0.5);
                    List<DMatrixRMaj> g = matrices(0.01);
                    Optimiser o = optimiser(kind, p, g);
                    assertEquals(-1, o.firstNonFinite(), "before any step");
                    o.step();
                    assertEquals(-1, o.firstNonFinite(), "all finite");
                    // a bad parameter stays bad; a bad gradient makes its parameter bad
                    if (at % 2 == 0) {
                        p.get(matrix).data[at] = bad;
                    } else {
                        g.get(matrix).data[at] = bad;
                    }
                    o.step();
                    assertEquals(matrix, o.firstNonFinite(), kind + ": " + bad + " at " + at
                            + " of matrix " + matrix);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Optimiser.Kind.class)
    void theFirstBadMatrixIsNamedAndTheLargestFiniteValuesPass(Optimiser.Kind kind) {
        List<DMatrixRMaj> p = matrices(0.5);
        List<DMatrixRMaj> g = matrices(0.0);
        Optimiser o = optimiser(kind, p, g);
        p.get(0).data[3] = Double.MAX_VALUE;
        p.get(1).data[7] = -Double.MAX_VALUE;
        o.step();
        assertEquals(-1, o.firstNonFinite());
        p.get(4).data[0] = Double.NaN;
        p.get(2).data[100] = Double.POSITIVE_INFINITY;
        o.step();
        assertEquals(2, o.firstNonFinite());
        p.get(2).data[100] = 1;
        p.get(4).data[0] = 1;
        o.step();
        assertEquals(-1, o.firstNonFinite(), "finite again");
    }
}
