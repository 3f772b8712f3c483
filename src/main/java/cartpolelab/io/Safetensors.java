package cartpolelab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The safetensors format (Hugging Face's, read by {@code safetensors.torch.load_file}): an
 * 8-byte little-endian header length N, N bytes of JSON naming each tensor's dtype, shape and
 * {@code data_offsets} [begin, end) in the data that follows (plus an optional
 * {@code __metadata__} object of strings), then the raw little-endian tensors, row-major. We
 * write F32 or F64, tensors back to back in the order given, the header padded with spaces to a
 * multiple of 8 bytes.
 *
 * <p>Reading trusts nothing: a header length beyond the file or over {@link #MAX_HEADER_BYTES},
 * invalid JSON, a dtype other than F32/F64, a shape whose size does not match its offsets,
 * offsets outside the data, overlapping or leaving gaps, are each refused at once (before any
 * tensor is read) with one message naming the file and what was expected.
 */
public final class Safetensors {

    /** Headers longer than this are refused (ours are a few hundred bytes). */
    public static final long MAX_HEADER_BYTES = 1L << 20;
    /** Files with more values than this are refused (a 4 → 4096 network has ~30,000). */
    public static final long MAX_VALUES = 1L << 26;

    /** The element types we write and read. */
    public enum Dtype {
        F32(4), F64(8);

        /** Bytes per value. */
        public final int size;

        Dtype(int size) {
            this.size = size;
        }

        /** {@code float32}/{@code F32} or {@code float64}/{@code F64}, any case; else null. */
        public static Dtype parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "f32", "float32", "float" -> F32;
                case "f64", "float64", "double" -> F64;
                default -> null;
            };
        }
    }

    /**
     * One tensor: its name, shape and values in row-major order (as doubles; F32 values are
     * exactly representable).
     */
    public record Tensor(String name, int[] shape, double[] values) {
        public Tensor {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(name + " has shape "
                        + Arrays.toString(shape) + " but " + values.length + " values");
            }
        }
    }

    /** What a file holds: its tensors in the order of their offsets, the dtype, metadata. */
    public record Contents(List<Tensor> tensors, Dtype dtype, Map<String, String> metadata) {
        /** The tensor called {@code name}, or null. */
        public Tensor get(String name) {
            for (Tensor t : tensors) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    private Safetensors() {
    }

    /** Writes {@code tensors} as {@code dtype} to {@code file}, atomically. */
    public static void write(Path file, List<Tensor> tensors, Dtype dtype,
                             Map<String, String> metadata) throws IOException {
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append("\"__metadata__\":{");
            String sep = "";
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                h.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                sep = ",";
            }
            h.append('}');
        }
        long offset = 0;
        for (Tensor t : tensors) {
            long bytes = (long) t.values().length * dtype.size;
            h.append(h.length() > 1 ? "," : "").append(quote(t.name())).append(":{\"dtype\":\"")
                    .append(dtype.name()).append("\",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) {
                h.append(i > 0 ? "," : "").append(t.shape()[i]);
            }
            h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes)
                    .append("]}");
            offset += bytes;
        }
        h.append('}');
        while (h.length() % 8 != 0) {
            h.append(' ');
        }
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            len.putLong(0, header.length);
            out.write(len.array());
            out.write(header);
            for (Tensor t : tensors) {
                writeValues(out, t.values(), dtype);
            }
        });
    }

    private static void writeValues(OutputStream out, double[] values, Dtype dtype)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * dtype.size)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (dtype == Dtype.F32) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        out.write(b.array());
    }

    /**
     * Reads every tensor of {@code file}; all must be of one dtype, F32 or F64.
     *
     * @throws IOException one line naming the file and what is wrong and what was expected
     */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw bad(file, "it is " + size + " bytes, shorter than the 8-byte header "
                        + "length");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.getLong(0);
            if (n < 2 || n > MAX_HEADER_BYTES || n > size - 8) {
                throw bad(file, "its header claims " + Long.toUnsignedString(n) + " bytes ("
                        + "the file has " + (size - 8) + " after the length; at most "
                        + MAX_HEADER_BYTES + ")");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8);
            String json = StandardCharsets.UTF_8.newDecoder()
                    .decode(hb.flip()).toString();
            Layout layout = layout(file, json, size - 8 - n);
            ByteBuffer data = ByteBuffer.allocate((int) (size - 8 - n))
                    .order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, data, 8 + n);
            List<Tensor> tensors = new ArrayList<>();
            for (Entry e : layout.entries) {
                double[] values = new double[(int) e.count];
                for (int i = 0; i < values.length; i++) {
                    int at = (int) (e.begin + (long) i * layout.dtype.size);
                    values[i] = layout.dtype == Dtype.F32 ? data.getFloat(at)
                            : data.getDouble(at);
                }
                tensors.add(new Tensor(e.name, e.shape, values));
            }
            return new Contents(List.copyOf(tensors), layout.dtype, layout.metadata);
        } catch (CharacterCodingException e) {
            throw bad(file, "its header is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied");
        }
    }

    private record Entry(String name, int[] shape, long begin, long end, long count) {
    }

    private record Layout(List<Entry> entries, Dtype dtype, Map<String, String> metadata) {
    }

    /** The header checked against the data's length; nothing read yet. */
    private static Layout layout(Path file, String json, long dataBytes) throws IOException {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw bad(file, "its header is not valid JSON (" + e.getMessage() + ")");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw bad(file, "its header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        Dtype dtype = null;
        long values = 0;
        for (Map.Entry<?, ?> kv : map.entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals("__metadata__")) {
                if (!(kv.getValue() instanceof Map<?, ?> m)) {
                    throw bad(file, "its __metadata__ is not an object of strings");
                }
                for (Map.Entry<?, ?> me : m.entrySet()) {
                    if (!(me.getValue() instanceof String s)) {
                        throw bad(file, "its __metadata__ is not an object of strings");
                    }
                    metadata.put((String) me.getKey(), s);
                }
                continue;
            }
            if (!(kv.getValue() instanceof Map<?, ?> t)) {
                throw bad(file, "tensor " + name + " is not described by an object");
            }
            Object dt = t.get("dtype");
            Dtype d = dt instanceof String s && (s.equals("F32") || s.equals("F64"))
                    ? Dtype.valueOf(s) : null;
            if (d == null) {
                throw bad(file, "tensor " + name + " has dtype " + dt + "; expected F32 or F64");
            }
            if (dtype != null && d != dtype) {
                throw bad(file, "its tensors mix " + dtype + " and " + d + "; expected one "
                        + "dtype");
            }
            dtype = d;
            int[] shape = shape(file, name, t.get("shape"));
            long[] offsets = offsets(file, name, t.get("data_offsets"));
            long count = 1;
            for (int s : shape) {
                count *= s;
                if (count > MAX_VALUES) {
                    throw bad(file, "tensor " + name + " has over " + MAX_VALUES + " values");
                }
            }
            values += count;
            if (values > MAX_VALUES) {
                throw bad(file, "it holds over " + MAX_VALUES + " values");
            }
            if (offsets[1] - offsets[0] != count * d.size) {
                throw bad(file, "tensor " + name + " of shape " + Arrays.toString(shape)
                        + " needs " + count * d.size + " bytes but its data_offsets span "
                        + (offsets[1] - offsets[0]));
            }
            entries.add(new Entry(name, shape, offsets[0], offsets[1], count));
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long next = 0;
        for (Entry e : entries) {
            if (e.begin != next) {
                throw bad(file, "tensor " + e.name + " starts at byte " + e.begin + " of the "
                        + "data, expected " + next + " (tensors overlap or leave a gap)");
            }
            next = e.end;
        }
        if (next != dataBytes) {
            throw bad(file, "its tensors cover " + next + " bytes but the file holds "
                    + dataBytes + " after the header (cut or padded)");
        }
        if (entries.isEmpty()) {
            throw bad(file, "it holds no tensor");
        }
        return new Layout(entries, dtype, metadata);
    }

    private static int[] shape(Path file, String name, Object v) throws IOException {
        if (!(v instanceof List<?> list) || list.size() > 8) {
            throw bad(file, "tensor " + name + " has no shape list (at most 8 dimensions)");
        }
        int[] shape = new int[list.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(list.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw bad(file, "tensor " + name + " has a bad shape " + list);
            }
            shape[i] = (int) (long) d;
        }
        return shape;
    }

    private static long[] offsets(Path file, String name, Object v) throws IOException {
        if (v instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Long b
                && list.get(1) instanceof Long e && b >= 0 && e >= b) {
            return new long[] {b, e};
        }
        throw bad(file, "tensor " + name + " has bad data_offsets " + v
                + "; expected [begin, end] with 0 <= begin <= end");
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) {
                throw new IOException("the file ended early");
            }
            pos += r;
        }
    }

    private static IOException bad(Path file, String what) {
        return new IOException(file + " is not a safetensors file we can read: " + what);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
