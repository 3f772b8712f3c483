package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge} of shard libraries: the same files as one run, or a clear refusal. */
class MergeShardsTest {

    @TempDir
    Path dir;

    private String shard(int k, String... extra) {
        String lib = dir.resolve("shard" + k + "-" + extra.length + ".db").toString();
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--algorithms",
                "a2c,reinforce", "--seeds", "3", "--episodes", "20", "--hidden", "16",
                "--threads", "1", "--shard", k + "/2", "--library", lib, "--quiet"));
        args.addAll(List.of(extra));
        assertEquals(0, cli(args.toArray(String[]::new)).code());
        return lib;
    }

    @Test
    void shardLibrariesMergeIntoWhatOneCompareWrites() throws Exception {
        Path whole = dir.resolve("whole.csv");
        assertEquals(0, cli("compare", "--algorithms", "a2c,reinforce", "--seeds", "3",
                "--episodes", "20", "--hidden", "16", "--threads", "1", "--csv",
                whole.toString(), "--no-library", "--quiet").code());
        Path merged = dir.resolve("merged.csv");
        CliTest.Run r = cli("merge", "--csv", merged.toString(), shard(1), shard(2));
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("warning"), r.err());
        List<String> a = Files.readAllLines(whole);
        List<String> b = Files.readAllLines(merged);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // every column but the two clock columns (wall seconds, steps per second)
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            assertEquals(x.length, y.length);
            for (int c = 0; c < x.length - 2; c++) {
                assertEquals(x[c], y[c], "line " + (i + 1) + " column " + c);
            }
        }
    }

    @Test
    void shardsWithOtherSettingsAreRefusedNamingTheSettingAndBothValues() {
        String one = shard(1);
        String two = shard(2, "--lr", "1e-3");
        CliTest.Run r = cli("merge", "--csv", dir.resolve("m.csv").toString(), one, two);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: the shards' settings differ: --lr is 3.0E-4 in "
                + one + " but 0.001 in " + two), r.err());
        assertFalse(Files.exists(dir.resolve("m.csv")));
    }

    @Test
    void aMissingShardIsNamedCellByCell() {
        CliTest.Run r = cli("merge", "--csv", dir.resolve("m.csv").toString(), shard(1));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: 3 cells of the grid are in no shard: "
                + "reinforce-s2, a2c-s1, a2c-s3; is a shard missing?"), r.err());
    }

    @Test
    void nonFiniteOrTextMetricValuesAreRefusedWithFileAndLine() throws Exception {
        Path csv = dir.resolve("shard.csv");
        assertEquals(0, cli("compare", "--algorithms", "a2c", "--seeds", "2", "--episodes",
                "5", "--hidden", "16", "--csv", csv.toString(), "--no-library", "--quiet")
                .code());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        String[] f = lines.get(3).split(",", -1);
        f[7] = "NaN"; // loss/actor
        lines.set(3, String.join(",", f));
        Files.write(csv, lines);
        CliTest.Run r = cli("merge", "--csv", dir.resolve("m.csv").toString(), csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + csv + " line 4: loss/actor is 'NaN', not a "
                + "finite number"), r.err());
        f[7] = "oops";
        lines.set(3, String.join(",", f));
        Files.write(csv, lines);
        r = cli("merge", "--csv", dir.resolve("m.csv").toString(), csv.toString());
        assertTrue(r.err().startsWith("error: " + csv + " line 4: loss/actor is 'oops', not a "
                + "number"), r.err());
    }
}
