package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Dense layers against plain loops, at 1e-12, with a seeded Random. */
class DenseTest {

    private static DMatrixRMaj random(int rows, int cols, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextGaussian();
        }
        return m;
    }

    private static Dense layer(int in, int out, Dense.Layout layout, Random r) {
        Dense d = new Dense(in, out, layout);
        d.weight().setTo(random(d.weight().numRows, d.weight().numCols, r));
        d.bias().setTo(random(1, out, r));
        return d;
    }

    /** W[i][j] as inputs × outputs whatever the layout. */
    private static double w(Dense d, int i, int j) {
        return d.layout() == Dense.Layout.INPUT_ROWS ? d.weight().get(i, j) : d.weight().get(j, i);
    }

    @Test
    void forwardAndForwardRowMatchPlainLoopsInBothLayouts() {
        Random r = new Random(1);
        int[][] shapes = {{4, 256}, {256, 2}, {7, 5}, {9, 13}, {1, 1}};
        for (Dense.Layout layout : Dense.Layout.values()) {
            for (int[] shape : shapes) {
                Dense d = layer(shape[0], shape[1], layout, r);
                DMatrixRMaj x = random(6, shape[0], r);
                DMatrixRMaj y = new DMatrixRMaj(6, shape[1]);
                d.forward(x, y);
                double[] row = new double[shape[1] + 3];
                for (int t = 0; t < 6; t++) {
                    double[] xr = new double[shape[0] + 2];
                    System.arraycopy(x.data, t * shape[0], xr, 2, shape[0]);
                    d.forwardRow(xr, 2, row, 3);
                    for (int j = 0; j < shape[1]; j++) {
                        double expected = d.bias().get(0, j);
                        for (int i = 0; i < shape[0]; i++) {
                            expected += x.get(t, i) * w(d, i, j);
                        }
                        String where = layout + " " + shape[0] + "→" + shape[1];
                        assertEquals(expected, y.get(t, j), 1e-12 * (1 + Math.abs(expected)), where);
                        assertEquals(expected, row[3 + j], 1e-12 * (1 + Math.abs(expected)), where);
                        if (layout == Dense.Layout.INPUT_ROWS) {
                            // documented: the row kernel adds in EJML's order, bit for bit
                            assertEquals(y.get(t, j), row[3 + j], 0.0, where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void backwardMatchesPlainLoopsInBothLayouts() {
        Random r = new Random(2);
        for (Dense.Layout layout : Dense.Layout.values()) {
            Dense d = layer(5, 3, layout, r);
            DMatrixRMaj x = random(7, 5, r);
            DMatrixRMaj dy = random(7, 3, r);
            DMatrixRMaj dx = new DMatrixRMaj(7, 5);
            d.backward(x, dy, dx);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 3; j++) {
                    double dw = 0;
                    for (int t = 0; t < 7; t++) {
                        dw += x.get(t, i) * dy.get(t, j);
                    }
                    double got = layout == Dense.Layout.INPUT_ROWS
                            ? d.weightGradient().get(i, j) : d.weightGradient().get(j, i);
                    assertEquals(dw, got, 1e-12, layout + " dW");
                }
            }
            for (int j = 0; j < 3; j++) {
                double db = 0;
                for (int t = 0; t < 7; t++) {
                    db += dy.get(t, j);
                }
                assertEquals(db, d.biasGradient().get(0, j), 1e-12, layout + " db");
            }
            for (int t = 0; t < 7; t++) {
                for (int i = 0; i < 5; i++) {
                    double v = 0;
                    for (int j = 0; j < 3; j++) {
                        v += dy.get(t, j) * w(d, i, j);
                    }
                    assertEquals(v, dx.get(t, i), 1e-12, layout + " dx");
                }
            }
        }
    }

    @Test
    void initialisationIsUniformWithinPyTorchsBound() {
        int[][] shapes = {{4, 256}, {256, 2}, {256, 1}};
        for (int[] shape : shapes) {
            Dense d = new Dense(shape[0], shape[1], Dense.Layout.INPUT_ROWS);
            d.initLikePyTorch(new SplittableRandom(3));
            double bound = 1 / Math.sqrt(shape[0]);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double v : d.weight().data) {
                assertTrue(Math.abs(v) <= bound, "weight " + v + " beyond ±" + bound);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            for (double v : d.bias().data) {
                assertTrue(Math.abs(v) <= bound, "bias " + v + " beyond ±" + bound);
            }
            int n = d.weight().data.length;
            if (n >= 256) {
                // uniform over the whole range, not a narrower one
                assertTrue(min < -0.9 * bound && max > 0.9 * bound, min + " … " + max);
                assertEquals(0, sum / n, 0.1 * bound);
            }
        }
    }

    @Test
    void shapesAreCheckedAtConstructionAndUse() {
        assertThrows(IllegalArgumentException.class, () -> new Dense(0, 3, Dense.Layout.INPUT_ROWS));
        assertThrows(IllegalArgumentException.class, () -> new Dense(3, 3, null));
        Dense d = new Dense(4, 3, Dense.Layout.OUTPUT_ROWS);
        assertEquals(3, d.weight().numRows);
        assertEquals(4, d.weight().numCols);
        assertThrows(IllegalArgumentException.class,
                () -> d.forward(new DMatrixRMaj(2, 5), new DMatrixRMaj(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> d.backward(new DMatrixRMaj(2, 4), new DMatrixRMaj(3, 3), null));
    }
}
