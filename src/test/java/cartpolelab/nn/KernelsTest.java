package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels} against EJML itself, bit for bit (assertArrayEquals on doubles compares
 * their bits, so even the sign of a zero must agree), on random shapes and the networks' own:
 * 4 → 256 → 2 and → 1, rollouts of 1, 2, 3, 5, 6, 7, 8, 40, 201 and 2048 rows.
 */
class KernelsTest {

    private static final int[] ROWS = {1, 2, 3, 5, 6, 7, 8, 40, 201, 2048};
    private static final int[][] LAYERS = {{4, 256}, {256, 2}, {256, 1}, {64, 64}, {4, 64},
            {64, 2}, {1, 16}, {16, 1}, {3, 15}, {15, 3}, {7, 5}, {2, 14}};

    /** Gaussians, with exact zeros of both signs mixed in (ReLU outputs and products of 0). */
    private static DMatrixRMaj random(int rows, int cols, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            int kind = r.nextInt(8);
            m.data[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : r.nextGaussian() * 1e3;
        }
        return m;
    }

    /** Starts from garbage, as a reused work matrix does. */
    private static DMatrixRMaj dirty(Random r) {
        return random(3, 7, r);
    }

    @Test
    void multIsEjmlsBitForBit() {
        Random r = new Random(11);
        for (int rows : ROWS) {
            for (int[] l : LAYERS) {
                // forward y = x W (W inputs × outputs) and dx = dy W (W outputs × inputs)
                for (int[] shape : new int[][] {{l[0], l[1]}, {l[1], l[0]}}) {
                    DMatrixRMaj a = random(rows, shape[0], r);
                    DMatrixRMaj b = random(shape[0], shape[1], r);
                    DMatrixRMaj want = new DMatrixRMaj(1, 1);
                    CommonOps_DDRM.mult(a, b, want);
                    DMatrixRMaj got = dirty(r);
                    Kernels.mult(a, b, got);
                    assertEquals(want.numRows, got.numRows);
                    assertEquals(want.numCols, got.numCols);
                    assertArrayEquals(want.data, java.util.Arrays.copyOf(got.data,
                            want.data.length), rows + "×" + shape[0] + " · " + shape[0] + "×"
                            + shape[1]);
                }
            }
        }
    }

    @Test
    void multTransAIsEjmlsBitForBit() {
        Random r = new Random(12);
        for (int rows : ROWS) {
            for (int[] l : LAYERS) {
                // dW = xᵀ dy (INPUT_ROWS) and dW = dyᵀ x (OUTPUT_ROWS)
                for (int[] shape : new int[][] {{l[0], l[1]}, {l[1], l[0]}}) {
                    DMatrixRMaj a = random(rows, shape[0], r);
                    DMatrixRMaj b = random(rows, shape[1], r);
                    DMatrixRMaj want = new DMatrixRMaj(1, 1);
                    CommonOps_DDRM.multTransA(a, b, want);
                    DMatrixRMaj got = dirty(r);
                    Kernels.multTransA(a, b, got);
                    assertEquals(want.numRows, got.numRows);
                    assertEquals(want.numCols, got.numCols);
                    assertArrayEquals(want.data, java.util.Arrays.copyOf(got.data,
                            want.data.length), rows + " rows, " + shape[0] + " and " + shape[1]);
                }
            }
        }
    }

    @Test
    void multTransBIsEjmlsBitForBit() {
        Random r = new Random(13);
        for (int rows : ROWS) {
            for (int[] l : LAYERS) {
                // y = h Wᵀ (W outputs × inputs) and dx = dy Wᵀ (W inputs × outputs)
                for (int[] shape : new int[][] {{l[0], l[1]}, {l[1], l[0]}}) {
                    DMatrixRMaj a = random(rows, shape[0], r);
                    DMatrixRMaj b = random(shape[1], shape[0], r);
                    DMatrixRMaj want = new DMatrixRMaj(1, 1);
                    CommonOps_DDRM.multTransB(a, b, want);
                    DMatrixRMaj got = dirty(r);
                    Kernels.multTransB(a, b, got);
                    assertEquals(want.numRows, got.numRows);
                    assertEquals(want.numCols, got.numCols);
                    assertArrayEquals(want.data, java.util.Arrays.copyOf(got.data,
                            want.data.length), rows + "×" + shape[0] + " · (" + shape[1] + "×"
                            + shape[0] + ")ᵀ");
                }
            }
        }
    }

    @Test
    void multAddRowIsEjmlsMultThenTheBiasBitForBit() {
        Random r = new Random(14);
        for (int rows : ROWS) {
            for (int inner : new int[] {1, 2, 3, 4, 5, 8, 9, 256}) {
                for (int cols : new int[] {1, 2, 14, 15, 64, 256}) {
                    DMatrixRMaj a = random(rows, inner, r);
                    DMatrixRMaj b = random(inner, cols, r);
                    DMatrixRMaj bias = random(1, cols, r);
                    DMatrixRMaj want = new DMatrixRMaj(1, 1);
                    CommonOps_DDRM.mult(a, b, want);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            want.data[i * cols + j] += bias.data[j];
                        }
                    }
                    DMatrixRMaj got = dirty(r);
                    Kernels.multAddRow(a, b, bias, got);
                    assertEquals(want.numRows, got.numRows);
                    assertArrayEquals(want.data, java.util.Arrays.copyOf(got.data,
                            want.data.length), rows + "×" + inner + " · " + inner + "×" + cols);
                }
            }
        }
    }

    @Test
    void allFiniteFindsEveryNaNAndInfinity() {
        DMatrixRMaj m = random(5, 40, new Random(15));
        assertEquals(true, Kernels.allFinite(m.data, 200));
        for (double bad : new double[] {Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff0000000000001L),
                Double.longBitsToDouble(0xfff8000000000123L)}) {
            for (int at : new int[] {0, 77, 199}) {
                double keep = m.data[at];
                m.data[at] = bad;
                assertEquals(false, Kernels.allFinite(m.data, 200), bad + " at " + at);
                assertEquals(at >= 77, Kernels.allFinite(m.data, 77), "only the first 77");
                m.data[at] = keep;
            }
        }
        m.data[3] = Double.MAX_VALUE;
        m.data[4] = -Double.MAX_VALUE;
        m.data[5] = Double.MIN_VALUE;
        m.data[6] = -0.0;
        assertEquals(true, Kernels.allFinite(m.data, 200));
    }

    @Test
    void theSignOfAZeroSumIsEjmlsToo() {
        // −0 · 1 = −0: EJML's mult of one row by a vector keeps it, multTransB's 0 + (−0) does not
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-0.0, -0.0}});
        DMatrixRMaj b1 = new DMatrixRMaj(new double[][] {{1, 1}});
        DMatrixRMaj b2 = new DMatrixRMaj(new double[][] {{1, 1}, {1, 1}});
        DMatrixRMaj got = new DMatrixRMaj(1, 1);
        Kernels.multTransB(a, b1, got);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(got.get(0)));
        Kernels.multTransB(a, b2, got);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(got.get(0)));
    }

    @Test
    void anOutputThatIsAnInputIsRejected() {
        DMatrixRMaj a = new DMatrixRMaj(20, 20);
        assertThrows(IllegalArgumentException.class, () -> Kernels.mult(a, a, a));
        assertThrows(IllegalArgumentException.class, () -> Kernels.multTransA(a, a, a));
        assertThrows(IllegalArgumentException.class, () -> Kernels.multTransB(a, a, a));
    }
}
