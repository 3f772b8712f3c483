package cartpolelab.io;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.ParameterShape;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.RunSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A run's networks as the study notebook's PyTorch {@code ActorCritic} holds them, in a
 * {@link Safetensors} file: {@code model.load_state_dict(safetensors.torch.load_file(f))} loads
 * it, and a model trained in the notebook loads here into a new run.
 *
 * <p>Names and shapes ({@code h} the hidden size), PyTorch's {@code nn.Linear} layout
 * ({@code weight} is [out, in], y = x Wᵀ + b):
 * <pre>
 *   critic_ln1.weight [h, 4]   critic_ln1.bias [h]   critic_ln2.weight [1, h]   critic_ln2.bias [1]
 *   actor_ln1.weight  [h, 4]   actor_ln1.bias  [h]   actor_ln2.weight  [2, h]   actor_ln2.bias  [2]
 * </pre>
 * Ours keep the first layers' weights as [in, out] ({@code actor.w1}, 4 × h), so those are
 * transposed on the way out and back; the rest is the same row-major data.
 */
public final class PyTorchModel {

    /** The notebook's {@code state_dict} keys, in its order. */
    public static final List<String> NAMES = List.of(
            "critic_ln1.weight", "critic_ln1.bias", "critic_ln2.weight", "critic_ln2.bias",
            "actor_ln1.weight", "actor_ln1.bias", "actor_ln2.weight", "actor_ln2.bias");

    /** For each name of {@link #NAMES}, the index of our parameter ({@link Agent} order). */
    private static final int[] OURS = {4, 5, 6, 7, 0, 1, 2, 3};
    /** Whether our matrix is the transpose of PyTorch's weight. */
    private static final boolean[] TRANSPOSED = {true, false, false, false,
        true, false, false, false};

    private PyTorchModel() {
    }

    /** The networks of {@code agent} as the notebook's tensors, in {@link #NAMES} order. */
    public static List<Safetensors.Tensor> tensors(AgentState agent) {
        List<Safetensors.Tensor> out = new ArrayList<>();
        for (int k = 0; k < NAMES.size(); k++) {
            DMatrixRMaj m = agent.parameters().get(OURS[k]);
            String name = NAMES.get(k);
            if (TRANSPOSED[k]) {
                double[] v = new double[m.getNumElements()];
                for (int r = 0; r < m.numRows; r++) {
                    for (int c = 0; c < m.numCols; c++) {
                        v[c * m.numRows + r] = m.get(r, c);
                    }
                }
                out.add(new Safetensors.Tensor(name, new int[] {m.numCols, m.numRows}, v));
            } else if (name.endsWith(".bias")) {
                out.add(new Safetensors.Tensor(name, new int[] {m.getNumElements()},
                        java.util.Arrays.copyOf(m.data, m.getNumElements())));
            } else {
                out.add(new Safetensors.Tensor(name, new int[] {m.numRows, m.numCols},
                        java.util.Arrays.copyOf(m.data, m.getNumElements())));
            }
        }
        return out;
    }

    /**
     * Writes the networks of a run; F32 rounds each value to float, F64 keeps every bit.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(Path file, Hyperparameters hp, AgentState agent,
                             Safetensors.Dtype dtype) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("producer", "cartpole-lab");
        meta.put("algorithm", hp.algorithm().displayName());
        meta.put("hidden", Integer.toString(hp.hiddenSize()));
        Safetensors.write(file, tensors(agent), dtype, meta);
    }

    /**
     * A new run of {@code base}'s settings (its hidden size taken from the file) whose
     * networks are the file's, with a fresh optimiser and no episodes yet.
     *
     * @throws IOException one line naming the file, what is wrong and what was expected
     */
    public static RunSnapshot read(Path file, Hyperparameters base) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        for (Safetensors.Tensor t : c.tensors()) {
            if (!NAMES.contains(t.name())) {
                throw bad(file, "it holds " + t.name() + ", which the notebook's ActorCritic "
                        + "has not");
            }
        }
        for (String name : NAMES) {
            if (c.get(name) == null) {
                throw bad(file, "it has no " + name);
            }
        }
        int[] first = c.get("actor_ln1.weight").shape();
        int h = first.length == 2 ? first[0] : -1;
        if (h < 1 || h > Hyperparameters.MAX_HIDDEN_SIZE) {
            throw bad(file, "actor_ln1.weight has shape " + java.util.Arrays.toString(first)
                    + "; expected [hidden, 4] with hidden in [1, "
                    + Hyperparameters.MAX_HIDDEN_SIZE + "]");
        }
        Hyperparameters hp = base.withHiddenSize(h);
        List<ParameterShape> shapes = Agent.parameterShapes(hp);
        DMatrixRMaj[] ours = new DMatrixRMaj[shapes.size()];
        for (int k = 0; k < NAMES.size(); k++) {
            Safetensors.Tensor t = c.get(NAMES.get(k));
            ParameterShape s = shapes.get(OURS[k]);
            int[] want = TRANSPOSED[k] ? new int[] {s.cols(), s.rows()}
                    : NAMES.get(k).endsWith(".bias") ? new int[] {s.cols()}
                    : new int[] {s.rows(), s.cols()};
            if (!java.util.Arrays.equals(want, t.shape())) {
                throw bad(file, NAMES.get(k) + " has shape "
                        + java.util.Arrays.toString(t.shape()) + "; expected "
                        + java.util.Arrays.toString(want) + " (hidden " + h + ")");
            }
            for (double v : t.values()) {
                if (!Double.isFinite(v)) {
                    throw bad(file, NAMES.get(k) + " holds " + v + "; expected finite values");
                }
            }
            DMatrixRMaj m = new DMatrixRMaj(s.rows(), s.cols());
            if (TRANSPOSED[k]) {
                for (int r = 0; r < s.rows(); r++) {
                    for (int col = 0; col < s.cols(); col++) {
                        m.set(r, col, t.values()[col * s.rows() + r]);
                    }
                }
            } else {
                System.arraycopy(t.values(), 0, m.data, 0, t.values().length);
            }
            ours[OURS[k]] = m;
        }
        List<DMatrixRMaj> params = List.of(ours);
        List<DMatrixRMaj> zeros = new ArrayList<>();
        for (DMatrixRMaj m : params) {
            zeros.add(new DMatrixRMaj(m.numRows, m.numCols));
        }
        AgentState state = new AgentState(params, zeros, zeros, 0);
        return new RunSnapshot(hp, state, 0, 0, new EpisodeHistory());
    }

    private static IOException bad(Path file, String what) {
        return new IOException(file + " is not the notebook's ActorCritic: " + what
                + " (expected exactly " + String.join(", ", NAMES) + ")");
    }
}
