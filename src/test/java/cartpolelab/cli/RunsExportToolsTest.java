package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.PyTorchModel;
import cartpolelab.io.Safetensors;
import cartpolelab.io.tensorboard.Event;
import cartpolelab.library.RunLibrary;
import cartpolelab.nn.Activation;
import cartpolelab.train.RunSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs export … --tensorboard DIR / --pytorch FILE} and {@code runs import
 * model.safetensors}: stored runs reach TensorBoard and PyTorch, and PyTorch networks become
 * runs of the library.
 */
class RunsExportToolsTest {

    @TempDir
    Path dir;

    @Test
    void storedRunsBecomeOneEventsDirectoryEachWithEveryEpisodeOfTheirCsv() throws Exception {
        String lib = dir.resolve("runs.db").toString();
        for (String seed : List.of("1", "2")) {
            assertEquals(0, cli("train", "--episodes", "30", "--hidden", "16", "--seed", seed,
                    "--library", lib, "--quiet").code());
        }
        Path logs = dir.resolve("logs");
        CliTest.Run r = cli("runs", "export", "1", "2", "--library", lib, "--tensorboard",
                logs.toString());
        assertEquals(0, r.code(), r.err());
        for (String id : List.of("1", "2")) {
            Path csv = dir.resolve("run" + id + ".csv");
            assertEquals(0, cli("runs", "export", id, "--library", lib, "--csv",
                    csv.toString()).code());
            List<Event> events = TensorBoardCliTest.events(logs.resolve("run-" + id));
            assertEquals("settings", events.get(1).getSummary().getValue(0).getTag());
            Map<String, Map<Long, Float>> scalars = TensorBoardCliTest.scalars(events);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(31, lines.size());
            String[] header = lines.get(0).split(",", -1);
            int reward = List.of(header).indexOf("episode/reward");
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                assertEquals((float) Double.parseDouble(v[reward]),
                        scalars.get("episode/reward").get(Long.parseLong(v[0])), line);
            }
        }
    }

    @Test
    void aRunsNetworksGoToPyTorchAndPyTorchNetworksComeBackAsANewRun() throws Exception {
        String lib = dir.resolve("runs.db").toString();
        Path cplb = dir.resolve("a.cplb");
        assertEquals(0, cli("train", "--episodes", "20", "--hidden", "64,64", "--activation",
                "tanh", "--library", lib, "--checkpoint", cplb.toString(), "--quiet").code());
        Path model = dir.resolve("model.safetensors");
        CliTest.Run r = cli("runs", "export", "1", "--library", lib, "--pytorch",
                model.toString(), "--dtype", "float64");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote pytorch    " + model), r.out());
        RunSnapshot trained = Checkpoint.read(cplb);
        assertEquals(PyTorchModel.names(2), Safetensors.read(model).tensors().stream()
                .map(Safetensors.Tensor::name).toList());

        r = cli("runs", "import", model.toString(), "--library", lib);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model.safetensors: networks of 2 hidden layers of 64, "
                + "tanh"), r.out());
        try (RunLibrary library = RunLibrary.open(Path.of(lib))) {
            RunSnapshot back = library.reader().snapshot(2);
            Hyperparameters hp = back.hyperparameters();
            assertEquals(2, hp.hiddenLayers());
            assertEquals(Activation.TANH, hp.activation());
            assertEquals(0, back.episodes());
            for (int i = 0; i < trained.agent().parameters().size(); i++) {
                assertArrayEquals(trained.agent().parameters().get(i).data,
                        back.agent().parameters().get(i).data, "parameter " + i);
            }
        }
    }

    @Test
    void badRequestsGetOneLineAndExitTwo() throws Exception {
        String lib = dir.resolve("runs.db").toString();
        assertEquals(0, cli("train", "--episodes", "5", "--hidden", "8", "--library", lib,
                "--quiet").code());
        assertEquals(0, cli("train", "--episodes", "5", "--hidden", "8", "--library", lib,
                "--quiet").code());
        CliTest.Run two = cli("runs", "export", "1", "2", "--library", lib, "--pytorch",
                dir.resolve("m.safetensors").toString());
        assertEquals(2, two.code());
        assertTrue(two.err().startsWith("error: --pytorch takes one run, not 2"), two.err());
        CliTest.Run dtype = cli("runs", "export", "1", "--library", lib, "--pytorch",
                dir.resolve("m.safetensors").toString(), "--dtype", "f16");
        assertEquals(2, dtype.code());
        assertTrue(dtype.err().startsWith("error: --dtype must be float32 or float64, was f16"),
                dtype.err());
        Path bad = Files.writeString(dir.resolve("bad.safetensors"), "garbage");
        CliTest.Run imported = cli("runs", "import", bad.toString(), "--library", lib);
        assertEquals(2, imported.code());
        assertTrue(imported.err().contains("bad.safetensors is not a safetensors file"),
                imported.err());
        assertEquals(1, imported.err().lines().filter(l -> l.startsWith("error:")).count());
    }
}
