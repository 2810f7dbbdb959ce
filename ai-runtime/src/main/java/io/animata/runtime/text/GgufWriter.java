package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF files (version 3, little-endian), the model format of llama.cpp: the header ({@code GGUF} magic,
 * version, tensor and metadata counts), the metadata key/value pairs in the order they were put, the tensor infos
 * (name, dimensions innermost first, type, offset), padding to {@code general.alignment} (32), then each tensor's
 * data at its aligned offset. Used to build small models for tests and tools (a llama-architecture model with
 * seeded weights, see {@code GgufTinyLlama} in the tests) and to convert models the project trains.
 *
 * <p>Tensors are float32 only; dimensions follow ggml's order: {@code dims[0]} is the length of a row (the
 * contiguous one), so a {@code [rows x cols]} row-major matrix is {@code dims = {cols, rows}}.
 *
 * <p>Threading: one thread; the writer keeps the tensors in memory until {@link #write}.
 *
 * <pre>{@code
 * GgufWriter gguf = new GgufWriter();
 * gguf.putString("general.architecture", "llama");
 * gguf.putUInt32("llama.block_count", 2);
 * gguf.addTensor("output_norm.weight", new long[] {64}, norm);
 * gguf.write(Path.of("tiny.gguf"));
 * }</pre>
 */
public final class GgufWriter {
    /** The file's first four bytes, {@code "GGUF"}, read as a little-endian int. */
    public static final int MAGIC = 0x46554747;
    /** The format version written. */
    public static final int VERSION = 3;
    /** The alignment of tensor data (llama.cpp's default, written as {@code general.alignment}). */
    public static final int ALIGNMENT = 32;

    private final Map<String, Object[]> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, long[] dims, float[] data) {
    }

    /** Creates a writer holding only {@code general.alignment}. */
    public GgufWriter() {
        putUInt32("general.alignment", ALIGNMENT);
    }

    /** Puts a string value (replacing one of the same key). */
    public GgufWriter putString(String key, String value) {
        return put(key, GgufType.STRING, null, value);
    }

    /** Puts an unsigned 32-bit value. */
    public GgufWriter putUInt32(String key, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(key + ": " + value + " does not fit a uint32");
        }
        return put(key, GgufType.UINT32, null, value);
    }

    /** Puts a signed 32-bit value. */
    public GgufWriter putInt32(String key, int value) {
        return put(key, GgufType.INT32, null, value);
    }

    /** Puts a 32-bit float value. */
    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufType.FLOAT32, null, value);
    }

    /** Puts a boolean value. */
    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufType.BOOL, null, value);
    }

    /** Puts an array of strings (a tokenizer's tokens, its merges). */
    public GgufWriter putStringArray(String key, List<String> values) {
        return put(key, GgufType.ARRAY, GgufType.STRING, List.copyOf(values));
    }

    /** Puts an array of 32-bit floats (token scores). */
    public GgufWriter putFloat32Array(String key, float[] values) {
        return put(key, GgufType.ARRAY, GgufType.FLOAT32, values.clone());
    }

    /** Puts an array of signed 32-bit ints (token types). */
    public GgufWriter putInt32Array(String key, int[] values) {
        return put(key, GgufType.ARRAY, GgufType.INT32, values.clone());
    }

    private GgufWriter put(String key, GgufType type, GgufType elementType, Object value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a metadata key is null or empty");
        }
        if (value == null) {
            throw new IllegalArgumentException("metadata " + key + " is null");
        }
        metadata.put(key, new Object[] {type, elementType, value});
        return this;
    }

    /**
     * Adds a float32 tensor.
     *
     * @param name the tensor's name, unique ({@code blk.0.attn_q.weight})
     * @param dims its dimensions, innermost (row length) first; 1 to 4 of them, each at least 1
     * @param data its elements, rows one after another; copied
     */
    public GgufWriter addTensor(String name, long[] dims, float[] data) {
        if (dims.length < 1 || dims.length > 4) {
            throw new IllegalArgumentException(name + ": a tensor has 1 to 4 dimensions, not " + dims.length);
        }
        long n = 1;
        for (long d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException(name + ": dimension " + d + " is not positive");
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": dimensions hold " + n + " elements, data has " + data.length);
        }
        for (Tensor t : tensors) {
            if (t.name.equals(name)) {
                throw new IllegalArgumentException("tensor " + name + " was added twice");
            }
        }
        tensors.add(new Tensor(name, dims.clone(), data.clone()));
        return this;
    }

    /**
     * Writes the file (replacing one that is there).
     *
     * @throws AnimataException when the file cannot be written
     */
    public void write(Path file) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Sink sink = new Sink(out);
            sink.int32(MAGIC);
            sink.int32(VERSION);
            sink.int64(tensors.size());
            sink.int64(metadata.size());
            for (Map.Entry<String, Object[]> e : metadata.entrySet()) {
                sink.string(e.getKey());
                GgufType type = (GgufType) e.getValue()[0];
                sink.int32(type.code);
                value(sink, type, (GgufType) e.getValue()[1], e.getValue()[2]);
            }
            long offset = 0;
            for (Tensor t : tensors) {
                sink.string(t.name);
                sink.int32(t.dims.length);
                for (long d : t.dims) {
                    sink.int64(d);
                }
                sink.int32(GgmlType.F32.code);
                sink.int64(offset);
                offset = align(offset + 4L * t.data.length);
            }
            sink.pad();
            for (Tensor t : tensors) {
                for (float f : t.data) {
                    sink.float32(f);
                }
                sink.pad();
            }
            sink.flush();
        } catch (IOException e) {
            throw new AnimataException("cannot write GGUF file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** @return the bytes of a file as {@link #write} makes it; for tests that corrupt a model */
    public byte[] toBytes() {
        try {
            Path tmp = Files.createTempFile("animata-gguf", ".gguf");
            try {
                write(tmp);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new AnimataException("cannot write a temporary GGUF file: " + e.getMessage(), e);
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static void value(Sink sink, GgufType type, GgufType elementType, Object value) throws IOException {
        switch (type) {
            case STRING -> sink.string((String) value);
            case UINT32 -> sink.int32((int) (long) (Long) value);
            case INT32 -> sink.int32((Integer) value);
            case FLOAT32 -> sink.float32((Float) value);
            case BOOL -> sink.int8((Boolean) value ? 1 : 0);
            case ARRAY -> {
                sink.int32(elementType.code);
                switch (elementType) {
                    case STRING -> {
                        @SuppressWarnings("unchecked")
                        List<String> list = (List<String>) value;
                        sink.int64(list.size());
                        for (String s : list) {
                            sink.string(s);
                        }
                    }
                    case FLOAT32 -> {
                        float[] a = (float[]) value;
                        sink.int64(a.length);
                        for (float f : a) {
                            sink.float32(f);
                        }
                    }
                    case INT32 -> {
                        int[] a = (int[]) value;
                        sink.int64(a.length);
                        for (int i : a) {
                            sink.int32(i);
                        }
                    }
                    default -> throw new IllegalStateException("array of " + elementType);
                }
            }
            default -> throw new IllegalStateException("type " + type);
        }
    }

    /** A little-endian buffered writer that counts the bytes written, for padding. */
    private static final class Sink {
        private final FileChannel out;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        Sink(FileChannel out) {
            this.out = out;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        void int8(int v) throws IOException {
            room(1);
            buf.put((byte) v);
            written++;
        }

        void int32(int v) throws IOException {
            room(4);
            buf.putInt(v);
            written += 4;
        }

        void int64(long v) throws IOException {
            room(8);
            buf.putLong(v);
            written += 8;
        }

        void float32(float v) throws IOException {
            room(4);
            buf.putFloat(v);
            written += 4;
        }

        void string(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int64(bytes.length);
            for (int i = 0; i < bytes.length; i += buf.capacity()) {
                int n = Math.min(buf.capacity(), bytes.length - i);
                room(n);
                buf.put(bytes, i, n);
            }
            written += bytes.length;
        }

        void pad() throws IOException {
            while (written % ALIGNMENT != 0) {
                int8(0);
            }
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            buf.clear();
        }
    }
}
