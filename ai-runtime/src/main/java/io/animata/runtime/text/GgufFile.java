package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a GGUF file, read and checked in Java before the file goes to native code: the magic and version,
 * every metadata key/value pair (arrays are kept only when short; long ones, such as a vocabulary, are counted), and
 * every tensor's name, dimensions, type and offset, with its data checked to lie inside the file, and the vocabulary
 * checked for repeated tokens. A file that is not GGUF, a truncated download, or a corrupt header gives an
 * {@link AnimataException} that says which, instead of reaching llama.cpp's loader (which aborts the process on some
 * of these).
 *
 * <p>Threading: immutable once read; thread-safe.
 *
 * <pre>{@code
 * GgufFile gguf = GgufFile.read(Path.of("qwen2.5-0.5b-instruct-q4_k_m.gguf"));
 * String arch = gguf.architecture();               // "qwen2"
 * int context = gguf.integer(arch + ".context_length", 2048);
 * }</pre>
 */
public final class GgufFile {
    /** Arrays up to this many elements are kept as values; longer ones only as {@link ArrayInfo}. */
    private static final int KEPT_ARRAY_LENGTH = 64;
    private static final long MAX_STRING_BYTES = 64L << 20;
    private static final long MAX_COUNT = 1L << 24;
    private static final String VOCABULARY = "tokenizer.ggml.tokens";

    private final Path path;
    private final int version;
    private final long fileSize;
    private final Map<String, Object> metadata;
    private final Map<String, String> arrayTypes;
    private final int missingSpmBytes;
    private final int missingGpt2Bytes;
    private final List<TensorInfo> tensors;
    private final long dataOffset;

    /**
     * A metadata array too long to keep (a vocabulary): its element type and length.
     *
     * @param elementType the GGUF type name of its elements ({@code STRING}, {@code FLOAT32}...)
     * @param length how many elements it has
     */
    public record ArrayInfo(String elementType, long length) {
    }

    /**
     * One tensor's entry in the header.
     *
     * @param name its name
     * @param dims its dimensions, innermost first
     * @param type its element type
     * @param offset where its data starts, from the start of the data section
     * @param bytes its size in bytes
     */
    public record TensorInfo(String name, long[] dims, GgmlType type, long offset, long bytes) {
    }

    private GgufFile(Path path, int version, long fileSize, Map<String, Object> metadata, Map<String, String> arrayTypes,
            int[] missingBytes, List<TensorInfo> tensors, long dataOffset) {
        this.missingSpmBytes = missingBytes[0];
        this.missingGpt2Bytes = missingBytes[1];
        this.path = path;
        this.version = version;
        this.fileSize = fileSize;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.arrayTypes = Collections.unmodifiableMap(arrayTypes);
        this.tensors = List.copyOf(tensors);
        this.dataOffset = dataOffset;
    }

    /**
     * Reads and checks a file's header (fast: the tensor data is not read, only its extent checked).
     *
     * @throws AnimataException when the file is missing, is not GGUF, is truncated or its header is corrupt
     */
    public static GgufFile read(Path file) {
        if (Files.isDirectory(file)) {
            throw new AnimataException(file.toAbsolutePath() + " is a folder, not a .gguf file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long size = Files.size(file);
            return new Reader(file, in, size).read();
        } catch (NoSuchFileException e) {
            throw new AnimataException("GGUF model not found: " + file.toAbsolutePath());
        } catch (EOFException e) {
            throw new AnimataException("GGUF file " + file.toAbsolutePath() + " is truncated: it ends inside its"
                    + " header (an interrupted download? fetch it again)", e);
        } catch (IOException e) {
            throw new AnimataException("cannot read GGUF file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return the format version (2 or 3) */
    public int version() {
        return version;
    }

    /** @return every metadata value by key: String, Long (integers), Double (floats), Boolean, List or ArrayInfo */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return the tensors, in file order */
    public List<TensorInfo> tensors() {
        return tensors;
    }

    /** @return where the tensor data starts in the file */
    public long dataOffset() {
        return dataOffset;
    }

    /** @return the file's size in bytes */
    public long fileSize() {
        return fileSize;
    }

    /** @return {@code general.architecture} */
    public String architecture() {
        return string("general.architecture", "");
    }

    /** @return a string value, or {@code fallback} when absent or not a string */
    public String string(String key, String fallback) {
        return metadata.get(key) instanceof String s ? s : fallback;
    }

    /** @return an integer value, or {@code fallback} when absent or not an integer */
    public int integer(String key, int fallback) {
        return metadata.get(key) instanceof Long l ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l))
                : fallback;
    }

    /** @return a boolean value, or {@code fallback} when absent or not a boolean */
    public boolean bool(String key, boolean fallback) {
        return metadata.get(key) instanceof Boolean b ? b : fallback;
    }

    /** @return the length of an array value (kept or not), or -1 when absent or not an array */
    public long arrayLength(String key) {
        Object v = metadata.get(key);
        return v instanceof List<?> l ? l.size() : v instanceof ArrayInfo a ? a.length() : -1;
    }

    /**
     * @param tokenizerModel {@code llama} (SentencePiece: byte tokens {@code <0x41>}) or {@code gpt2} (byte-level BPE)
     * @return how many of the 256 byte tokens the vocabulary lacks in that model's spelling; llama.cpp falls back to
     *     them for text its other tokens cannot spell, and aborts the process when one is missing
     */
    public int missingByteTokens(String tokenizerModel) {
        return "gpt2".equals(tokenizerModel) ? missingGpt2Bytes : missingSpmBytes;
    }

    /** @return the GGUF type name of an array's elements ({@code STRING}, {@code FLOAT32}...), or null if not an array */
    public String arrayType(String key) {
        return arrayTypes.get(key);
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + ", v" + version + ", " + architecture() + ", " + metadata.size() + " keys, "
                + tensors.size() + " tensors]";
    }

    /** Reads the header with a byte count, checking every length against what is left of the file. */
    private static final class Reader {
        private final Path file;
        private final InputStream in;
        private final long size;
        private final byte[] scratch = new byte[8];
        private final Map<String, String> arrayTypes = new LinkedHashMap<>();
        /** Byte tokens the vocabulary lacks: SentencePiece spelling, byte-level BPE spelling. */
        private final int[] missingBytes = {256, 256};
        private long position;

        Reader(Path file, InputStream in, long size) {
            this.file = file;
            this.in = in;
            this.size = size;
        }

        GgufFile read() throws IOException {
            if (size < 4) {
                throw notGguf("it is only " + size + " bytes long");
            }
            int magic = int32();
            if (magic != GgufWriter.MAGIC) {
                throw notGguf(String.format("it starts with the bytes %02x %02x %02x %02x, not 'GGUF'", magic & 0xFF,
                        (magic >>> 8) & 0xFF, (magic >>> 16) & 0xFF, magic >>> 24));
            }
            int version = int32();
            if (version == 1) {
                throw corrupt("it is GGUF version 1, which llama.cpp no longer reads; convert it again with a"
                        + " current llama.cpp (convert_hf_to_gguf.py)");
            }
            if (version != 2 && version != 3) {
                throw corrupt("its GGUF version is " + Integer.toUnsignedString(version) + "; versions 2 and 3 are"
                        + " read (a newer llama.cpp wrote it, or the header is corrupt)");
            }
            long tensorCount = count("tensor count");
            long kvCount = count("metadata count");
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = string();
                long typeCode = uint32();
                GgufType type = GgufType.of(typeCode);
                if (type == null) {
                    throw corrupt("metadata '" + key + "' has the unknown type " + typeCode);
                }
                metadata.put(key, value(key, type));
            }
            long alignment = metadata.get("general.alignment") instanceof Long a ? a : GgufWriter.ALIGNMENT;
            if (alignment < 1 || alignment > 1 << 20 || Long.bitCount(alignment) != 1) {
                throw corrupt("general.alignment is " + alignment + ", not a power of two");
            }
            List<TensorInfo> tensors = new ArrayList<>();
            for (long i = 0; i < tensorCount; i++) {
                tensors.add(tensor(alignment));
            }
            long dataOffset = (position + alignment - 1) / alignment * alignment;
            for (TensorInfo t : tensors) {
                long end = dataOffset + t.offset() + t.bytes();
                if (end > size || end < 0) {
                    throw new AnimataException("GGUF file " + file.toAbsolutePath() + " is truncated: tensor '"
                            + t.name() + "' ends at byte " + end + " but the file has " + size + " bytes (an"
                            + " interrupted download? fetch it again)");
                }
            }
            return new GgufFile(file, version, size, metadata, arrayTypes, missingBytes, tensors, dataOffset);
        }

        private TensorInfo tensor(long alignment) throws IOException {
            String name = string();
            long nDims = uint32();
            if (nDims < 1 || nDims > 4) {
                throw corrupt("tensor '" + name + "' has " + nDims + " dimensions (1 to 4 are possible)");
            }
            long[] dims = new long[(int) nDims];
            long elements = 1;
            for (int d = 0; d < nDims; d++) {
                dims[d] = int64();
                if (dims[d] < 1 || dims[d] > 1L << 40) {
                    throw corrupt("tensor '" + name + "' has the dimension " + dims[d]);
                }
                elements = Math.multiplyExact(elements, dims[d]);
            }
            long typeCode = uint32();
            GgmlType type = GgmlType.of(typeCode);
            if (type == null) {
                throw new AnimataException("GGUF file " + file.toAbsolutePath() + ": tensor '" + name + "' has the"
                        + " element type " + typeCode + ", which this build does not know (a quantisation newer than"
                        + " the bundled llama.cpp); use a Q4_K_M, Q8_0 or F16 file of the model");
            }
            if (dims[0] % type.blockSize != 0) {
                throw corrupt("tensor '" + name + "' has rows of " + dims[0] + " elements, not a multiple of the "
                        + type + " block of " + type.blockSize);
            }
            long offset = int64();
            if (offset < 0 || offset % alignment != 0) {
                throw corrupt("tensor '" + name + "' has the offset " + offset + ", not a multiple of the alignment "
                        + alignment);
            }
            return new TensorInfo(name, dims, type, offset, type.bytes(elements));
        }

        private Object value(String key, GgufType type) throws IOException {
            return switch (type) {
                case UINT8 -> (long) (byte1() & 0xFF);
                case INT8 -> (long) (byte) byte1();
                case UINT16 -> (long) (int16() & 0xFFFF);
                case INT16 -> (long) (short) int16();
                case UINT32 -> uint32();
                case INT32 -> (long) int32();
                case FLOAT32 -> (double) Float.intBitsToFloat(int32());
                case BOOL -> {
                    int b = byte1();
                    if (b > 1) {
                        throw corrupt("metadata '" + key + "' is a bool of value " + b);
                    }
                    yield b == 1;
                }
                case STRING -> string();
                case UINT64, INT64 -> int64();
                case FLOAT64 -> Double.longBitsToDouble(int64());
                case ARRAY -> array(key);
            };
        }

        private Object array(String key) throws IOException {
            long typeCode = uint32();
            GgufType type = GgufType.of(typeCode);
            if (type == null || type == GgufType.ARRAY) {
                throw corrupt("metadata array '" + key + "' has the element type " + typeCode);
            }
            long length = int64();
            long minBytes = type == GgufType.STRING ? 8 : type.size;
            if (length < 0 || length > (size - position) / minBytes) {
                throw truncatedOrCorrupt("metadata array '" + key + "' claims " + length + " elements, more than"
                        + " the " + (size - position) + " bytes left in the file hold");
            }
            arrayTypes.put(key, type.name());
            if (type == GgufType.STRING && key.equals(VOCABULARY)) {
                return vocabulary(key, length);
            }
            if (length > KEPT_ARRAY_LENGTH) {
                if (type == GgufType.STRING) {
                    for (long i = 0; i < length; i++) {
                        skip(stringLength());
                    }
                } else {
                    skip(length * type.size);
                }
                return new ArrayInfo(type.name(), length);
            }
            List<Object> values = new ArrayList<>((int) length);
            for (long i = 0; i < length; i++) {
                values.add(value(key, type));
            }
            return Collections.unmodifiableList(values);
        }

        /** Reads a vocabulary, checking that no token appears twice (llama.cpp aborts the process on that). */
        private Object vocabulary(String key, long length) throws IOException {
            Set<String> seen = new HashSet<>();
            for (long i = 0; i < length; i++) {
                String token = string();
                if (!seen.add(token)) {
                    throw corrupt("its vocabulary (" + key + ") holds the token '" + token + "' twice");
                }
            }
            int spm = 0;
            int gpt2 = 0;
            for (int b = 0; b < 256; b++) {
                if (!seen.contains(String.format("<0x%02X>", b)) && !seen.contains(String.valueOf((char) b))) {
                    spm++;
                }
                if (!seen.contains(byteLevelChar(b))) {
                    gpt2++;
                }
            }
            missingBytes[0] = spm;
            missingBytes[1] = gpt2;
            return new ArrayInfo(GgufType.STRING.name(), length);
        }

        /** GPT-2's byte-level spelling of a byte: printable Latin-1 as itself, the rest shifted past 255. */
        private static String byteLevelChar(int b) {
            if ((b >= 33 && b <= 126) || (b >= 161 && b <= 172) || b >= 174) {
                return String.valueOf((char) b);
            }
            int shift = 0;
            for (int i = 0; i < b; i++) {
                if (!((i >= 33 && i <= 126) || (i >= 161 && i <= 172) || i >= 174)) {
                    shift++;
                }
            }
            return String.valueOf((char) (256 + shift));
        }

        private long count(String what) throws IOException {
            long n = int64();
            if (n < 0 || n > MAX_COUNT) {
                throw corrupt("its " + what + " is " + Long.toUnsignedString(n));
            }
            return n;
        }

        private long stringLength() throws IOException {
            long n = int64();
            if (n < 0 || n > MAX_STRING_BYTES || n > size - position) {
                throw truncatedOrCorrupt("a string at byte " + (position - 8) + " claims "
                        + Long.toUnsignedString(n) + " bytes, more than the file holds");
            }
            return n;
        }

        private String string() throws IOException {
            int n = (int) stringLength();
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw new EOFException();
            }
            position += n;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private void skip(long n) throws IOException {
            if (n > size - position) {
                throw new EOFException();
            }
            long left = n;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    s = 1;
                }
                left -= s;
            }
            position += n;
        }

        private void fill(int n) throws IOException {
            if (in.readNBytes(scratch, 0, n) < n) {
                throw new EOFException();
            }
            position += n;
        }

        private int byte1() throws IOException {
            fill(1);
            return scratch[0] & 0xFF;
        }

        private int int16() throws IOException {
            fill(2);
            return (scratch[0] & 0xFF) | (scratch[1] & 0xFF) << 8;
        }

        private int int32() throws IOException {
            fill(4);
            return (scratch[0] & 0xFF) | (scratch[1] & 0xFF) << 8 | (scratch[2] & 0xFF) << 16 | (scratch[3] & 0xFF) << 24;
        }

        private long uint32() throws IOException {
            return int32() & 0xFFFFFFFFL;
        }

        private long int64() throws IOException {
            fill(8);
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = v << 8 | (scratch[i] & 0xFF);
            }
            return v;
        }

        private AnimataException notGguf(String why) {
            return new AnimataException(file.toAbsolutePath() + " is not a GGUF model: " + why + " (pass a .gguf file"
                    + " made by llama.cpp's converter, an ONNX model folder, or an http(s):// server URL)");
        }

        private AnimataException truncatedOrCorrupt(String why) {
            return new AnimataException("GGUF file " + file.toAbsolutePath() + " is truncated or corrupt: " + why
                    + " (an interrupted download? fetch it again)");
        }

        private AnimataException corrupt(String why) {
            return new AnimataException("GGUF file " + file.toAbsolutePath() + " is corrupt: " + why);
        }
    }
}
