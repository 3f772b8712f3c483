package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link FusedBackward} against {@link Mlp}'s layer-by-layer pass, bit for bit
 * (assertArrayEquals on doubles compares their bits, the sign of a zero included): the
 * notebook's actor and critic (4 → 256 → 2 and → 1), SB3's width 64, and other widths (the
 * scalar copy of the same loops), ReLU and tanh, rollouts of 1 to 2048 rows, inputs with exact
 * zeros of both signs.
 */
class FusedBackwardTest {

    private static final int[] ROWS = {1, 2, 3, 5, 8, 40, 201, 2048};
    private static final int[] WIDTHS = {256, 64, 15, 16, 100, 257};

    private static void fill(DMatrixRMaj m, Random r) {
        for (int i = 0; i < m.data.length; i++) {
            int kind = r.nextInt(8);
            m.data[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : r.nextGaussian();
        }
    }

    @Test
    void theFusedPassIsTheLayeredPassBitForBit() {
        Random r = new Random(21);
        for (Activation activation : Activation.values()) {
            for (int width : WIDTHS) {
                for (int outputs : new int[] {1, 2}) {
                    Mlp mlp = new Mlp(4, width, 1, outputs, activation);
                    mlp.initLikePyTorch(new SplittableRandom(width + outputs));
                    Mlp.Workspace ws = mlp.newWorkspace(2048);
                    for (int rows : ROWS) {
                        DMatrixRMaj x = new DMatrixRMaj(rows, 4);
                        fill(x, r);
                        mlp.forward(x, ws);
                        // h as acting keeps it (ReLU: ≥ 0, with exact zeros), dy with ±0
                        DMatrixRMaj h = ws.hidden().copy();
                        DMatrixRMaj dy = new DMatrixRMaj(rows, outputs);
                        fill(dy, r);
                        mlp.backwardLayered(x, h, dy, ws);
                        List<double[]> want = mlp.gradients().stream()
                                .map(g -> g.data.clone()).toList();
                        for (DMatrixRMaj g : mlp.gradients()) {
                            fill(g, r); // garbage: the fused pass must overwrite every element
                        }
                        mlp.backward(x, h, dy, ws);
                        List<DMatrixRMaj> got = mlp.gradients();
                        for (int i = 0; i < want.size(); i++) {
                            assertArrayEquals(want.get(i), got.get(i).data, activation + " 4 → "
                                    + width + " → " + outputs + ", " + rows + " rows, gradient "
                                    + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void onlyTheShapesItMatchesAreFused() {
        assertTrue(FusedBackward.applies(new Dense(4, 256, Dense.Layout.INPUT_ROWS),
                new Dense(256, 2, Dense.Layout.OUTPUT_ROWS)));
        assertFalse(FusedBackward.applies(new Dense(3, 256, Dense.Layout.INPUT_ROWS),
                new Dense(256, 2, Dense.Layout.OUTPUT_ROWS)));
        assertFalse(FusedBackward.applies(new Dense(4, 256, Dense.Layout.INPUT_ROWS),
                new Dense(256, 3, Dense.Layout.OUTPUT_ROWS)));
        assertFalse(FusedBackward.applies(new Dense(4, 14, Dense.Layout.INPUT_ROWS),
                new Dense(14, 2, Dense.Layout.OUTPUT_ROWS)));
    }

    @Test
    void wrongShapesAreRejected() {
        Mlp mlp = new Mlp(4, 64, 2);
        Mlp.Workspace ws = mlp.newWorkspace(8);
        assertThrows(IllegalArgumentException.class, () -> mlp.backward(new DMatrixRMaj(5, 4),
                new DMatrixRMaj(5, 64), new DMatrixRMaj(4, 2), ws));
        assertThrows(IllegalArgumentException.class, () -> mlp.backward(new DMatrixRMaj(5, 4),
                new DMatrixRMaj(5, 63), new DMatrixRMaj(5, 2), ws));
    }
}
