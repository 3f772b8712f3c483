package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.nn.Activation;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks of several hidden layers (SB3's two tanh layers of 64) as two {@code nn.Sequential}
 * named actor and critic: written, read back, and read from a file torch wrote.
 */
class PyTorchLayersTest {

    private static final Hyperparameters SB3_LIKE = Hyperparameters.DEFAULTS.toBuilder()
            .hiddenSize(64).hiddenLayers(2).activation(Activation.TANH).episodes(3).build();

    @TempDir
    Path dir;

    @Test
    void theNamesAreTheNotebooksForOneLayerAndSequentialModulesForMore() {
        assertEquals(List.of("critic_ln1.weight", "critic_ln1.bias", "critic_ln2.weight",
                "critic_ln2.bias", "actor_ln1.weight", "actor_ln1.bias", "actor_ln2.weight",
                "actor_ln2.bias"), PyTorchModel.names(1));
        assertEquals(List.of("critic.0.weight", "critic.0.bias", "critic.2.weight",
                "critic.2.bias", "critic.4.weight", "critic.4.bias", "actor.0.weight",
                "actor.0.bias", "actor.2.weight", "actor.2.bias", "actor.4.weight",
                "actor.4.bias"), PyTorchModel.names(2));
    }

    @Test
    void twoTanhLayersWriteAndReadBackEveryBitWithTheirActivation() throws Exception {
        TrainingRun run = new TrainingRun(SB3_LIKE);
        run.train(false, s -> { });
        AgentState state = run.snapshot().agent();
        Path f = dir.resolve("sb3.safetensors");
        PyTorchModel.write(f, SB3_LIKE, state, Safetensors.Dtype.F64);

        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(PyTorchModel.names(2), c.tensors().stream().map(Safetensors.Tensor::name)
                .toList());
        assertArrayEquals(new int[] {64, 4}, c.get("actor.0.weight").shape());
        assertArrayEquals(new int[] {64, 64}, c.get("critic.2.weight").shape());
        assertArrayEquals(new int[] {2, 64}, c.get("actor.4.weight").shape());
        assertEquals("tanh", c.metadata().get("activation"));

        // the file names its activation: it wins over the given settings' relu
        RunSnapshot back = PyTorchModel.read(f, Hyperparameters.DEFAULTS);
        assertEquals(2, back.hyperparameters().hiddenLayers());
        assertEquals(64, back.hyperparameters().hiddenSize());
        assertEquals(Activation.TANH, back.hyperparameters().activation());
        for (int i = 0; i < state.parameters().size(); i++) {
            assertArrayEquals(state.parameters().get(i).data,
                    back.agent().parameters().get(i).data, "parameter " + i);
        }
    }

    @Test
    void aSequentialModelWrittenByTorchGivesTheSamePolicyAndValueAsTorchDid() throws Exception {
        // sequential-actor-critic.safetensors: actor = Sequential(Linear(4, 64), Tanh,
        // Linear(64, 64), Tanh, Linear(64, 2)), critic the same with one output, after
        // torch.manual_seed(7), saved by safetensors.torch.save_file(model.state_dict()) (no
        // metadata); sequential-actor-critic-policy.csv: its π(s) and V(s) in float32
        Path model = resource("sequential-actor-critic.safetensors");
        Hyperparameters tanh = Hyperparameters.DEFAULTS.toBuilder()
                .activation(Activation.TANH).build();
        RunSnapshot snap = PyTorchModel.read(model, tanh);
        assertEquals(2, snap.hyperparameters().hiddenLayers());
        Agent agent = Agent.restore(snap.hyperparameters(), snap.agent());
        List<String> rows = Files.readAllLines(resource("sequential-actor-critic-policy.csv"));
        for (String row : rows.subList(1, rows.size())) {
            double[] v = Arrays.stream(row.split(",")).mapToDouble(Double::parseDouble)
                    .toArray();
            double[] s = Arrays.copyOf(v, 4);
            double[] pi = new double[2];
            agent.probabilities(s, pi);
            assertArrayEquals(new double[] {v[4], v[5]}, pi, 1e-6, row);
            assertEquals(v[6], agent.value(s), 1e-5, row);
        }
        assertEquals(6, rows.size());

        // without metadata the given settings' activation is used: relu gives another policy
        Agent relu = Agent.restore(PyTorchModel.read(model, Hyperparameters.DEFAULTS)
                .hyperparameters(), snap.agent());
        assertNotEquals(agent.value(new double[] {2.0, 0.3, 0.2, 1.1}),
                relu.value(new double[] {2.0, 0.3, 0.2, 1.1}));
    }

    @Test
    void layoutsWeDoNotKnowAreRefusedWithOneLineNamingBoth() throws Exception {
        Path odd = dir.resolve("odd.safetensors");
        Safetensors.write(odd, List.of(new Safetensors.Tensor("actor.1.weight",
                new int[] {2, 4}, new double[8])), Safetensors.Dtype.F32, Map.of());
        String m = assertThrows(IOException.class,
                () -> PyTorchModel.read(odd, Hyperparameters.DEFAULTS)).getMessage();
        assertTrue(m.startsWith(odd + " is not an actor-critic in a layout we know"), m);
        assertTrue(m.contains("actor_ln1.weight") && m.contains("actor.2.weight"), m);
        assertEquals(1, m.lines().count());

        Path missing = dir.resolve("missing.safetensors");
        Safetensors.write(missing, List.of(new Safetensors.Tensor("actor.4.weight",
                new int[] {2, 64}, new double[128])), Safetensors.Dtype.F32, Map.of());
        m = assertThrows(IOException.class,
                () -> PyTorchModel.read(missing, Hyperparameters.DEFAULTS)).getMessage();
        assertTrue(m.contains("is not an actor-critic of 2 hidden layers: it has no "
                + "critic.0.weight"), m);
    }

    private Path resource(String name) throws Exception {
        return Path.of(getClass().getResource(name).toURI());
    }
}
