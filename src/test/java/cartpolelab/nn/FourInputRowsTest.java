package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A four-input layer's forward pass through work rows ({@link Dense}'s {@code fourInputRows})
 * against the plain kernels, bit for bit (assertArrayEquals on doubles compares their bits):
 * the batched pass ({@code Kernels.multAddRow}) and the one-row pass ({@code Kernels.row}),
 * at the networks' widths and others, 1 to 2048 rows, output rows at offsets other than 0,
 * inputs with exact zeros of both signs.
 */
class FourInputRowsTest {

    private static final int[] ROWS = {1, 2, 5, 6, 8, 40, 201, 2048};
    private static final int[] WIDTHS = {256, 64, 15, 16, 100, 257};

    private static void fill(double[] d, Random r) {
        for (int i = 0; i < d.length; i++) {
            int kind = r.nextInt(8);
            d[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : r.nextGaussian();
        }
    }

    private static Dense layer(int width, Random r) {
        Dense d = new Dense(4, width, Dense.Layout.INPUT_ROWS);
        d.initLikePyTorch(new SplittableRandom(width));
        fill(d.bias().data, r); // zeros of both signs in the bias too
        return d;
    }

    @Test
    void theBatchedPassIsTheKernelsBitForBit() {
        Random r = new Random(31);
        for (int width : WIDTHS) {
            Dense d = layer(width, r);
            double[][] work = new double[5][width];
            for (int rows : ROWS) {
                DMatrixRMaj x = new DMatrixRMaj(rows, 4);
                fill(x.data, r);
                DMatrixRMaj want = new DMatrixRMaj(1, 1);
                d.forward(x, want);
                DMatrixRMaj got = new DMatrixRMaj(rows, width);
                fill(got.data, r);
                d.forward(x, got, work);
                assertEquals(want.numRows, got.numRows);
                assertArrayEquals(want.data, Arrays.copyOf(got.data, want.data.length),
                        rows + " rows of 4 → " + width);
            }
        }
    }

    @Test
    void theOneRowPassIsTheRowKernelBitForBit() {
        Random r = new Random(32);
        for (int width : new int[] {256, 64, 15, 3, 1, 100}) {
            Dense d = layer(width, r);
            double[][] work = new double[5][width];
            for (int trial = 0; trial < 50; trial++) {
                double[] x = new double[11];
                fill(x, r);
                int xOffset = trial % 8;
                int yOffset = trial % 3 == 0 ? 0 : 1 + trial;
                double[] want = new double[yOffset + width + 2];
                fill(want, r);
                double[] got = want.clone();
                d.forwardRow(x, xOffset, want, yOffset);
                d.forwardRow(x, xOffset, got, yOffset, work);
                assertArrayEquals(want, got, "4 → " + width + " at " + xOffset + ", "
                        + yOffset);
            }
        }
    }
}
