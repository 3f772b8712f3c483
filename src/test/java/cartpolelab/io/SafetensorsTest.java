package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safetensors both ways in the notebook's names and layout; hostile headers refused. */
class SafetensorsTest {

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEpisodes(5);

    @TempDir
    Path dir;

    private static AgentState trained() {
        TrainingRun run = new TrainingRun(HP);
        run.train(false, s -> { });
        return run.snapshot().agent();
    }

    @Test
    void float64WritesAndReadsBackEveryBitOfEveryParameter() throws Exception {
        AgentState state = trained();
        Path f = dir.resolve("model.safetensors");
        PyTorchModel.write(f, HP, state, Safetensors.Dtype.F64);
        RunSnapshot back = PyTorchModel.read(f, Hyperparameters.DEFAULTS);
        assertEquals(16, back.hyperparameters().hiddenSize());
        assertEquals(0, back.episodes());
        for (int i = 0; i < state.parameters().size(); i++) {
            assertArrayEquals(state.parameters().get(i).data,
                    back.agent().parameters().get(i).data, "parameter " + i);
        }
    }

    @Test
    void float32RoundsEachValueToTheNearestFloat() throws Exception {
        AgentState state = trained();
        Path f = dir.resolve("f32.safetensors");
        PyTorchModel.write(f, HP, state, Safetensors.Dtype.F32);
        RunSnapshot back = PyTorchModel.read(f, Hyperparameters.DEFAULTS);
        double[] w = state.parameters().get(0).data;
        double[] r = back.agent().parameters().get(0).data;
        for (int i = 0; i < w.length; i++) {
            assertEquals((double) (float) w[i], r[i]);
        }
        assertEquals(8 + headerLength(f) + 4L * (2 * (16 * 4 + 16) + 16 * 2 + 2 + 16 + 1),
                Files.size(f));
    }

    @Test
    void theHeaderIsJsonWithTheNotebooksNamesPyTorchShapesAndContiguousOffsets()
            throws Exception {
        Path f = dir.resolve("h.safetensors");
        PyTorchModel.write(f, HP, trained(), Safetensors.Dtype.F32);
        long n = headerLength(f);
        assertEquals(0, n % 8);
        byte[] all = Files.readAllBytes(f);
        @SuppressWarnings("unchecked")
        Map<String, Object> h = (Map<String, Object>) Json.parse(
                new String(all, 8, (int) n, StandardCharsets.UTF_8));
        assertEquals(Map.of("format", "pt", "producer", "cartpole-lab", "algorithm", "A2C",
                "hidden", "16", "hidden_layers", "1", "activation", "relu"),
                h.get("__metadata__"));
        Map<String, List<Long>> shapes = Map.of(
                "critic_ln1.weight", List.of(16L, 4L), "critic_ln1.bias", List.of(16L),
                "critic_ln2.weight", List.of(1L, 16L), "critic_ln2.bias", List.of(1L),
                "actor_ln1.weight", List.of(16L, 4L), "actor_ln1.bias", List.of(16L),
                "actor_ln2.weight", List.of(2L, 16L), "actor_ln2.bias", List.of(2L));
        long next = 0;
        for (String name : PyTorchModel.NAMES) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) h.get(name);
            assertEquals("F32", t.get("dtype"));
            assertEquals(shapes.get(name), t.get("shape"), name);
            long count = shapes.get(name).stream().reduce(1L, (a, b) -> a * b);
            assertEquals(List.of(next, next + 4 * count), t.get("data_offsets"), name);
            next += 4 * count;
        }
        assertEquals(9, h.size());
        assertEquals(all.length - 8 - n, next);
    }

    /** π(s) of the notebook's forward pass, written out plainly: softmax(W2 relu(W1 s + b1) + b2). */
    static double[] notebookPolicy(double[][] w1, double[] b1, double[][] w2, double[] b2,
                                   double[] s) {
        double[] hidden = new double[b1.length];
        for (int j = 0; j < hidden.length; j++) {
            double z = b1[j];
            for (int i = 0; i < 4; i++) {
                z += w1[j][i] * s[i];
            }
            hidden[j] = Math.max(0, z);
        }
        double[] logits = new double[2];
        for (int a = 0; a < 2; a++) {
            logits[a] = b2[a];
            for (int j = 0; j < hidden.length; j++) {
                logits[a] += w2[a][j] * hidden[j];
            }
        }
        double m = Math.max(logits[0], logits[1]);
        double e0 = Math.exp(logits[0] - m);
        double e1 = Math.exp(logits[1] - m);
        return new double[] {e0 / (e0 + e1), e1 / (e0 + e1)};
    }

    @Test
    void aHandMadeStateDictInTheNotebooksLayoutLoadsAndGivesItsPolicy() throws Exception {
        int h = 5;
        Random random = new Random(7);
        double[][] w1 = new double[h][4];
        double[][] w2 = new double[2][h];
        double[] b1 = new double[h];
        double[] b2 = new double[2];
        for (double[] row : w1) {
            for (int i = 0; i < 4; i++) {
                row[i] = random.nextGaussian();
            }
        }
        for (double[] row : w2) {
            for (int j = 0; j < h; j++) {
                row[j] = random.nextGaussian();
            }
        }
        for (int j = 0; j < h; j++) {
            b1[j] = random.nextGaussian();
        }
        b2[0] = 0.3;
        b2[1] = -0.2;
        // the bytes as torch's save_file lays out a state_dict: keys sorted, F64, no metadata
        String[] names = {"actor_ln1.bias", "actor_ln1.weight", "actor_ln2.bias",
            "actor_ln2.weight", "critic_ln1.bias", "critic_ln1.weight", "critic_ln2.bias",
            "critic_ln2.weight"};
        double[][] data = {b1, flat(w1), b2, flat(w2), new double[h], new double[h * 4],
            new double[1], new double[h]};
        String[] shapes = {"[" + h + "]", "[" + h + ",4]", "[2]", "[2," + h + "]",
            "[" + h + "]", "[" + h + ",4]", "[1]", "[1," + h + "]"};
        StringBuilder json = new StringBuilder("{");
        long offset = 0;
        for (int k = 0; k < names.length; k++) {
            long end = offset + 8L * data[k].length;
            json.append(k > 0 ? "," : "").append('"').append(names[k])
                    .append("\":{\"dtype\":\"F64\",\"shape\":").append(shapes[k])
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end)
                    .append("]}");
            offset = end;
        }
        json.append('}');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + (int) offset)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        for (double[] d : data) {
            for (double v : d) {
                b.putDouble(v);
            }
        }
        bytes.write(b.array());
        Path f = Files.write(dir.resolve("hand.safetensors"), bytes.toByteArray());

        RunSnapshot snap = PyTorchModel.read(f, Hyperparameters.DEFAULTS);
        Agent agent = Agent.restore(snap.hyperparameters(), snap.agent());
        double[][] states = {{0, 0, 0, 0}, {0.1, -0.5, 0.05, 0.8}, {-1.2, 1.0, -0.15, -1.5}};
        for (double[] s : states) {
            double[] ours = new double[2];
            agent.probabilities(s, ours);
            assertArrayEquals(notebookPolicy(w1, b1, w2, b2, s), ours, 1e-12);
        }
    }

    private static double[] flat(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * m[0].length, m[0].length);
        }
        return out;
    }

    @Test
    void aModelWrittenByTorchLoadsAndGivesTheSamePolicyAsTorchDid() throws Exception {
        // src/test/resources/cartpolelab/io/notebook-actor-critic.safetensors: the notebook's
        // ActorCritic(4, 2, 32) after torch.manual_seed(0), saved by safetensors.torch
        // .save_file(ac.state_dict()); notebook-actor-critic-policy.csv: its π(s) (float32)
        Path model = Path.of(getClass().getResource("notebook-actor-critic.safetensors").toURI());
        RunSnapshot snap = PyTorchModel.read(model, Hyperparameters.DEFAULTS);
        assertEquals(32, snap.hyperparameters().hiddenSize());
        Agent agent = Agent.restore(snap.hyperparameters(), snap.agent());
        List<String> rows = Files.readAllLines(Path.of(getClass()
                .getResource("notebook-actor-critic-policy.csv").toURI()));
        assertEquals("x,x_dot,theta,theta_dot,pi_left,pi_right,value", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            double[] v = java.util.Arrays.stream(row.split(",")).mapToDouble(Double::parseDouble)
                    .toArray();
            double[] pi = new double[2];
            agent.probabilities(java.util.Arrays.copyOf(v, 4), pi);
            assertArrayEquals(new double[] {v[4], v[5]}, pi, 1e-6, row);
            assertEquals(v[6], agent.value(java.util.Arrays.copyOf(v, 4)), 1e-5, row);
        }
        assertEquals(6, rows.size());
    }

    @Test
    void hostileOrWrongFilesAreRefusedAtOnceWithOneLineSayingWhatWasExpected()
            throws Exception {
        Path good = dir.resolve("good.safetensors");
        PyTorchModel.write(good, HP, trained(), Safetensors.Dtype.F32);
        byte[] all = Files.readAllBytes(good);
        int n = (int) headerLength(good);
        String header = new String(all, 8, n, StandardCharsets.UTF_8);

        byte[] huge = all.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE / 2);
        refused(huge, "its header claims 4611686018427387903 bytes");
        refused(withHeader(all, n, header.replace("\"F32\"", "\"I32\"")),
                "has dtype I32; expected F32 or F64");
        refused(withHeader(all, n, header.replaceFirst("\"data_offsets\":\\[(\\d+),",
                "\"data_offsets\":[4,")), "data_offsets span");
        // the second tensor moved onto the first: same span, overlapping
        refused(withHeader(all, n, header.replace("[256,320]", "[0,64]   ")),
                "(tensors overlap or leave a gap)");
        refused(withHeader(all, n, header.replace("actor_ln2.weight", "actor.0.weight__")),
                "it holds actor.0.weight__, which the notebook's ActorCritic has not");
        refused(withHeader(all, n, header.replace("\"shape\":[1,16]", "\"shape\":[16,1]")),
                "critic_ln2.weight has shape [16, 1]; expected [1, 16] (hidden 16)");
        refused(withHeader(all, n, "{\"a\":" + " ".repeat(n - 5)), "not valid JSON");
        refused(java.util.Arrays.copyOf(all, all.length - 3), "(cut or padded)");
        refused(new byte[] {1, 2, 3}, "shorter than the 8-byte header length");
    }

    private void refused(byte[] content, String expected) throws IOException {
        Path f = Files.write(dir.resolve("bad.safetensors"), content);
        long t0 = System.nanoTime();
        String m = assertThrows(IOException.class,
                () -> PyTorchModel.read(f, Hyperparameters.DEFAULTS)).getMessage();
        assertTrue(m.contains(expected), m);
        assertTrue(m.startsWith(f.toString()), m);
        assertEquals(1, m.lines().count(), m);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused in under 2 s");
    }

    private static byte[] withHeader(byte[] all, int n, String header) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        assertEquals(n, h.length, "the edit keeps the header's length");
        byte[] out = all.clone();
        System.arraycopy(h, 0, out, 8, n);
        return out;
    }

    private static long headerLength(Path f) throws IOException {
        byte[] first = java.util.Arrays.copyOf(Files.readAllBytes(f), 8);
        return ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
