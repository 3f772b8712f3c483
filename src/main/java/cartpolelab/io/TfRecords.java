package cartpolelab.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * TensorFlow's TFRecord framing, the container of TensorBoard's event files. Each record is
 *
 * <pre>
 *   uint64 length            (little-endian)
 *   uint32 masked_crc(length bytes)
 *   byte   data[length]
 *   uint32 masked_crc(data)
 * </pre>
 *
 * where {@code masked_crc(x) = ((c >>> 15) | (c << 17)) + 0xa282ead8} and {@code c} is the
 * CRC-32C (Castagnoli) of x. Writing is plain; reading checks both CRCs of every record and
 * refuses a truncated or corrupt file with a message naming the record.
 */
public final class TfRecords {

    /** A record longer than this is refused on reading (ours are under a kilobyte). */
    public static final long MAX_RECORD_BYTES = 64L << 20;

    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecords() {
    }

    /** The masked CRC-32C of {@code length} bytes of {@code data} from {@code offset}. */
    public static int maskedCrc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    /** Writes one record: its framing and {@code data}. */
    public static void write(OutputStream out, byte[] data) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(0, data.length);
        head.putInt(8, maskedCrc(head.array(), 0, 8));
        out.write(head.array());
        out.write(data);
        ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        tail.putInt(0, maskedCrc(data, 0, data.length));
        out.write(tail.array());
    }

    /**
     * Every record of {@code file}, both CRCs of each checked.
     *
     * @throws IOException naming the file and the record when the file is truncated or a CRC
     *                     does not match
     */
    public static List<byte[]> read(Path file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] head = new byte[12];
            while (true) {
                int got = in.readNBytes(head, 0, 12);
                if (got == 0) {
                    return records;
                }
                String where = file + ": record " + (records.size() + 1);
                if (got < 12) {
                    throw new EOFException(where + " is truncated (a writer may still be "
                            + "writing it)");
                }
                ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
                long length = h.getLong(0);
                if (h.getInt(8) != maskedCrc(head, 0, 8)) {
                    throw new IOException(where + ": the CRC of its length does not match "
                            + "(not an event file, or corrupt)");
                }
                if (length < 0 || length > MAX_RECORD_BYTES) {
                    throw new IOException(where + " claims " + length + " bytes (at most "
                            + MAX_RECORD_BYTES + ")");
                }
                byte[] data = in.readNBytes((int) length);
                byte[] crc = in.readNBytes(4);
                if (data.length < length || crc.length < 4) {
                    throw new EOFException(where + " is truncated (a writer may still be "
                            + "writing it)");
                }
                int expected = ByteBuffer.wrap(crc).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (expected != maskedCrc(data, 0, data.length)) {
                    throw new IOException(where + ": the CRC of its data does not match "
                            + "(corrupt)");
                }
                records.add(data);
            }
        }
    }
}
