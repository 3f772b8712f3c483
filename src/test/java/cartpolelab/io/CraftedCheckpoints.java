package cartpolelab.io;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.TrainingRun;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Checkpoints an attacker would write: valid checksums around hostile contents. */
public final class CraftedCheckpoints {

    private CraftedCheckpoints() {
    }

    /** A real one-episode checkpoint whose algorithm name is {@code name}, checksum valid. */
    public static byte[] withAlgorithmName(Path dir, String name) throws IOException {
        Path file = dir.resolve("crafted-from.cplb");
        TrainingRun run = new TrainingRun(Hyperparameters.DEFAULTS.withHiddenSize(4));
        run.finishEpisode();
        Checkpoint.write(file, run.snapshot());
        byte[] good = Files.readAllBytes(file);
        Files.delete(file);
        int at = Checkpoint.MAGIC.length + 4; // then the algorithm's modified-UTF-8 string
        int oldLength = 2 + ((good[at] & 0xff) << 8 | good[at + 1] & 0xff);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write(good, 0, at);
        data.writeUTF(name);
        data.write(good, at + oldLength, good.length - at - oldLength - 8);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeLong(crc.getValue());
        return bytes.toByteArray();
    }
}
