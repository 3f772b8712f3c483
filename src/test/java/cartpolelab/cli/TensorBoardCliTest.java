package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.io.TfRecords;
import cartpolelab.io.tensorboard.Event;
import cartpolelab.io.tensorboard.Summary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --tensorboard DIR} and {@code compare --tensorboard DIR}: the event files parse
 * back (our framing reader, CRCs checked, and the generated protobuf classes) and every scalar
 * equals its CSV cell (as float32, TensorBoard's scalar type).
 */
class TensorBoardCliTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesEveryCsvMetricAsAScalarPerEpisodeAndTheSettingsAsText() throws Exception {
        Path csv = dir.resolve("run.csv");
        Path logs = dir.resolve("logs");
        CliTest.Run r = cli("train", "--episodes", "25", "--hidden", "16", "--seed", "3",
                "--quiet", "--grad-variance-every", "10", "--grad-variance-episodes", "3",
                "--csv", csv.toString(), "--tensorboard", logs.toString());
        assertEquals(0, r.code(), r.err());
        Path run = logs.resolve("a2c-s3");
        assertTrue(r.out().contains("wrote tensorboard " + run), r.out());
        List<Event> events = events(run);
        assertEquals("brain.Event:2", events.get(0).getFileVersion());
        Summary.Value settings = events.get(1).getSummary().getValue(0);
        assertEquals("settings", settings.getTag());
        assertEquals("text", settings.getMetadata().getPluginData().getPluginName());
        String text = settings.getTensor().getStringVal(0).toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| seed | 3 |") && text.contains("| hidden | 16 |"), text);

        Map<String, Map<Long, Float>> scalars = scalars(events);
        assertEquals(25 * 9 + 2 * 4, everyCellLogged(csv, scalars)); // 9 a row, 2 × 4 measured
        assertEquals(25, scalars.get("episode/reward").size());
        assertTrue(!scalars.containsKey("ppo/approx_kl"), "A2C has no PPO measures");
    }

    @Test
    void ppoRunsLogTheirKlAndClipFractionAsTheCsvHasThem() throws Exception {
        Path csv = dir.resolve("ppo.csv");
        Path logs = dir.resolve("logs");
        CliTest.Run r = cli("train", "--algorithm", "ppo", "--episodes", "30", "--hidden", "16",
                "--n-steps", "32", "--minibatch", "16", "--epochs", "2", "--seed", "4",
                "--quiet", "--csv", csv.toString(), "--tensorboard", logs.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Map<Long, Float>> scalars = scalars(events(logs.resolve("ppo-s4")));
        everyCellLogged(csv, scalars);
        long withPpo = Files.readAllLines(csv).stream().skip(1)
                .filter(l -> !l.endsWith(",,")).count();
        assertTrue(withPpo > 5, withPpo + " episodes with a PPO update");
        assertEquals(withPpo, scalars.get("ppo/approx_kl").size());
        assertEquals(withPpo, scalars.get("ppo/clip_fraction").size());
        // the CSV's cells are the agent's own per-episode means, digit for digit
        PresetCliTest.Probe probe = new PresetCliTest.Probe();
        new picocli.CommandLine(probe).parseArgs("--algorithm", "ppo", "--episodes", "30",
                "--hidden", "16", "--n-steps", "32", "--minibatch", "16", "--epochs", "2",
                "--seed", "4");
        var runner = new cartpolelab.agent.EpisodeRunner(
                new cartpolelab.agent.Agent(probe.options.build()));
        for (String line : Files.readAllLines(csv).subList(1, 31)) {
            runner.runEpisode();
            var s = runner.takeEpisodeStats();
            String[] v = line.split(",", -1);
            assertEquals(Double.toString(s.criticLoss()), v[5], line);
            assertEquals(s.updates() == 0 ? "" : Double.toString(s.approxKl()), v[14], line);
            assertEquals(s.updates() == 0 ? "" : Double.toString(s.clipFraction()), v[15], line);
        }
    }

    /** Every non-empty CSV cell is a scalar of its column's tag; returns how many. */
    private static int everyCellLogged(Path csv, Map<String, Map<Long, Float>> scalars)
            throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        int cells = 0;
        for (int row = 1; row < lines.size(); row++) {
            String[] values = lines.get(row).split(",", -1);
            long episode = Long.parseLong(values[0]);
            for (int c = 1; c < header.length; c++) {
                Float logged = scalars.getOrDefault(header[c], Map.of()).get(episode);
                if (values[c].isEmpty()) {
                    assertEquals(null, logged, header[c] + " at episode " + episode);
                } else {
                    assertEquals((float) Double.parseDouble(values[c]), logged,
                            header[c] + " at episode " + episode);
                    cells++;
                }
            }
            long steps = Long.parseLong(values[7]);
            assertEquals((float) Double.parseDouble(values[1]),
                    scalars.get("steps/episode/reward").get(steps), "over steps, row " + row);
        }
        return cells;
    }

    @Test
    void compareWritesOneDirectoryPerRunNamedByItsRunId() throws Exception {
        Path csv = dir.resolve("runs.csv");
        Path logs = dir.resolve("tb");
        CliTest.Run r = cli("compare", "--algorithms", "a2c,reinforce", "--seeds", "2",
                "--episodes", "12", "--hidden", "8", "--threads", "2", "--quiet",
                "--grad-variance-every", "5", "--grad-variance-episodes", "2",
                "--csv", csv.toString(), "--tensorboard", logs.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> runs = Files.list(logs)) {
            assertEquals(List.of("a2c-s1", "a2c-s2", "reinforce-s1", "reinforce-s2"),
                    runs.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            Map<String, Map<Long, Float>> s = scalars(events(logs.resolve(v[0])));
            long episode = Long.parseLong(v[3]);
            assertEquals((float) Double.parseDouble(v[4]), s.get("episode/reward").get(episode));
            assertEquals((float) Double.parseDouble(v[8]), s.get("loss/critic").get(episode));
            if (episode % 5 == 0) {
                assertEquals((float) Double.parseDouble(v[13]),
                        s.get("gradvar/reinforce").get(episode), line);
            } else {
                assertEquals("", v[13], line);
            }
        }
    }

    @Test
    void aDirectoryThatIsAFileIsOneLineAndExitTwoBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliTest.Run r = cli("train", "--episodes", "5", "--quiet", "--tensorboard",
                file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: cannot write TensorBoard logs to "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** The events of the one events file in {@code run}. */
    static List<Event> events(Path run) throws Exception {
        try (Stream<Path> files = Files.list(run)) {
            List<Path> found = files.filter(p -> p.getFileName().toString()
                    .startsWith("events.out.tfevents.")).toList();
            assertEquals(1, found.size(), found.toString());
            List<Event> events = new java.util.ArrayList<>();
            for (byte[] record : TfRecords.read(found.get(0))) {
                events.add(Event.parseFrom(record));
            }
            return events;
        }
    }

    /** tag → step → value, every step of a tag once. */
    static Map<String, Map<Long, Float>> scalars(List<Event> events) {
        Map<String, Map<Long, Float>> out = new HashMap<>();
        for (Event e : events) {
            for (Summary.Value v : e.getSummary().getValueList()) {
                if (v.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE) {
                    Float before = out.computeIfAbsent(v.getTag(), t -> new HashMap<>())
                            .put(e.getStep(), v.getSimpleValue());
                    assertEquals(null, before, v.getTag() + " twice at step " + e.getStep());
                }
            }
        }
        return out;
    }
}
