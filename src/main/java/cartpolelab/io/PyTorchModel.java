package cartpolelab.io;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.HyperparameterBuilder;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NamedSettings;
import cartpolelab.agent.ParameterShape;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.RunSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * A run's networks as PyTorch holds them, in a {@link Safetensors} file:
 * {@code model.load_state_dict(safetensors.torch.load_file(f))} loads it, and a model trained
 * in PyTorch in the same layout loads here into a new run.
 *
 * <p>Two naming schemes, both PyTorch's {@code nn.Linear} layout ({@code weight} is [out, in],
 * y = x Wᵀ + b; {@code h} the hidden size):
 * <ul>
 *   <li>One hidden layer: the study notebook's {@code ActorCritic},
 * <pre>
 *   critic_ln1.weight [h, 4]   critic_ln1.bias [h]   critic_ln2.weight [1, h]   critic_ln2.bias [1]
 *   actor_ln1.weight  [h, 4]   actor_ln1.bias  [h]   actor_ln2.weight  [2, h]   actor_ln2.bias  [2]
 * </pre></li>
 *   <li>L ≥ 2 hidden layers: two {@code nn.Sequential}s named {@code actor} and {@code critic},
 *   Linear and activation modules alternating, so the Linear layers are modules 0, 2, …, 2L:
 *   {@code actor.0.weight [h, 4]}, {@code actor.0.bias [h]}, {@code actor.2.weight [h, h]}, …,
 *   {@code actor.{2L}.weight [2, h]}, and the same for {@code critic} with one output.</li>
 * </ul>
 * Ours keep hidden layers' weights as [in, out] ({@code actor.w1}, 4 × h), so those are
 * transposed on the way out and back; output layers and biases are the same row-major data.
 * The file's metadata names the activation; a file without it gets the given settings'.
 */
public final class PyTorchModel {

    /** The notebook's {@code state_dict} keys, in its order (one hidden layer). */
    public static final List<String> NAMES = names(1);

    /** The metadata key, and {@link NamedSettings}' name, of the hidden layers' activation. */
    private static final String ACTIVATION = "activation";

    private static final Pattern SEQUENTIAL = Pattern.compile("actor\\.(\\d+)\\.weight");

    /** One tensor of the file and where it lives among our parameters. */
    private record Slot(String name, int ours, boolean transposed, boolean bias) {
    }

    private PyTorchModel() {
    }

    /** The PyTorch names for networks of {@code hiddenLayers} hidden layers, critic first. */
    public static List<String> names(int hiddenLayers) {
        return slots(hiddenLayers).stream().map(Slot::name).toList();
    }

    /**
     * The slots in the file's order: the critic's layers then the actor's, each weight then
     * bias. Our parameters are the actor's then the critic's, {@code w1, b1, …} per network.
     */
    private static List<Slot> slots(int hiddenLayers) {
        int perNetwork = 2 * (hiddenLayers + 1);
        List<Slot> slots = new ArrayList<>();
        for (String net : List.of("critic", "actor")) {
            int base = net.equals("actor") ? 0 : perNetwork;
            for (int l = 1; l <= hiddenLayers + 1; l++) {
                String module = hiddenLayers == 1 ? net + "_ln" + l : net + "." + 2 * (l - 1);
                boolean hidden = l <= hiddenLayers;
                slots.add(new Slot(module + ".weight", base + 2 * (l - 1), hidden, false));
                slots.add(new Slot(module + ".bias", base + 2 * (l - 1) + 1, false, true));
            }
        }
        return slots;
    }

    /** The networks of {@code agent} (of settings {@code hp}) as PyTorch's tensors. */
    public static List<Safetensors.Tensor> tensors(Hyperparameters hp, AgentState agent) {
        List<Safetensors.Tensor> out = new ArrayList<>();
        for (Slot s : slots(hp.hiddenLayers())) {
            DMatrixRMaj m = agent.parameters().get(s.ours());
            if (s.transposed()) {
                double[] v = new double[m.getNumElements()];
                for (int r = 0; r < m.numRows; r++) {
                    for (int c = 0; c < m.numCols; c++) {
                        v[c * m.numRows + r] = m.get(r, c);
                    }
                }
                out.add(new Safetensors.Tensor(s.name(), new int[] {m.numCols, m.numRows}, v));
            } else {
                int[] shape = s.bias() ? new int[] {m.getNumElements()}
                        : new int[] {m.numRows, m.numCols};
                out.add(new Safetensors.Tensor(s.name(), shape,
                        Arrays.copyOf(m.data, m.getNumElements())));
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
        meta.put("hidden_layers", Integer.toString(hp.hiddenLayers()));
        meta.put("activation", NamedSettings.of(hp).get(ACTIVATION));
        Safetensors.write(file, tensors(hp, agent), dtype, meta);
    }

    /**
     * A new run of {@code base}'s settings (hidden size and layers taken from the file, the
     * activation from its metadata when it names one) whose networks are the file's, with a
     * fresh optimiser and no episodes yet.
     *
     * @throws IOException one line naming the file, what is wrong and what was expected
     */
    public static RunSnapshot read(Path file, Hyperparameters base) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        int layers = hiddenLayers(file, c);
        List<String> expected = names(layers);
        for (Safetensors.Tensor t : c.tensors()) {
            if (!expected.contains(t.name())) {
                throw bad(file, layers, "it holds " + t.name() + ", which " + layout(layers)
                        + " has not");
            }
        }
        for (String name : expected) {
            if (c.get(name) == null) {
                throw bad(file, layers, "it has no " + name);
            }
        }
        String first = expected.get(layers == 1 ? 4 : 2 * (layers + 1));
        int[] shape = c.get(first).shape();
        int h = shape.length == 2 ? shape[0] : -1;
        if (h < 1 || h > Hyperparameters.MAX_HIDDEN_SIZE) {
            throw bad(file, layers, first + " has shape " + Arrays.toString(shape)
                    + "; expected [hidden, 4] with hidden in [1, "
                    + Hyperparameters.MAX_HIDDEN_SIZE + "]");
        }
        HyperparameterBuilder b = base.toBuilder().hiddenSize(h).hiddenLayers(layers);
        activation(file, c, b);
        Hyperparameters hp = b.build();
        List<ParameterShape> shapes = Agent.parameterShapes(hp);
        DMatrixRMaj[] ours = new DMatrixRMaj[shapes.size()];
        for (Slot slot : slots(layers)) {
            Safetensors.Tensor t = c.get(slot.name());
            ParameterShape s = shapes.get(slot.ours());
            int[] want = slot.transposed() ? new int[] {s.cols(), s.rows()}
                    : slot.bias() ? new int[] {s.cols()} : new int[] {s.rows(), s.cols()};
            if (!Arrays.equals(want, t.shape())) {
                throw bad(file, layers, slot.name() + " has shape " + Arrays.toString(t.shape())
                        + "; expected " + Arrays.toString(want) + " (hidden " + h + ")");
            }
            for (double v : t.values()) {
                if (!Double.isFinite(v)) {
                    throw bad(file, layers, slot.name() + " holds " + v
                            + "; expected finite values");
                }
            }
            DMatrixRMaj m = new DMatrixRMaj(s.rows(), s.cols());
            if (slot.transposed()) {
                for (int r = 0; r < s.rows(); r++) {
                    for (int col = 0; col < s.cols(); col++) {
                        m.set(r, col, t.values()[col * s.rows() + r]);
                    }
                }
            } else {
                System.arraycopy(t.values(), 0, m.data, 0, t.values().length);
            }
            ours[slot.ours()] = m;
        }
        List<DMatrixRMaj> params = List.of(ours);
        List<DMatrixRMaj> zeros = new ArrayList<>();
        for (DMatrixRMaj m : params) {
            zeros.add(new DMatrixRMaj(m.numRows, m.numCols));
        }
        AgentState state = new AgentState(params, zeros, zeros, 0);
        return new RunSnapshot(hp, state, 0, 0, new EpisodeHistory());
    }

    /** 1 for the notebook's names, L for {@code actor.0 … actor.2L}. */
    private static int hiddenLayers(Path file, Safetensors.Contents c) throws IOException {
        if (c.get("actor_ln1.weight") != null) {
            return 1;
        }
        int last = -1;
        for (Safetensors.Tensor t : c.tensors()) {
            Matcher m = SEQUENTIAL.matcher(t.name());
            if (m.matches() && m.group(1).length() < 4) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        int layers = last / 2;
        if (last < 4 || last % 2 != 0 || layers > Hyperparameters.MAX_HIDDEN_LAYERS) {
            throw new IOException(file + " is not an actor-critic in a layout we know: expected "
                    + "the notebook's ActorCritic (" + String.join(", ", NAMES) + ") or two "
                    + "nn.Sequential named actor and critic (actor.0.weight, actor.2.weight, "
                    + "…, 2 to " + Hyperparameters.MAX_HIDDEN_LAYERS + " hidden layers)");
        }
        return layers;
    }

    /** The file's activation (its metadata names it) on {@code b}, else {@code b}'s stays. */
    private static void activation(Path file, Safetensors.Contents c, HyperparameterBuilder b)
            throws IOException {
        String named = c.metadata() == null ? null : c.metadata().get(ACTIVATION);
        if (named == null) {
            return;
        }
        try {
            NamedSettings.apply(b, ACTIVATION, named);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": its metadata names the activation '"
                    + SafeText.value(named) + "'; expected relu or tanh");
        }
    }

    private static String layout(int layers) {
        return layers == 1 ? "the notebook's ActorCritic"
                : "an actor-critic of " + layers + " hidden layers";
    }

    private static IOException bad(Path file, int layers, String what) {
        return new IOException(file + " is not " + layout(layers) + ": " + what
                + " (expected exactly " + String.join(", ", names(layers)) + ")");
    }
}
