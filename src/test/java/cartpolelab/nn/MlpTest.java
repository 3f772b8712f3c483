package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Deeper networks and the new activation and initialisation: a two-layer tanh MLP's forward
 * pass against a plain loop, its backward pass against central finite differences, the
 * one-row pass against the batched one, and orthogonal weights' defining property.
 */
class MlpTest {

    private static final int IN = 4;
    private static final int H = 6;
    private static final int OUT = 2;

    private static Mlp twoTanhLayers(long seed) {
        Mlp mlp = new Mlp(IN, H, 2, OUT, Activation.TANH);
        mlp.initLikePyTorch(new SplittableRandom(seed));
        return mlp;
    }

    /** y of one row by plain loops over W1 (in × h), W2 (h × h), Wₒ (out × h). */
    private static double[] reference(List<DMatrixRMaj> p, double[] x) {
        double[] h1 = new double[H];
        double[] h2 = new double[H];
        double[] y = new double[OUT];
        for (int j = 0; j < H; j++) {
            double a = p.get(1).data[j];
            for (int i = 0; i < IN; i++) {
                a += x[i] * p.get(0).get(i, j);
            }
            h1[j] = Math.tanh(a);
        }
        for (int j = 0; j < H; j++) {
            double a = p.get(3).data[j];
            for (int i = 0; i < H; i++) {
                a += h1[i] * p.get(2).get(i, j);
            }
            h2[j] = Math.tanh(a);
        }
        for (int k = 0; k < OUT; k++) {
            double a = p.get(5).data[k];
            for (int i = 0; i < H; i++) {
                a += h2[i] * p.get(4).get(k, i);
            }
            y[k] = a;
        }
        return y;
    }

    private static DMatrixRMaj inputs(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, IN);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextDouble(-2, 2);
        }
        return x;
    }

    @Test
    void forwardOfTwoTanhLayersMatchesThePlainLoopRowByRowAndBatched() {
        Mlp mlp = twoTanhLayers(1);
        DMatrixRMaj x = inputs(5, 2);
        Mlp.Workspace batch = mlp.newWorkspace(5);
        Mlp.Workspace row = mlp.newWorkspace(1);
        mlp.forward(x, batch);
        for (int r = 0; r < 5; r++) {
            double[] xr = new double[IN];
            System.arraycopy(x.data, r * IN, xr, 0, IN);
            double[] want = reference(mlp.parameters(), xr);
            mlp.forwardRow(x.data, r * IN, row);
            for (int k = 0; k < OUT; k++) {
                assertEquals(want[k], batch.output().get(r, k), 1e-12);
                assertEquals(want[k], row.output().data[k], 1e-12);
            }
        }
    }

    @Test
    void backwardMatchesCentralFiniteDifferences() {
        // L = Σ_r Σ_k c_rk y_rk with fixed c, so dL/dy = c
        Mlp mlp = twoTanhLayers(3);
        DMatrixRMaj x = inputs(7, 4);
        DMatrixRMaj c = inputs(7, 5);
        c.reshape(7, OUT);
        Mlp.Workspace ws = mlp.newWorkspace(7);
        mlp.forward(x, ws);
        mlp.backward(x, ws.hidden(), c, ws);
        List<DMatrixRMaj> params = mlp.parameters();
        List<DMatrixRMaj> grads = mlp.gradients();
        double eps = 1e-6;
        for (int m = 0; m < params.size(); m++) {
            double[] p = params.get(m).data;
            for (int i = 0; i < p.length; i++) {
                double keep = p[i];
                p[i] = keep + eps;
                double up = loss(mlp, x, c);
                p[i] = keep - eps;
                double down = loss(mlp, x, c);
                p[i] = keep;
                double fd = (up - down) / (2 * eps);
                double g = grads.get(m).data[i];
                assertEquals(fd, g, 1e-7 * (1 + Math.abs(fd)), "parameter " + m + "[" + i + "]");
            }
        }
    }

    private static double loss(Mlp mlp, DMatrixRMaj x, DMatrixRMaj c) {
        Mlp.Workspace ws = mlp.newWorkspace(x.numRows);
        mlp.forward(x, ws);
        double sum = 0;
        for (int i = 0; i < c.getNumElements(); i++) {
            sum += c.data[i] * ws.output().data[i];
        }
        return sum;
    }

    @Test
    void orthogonalWeightsHaveOrthonormalRowsOrColumnsTimesTheGain() {
        // a wide and a tall PyTorch-shaped weight: W Wᵀ = g² I (wide) or Wᵀ W = g² I (tall)
        for (int[] shape : new int[][] {{2, 64}, {64, 4}, {64, 64}}) {
            double gain = Math.sqrt(2);
            DMatrixRMaj w = Initialisation.orthogonal(shape[0], shape[1], gain,
                    new SplittableRandom(9));
            boolean wide = shape[0] < shape[1];
            DMatrixRMaj gram = wide ? new DMatrixRMaj(shape[0], shape[0])
                    : new DMatrixRMaj(shape[1], shape[1]);
            if (wide) {
                CommonOps_DDRM.multTransB(w, w, gram);
            } else {
                CommonOps_DDRM.multTransA(w, w, gram);
            }
            for (int i = 0; i < gram.numRows; i++) {
                for (int j = 0; j < gram.numCols; j++) {
                    assertEquals(i == j ? gain * gain : 0, gram.get(i, j), 1e-12);
                }
            }
        }
        Mlp mlp = new Mlp(IN, 64, 2, OUT, Activation.TANH);
        mlp.initOrthogonal(Math.sqrt(2), 0.01, new SplittableRandom(1));
        DMatrixRMaj out = mlp.parameters().get(4);
        double rowNorm = Math.sqrt(CommonOps_DDRM.elementSum(
                CommonOps_DDRM.elementMult(out, out, null)) / OUT);
        assertEquals(0.01, rowNorm, 1e-12, "the policy head's rows have norm 0.01");
        assertTrue(CommonOps_DDRM.elementMaxAbs(mlp.parameters().get(1)) == 0, "biases 0");
    }
}
