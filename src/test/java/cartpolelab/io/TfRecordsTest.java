package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFRecord framing: masked CRC-32C known values, a round trip, corruption refused. */
class TfRecordsTest {

    @TempDir
    Path dir;

    @Test
    void theMaskedCrcOfAnEmptyRecordsLengthIsTensorFlowsKnownValue() {
        // the 8 zero bytes of length 0; the value TensorBoard's own masked_crc32c gives
        // (tensorboard.compat.tensorflow_stub.pywrap_tensorflow, tensorboard 2.21.0)
        assertEquals(0x07980329, TfRecords.maskedCrc(new byte[8], 0, 8));
    }

    @Test
    void recordsReadBackAndACorruptByteIsRefusedNamingTheRecord() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TfRecords.write(b, "first".getBytes(StandardCharsets.UTF_8));
        TfRecords.write(b, new byte[0]);
        TfRecords.write(b, "third record".getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("events.out.tfevents.1"), b.toByteArray());
        List<byte[]> back = TfRecords.read(f);
        assertEquals(3, back.size());
        assertArrayEquals("third record".getBytes(StandardCharsets.UTF_8), back.get(2));

        byte[] bad = b.toByteArray();
        bad[bad.length - 6] ^= 1; // inside the third record's data
        Path g = Files.write(dir.resolve("bad"), bad);
        String m = assertThrows(java.io.IOException.class, () -> TfRecords.read(g)).getMessage();
        assertTrue(m.contains("record 3: the CRC of its data does not match"), m);

        byte[] cut = java.util.Arrays.copyOf(b.toByteArray(), b.size() - 2);
        Path h = Files.write(dir.resolve("cut"), cut);
        m = assertThrows(java.io.IOException.class, () -> TfRecords.read(h)).getMessage();
        assertTrue(m.contains("record 3 is truncated"), m);
    }
}
