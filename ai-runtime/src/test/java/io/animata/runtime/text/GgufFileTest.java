package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GGUF writer and the header checks, without native code. */
class GgufFileTest {
    @TempDir
    Path dir;

    private static GgufWriter small() {
        GgufWriter w = new GgufWriter();
        w.putString("general.architecture", "llama");
        w.putUInt32("llama.block_count", 3);
        w.putInt32("some.int", -7);
        w.putFloat32("some.float", 0.25f);
        w.putBool("some.bool", true);
        w.putStringArray("some.strings", List.of("a", "bé", ""));
        w.putInt32Array("some.ints", new int[] {1, -2, 3});
        w.putFloat32Array("long.floats", new float[100]);
        w.addTensor("a.weight", new long[] {3}, new float[] {1, 2, 3});
        w.addTensor("b.weight", new long[] {4, 2}, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        return w;
    }

    @Test
    void writtenFilesReadBackWithTheirMetadataTensorsAndAlignedData() throws IOException {
        Path file = dir.resolve("small.gguf");
        small().write(file);
        GgufFile g = GgufFile.read(file);
        assertEquals(3, g.version());
        assertEquals("llama", g.architecture());
        assertEquals(3, g.integer("llama.block_count", 0));
        assertEquals(-7, g.integer("some.int", 0));
        assertEquals(0.25, (Double) g.metadata().get("some.float"));
        assertTrue(g.bool("some.bool", false));
        assertEquals(List.of("a", "bé", ""), g.metadata().get("some.strings"));
        assertEquals(List.of(1L, -2L, 3L), g.metadata().get("some.ints"));
        assertEquals(new GgufFile.ArrayInfo("FLOAT32", 100), g.metadata().get("long.floats"));
        assertEquals(100, g.arrayLength("long.floats"));
        assertEquals(32, g.integer("general.alignment", 0));
        assertEquals(2, g.tensors().size());
        GgufFile.TensorInfo b = g.tensors().get(1);
        assertEquals("b.weight", b.name());
        assertArrayEquals(new long[] {4, 2}, b.dims());
        assertEquals(GgmlType.F32, b.type());
        assertEquals(32, b.offset()); // 12 bytes of a.weight, padded to 32
        assertEquals(32, b.bytes());
        assertEquals(0, g.dataOffset() % 32);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(GgufWriter.MAGIC, data.getInt(0));
        assertEquals(3f, data.getFloat((int) g.dataOffset() + 8));
        assertEquals(8f, data.getFloat((int) (g.dataOffset() + b.offset()) + 28));
        assertEquals(g.dataOffset() + 64, bytes.length);
    }

    @Test
    void theTinyLlamaHasEveryTensorAndKeyLlamaCppNeeds() {
        TinyLlamaGguf.Config c = TinyLlamaGguf.Config.DEFAULT;
        Path file = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), c, 1L, null);
        GgufFile g = GgufFile.read(file);
        assertEquals(3 + 9 * c.layers(), g.tensors().size());
        assertEquals(c.vocab(), g.arrayLength("tokenizer.ggml.tokens"));
        assertEquals(c.vocab(), g.arrayLength("tokenizer.ggml.scores"));
        assertEquals(c.hidden() / c.heads(), g.integer("llama.rope.dimension_count", 0));
        GgufFile.TensorInfo k = g.tensors().stream().filter(t -> t.name().equals("blk.1.attn_k.weight")).findFirst()
                .orElseThrow();
        assertArrayEquals(new long[] {c.hidden(), c.hidden() / c.heads() * c.kvHeads()}, k.dims());
        List<String> tokens = TinyLlamaGguf.tokens(c.vocab());
        assertEquals(tokens.size(), tokens.stream().distinct().count(), "tokens are unique");
    }

    @Test
    void aVocabularyWithARepeatedTokenIsCorruptAndByteTokensAreCounted() {
        TinyLlamaGguf.Config c = new TinyLlamaGguf.Config(270, 8, 1, 2, 1, 16, 64);
        GgufFile whole = GgufFile.read(TinyLlamaGguf.write(dir.resolve("whole.gguf"), c, 1L, null));
        assertEquals(0, whole.missingByteTokens("llama"));
        assertEquals("STRING", whole.arrayType("tokenizer.ggml.tokens"));
        assertEquals("FLOAT32", whole.arrayType("tokenizer.ggml.scores"));
        List<String> tokens = new java.util.ArrayList<>(TinyLlamaGguf.tokens(c.vocab()));
        tokens.set(100, "<0x41>");
        tokens.set(101, "\u2581spell");
        GgufWriter repeated = TinyLlamaGguf.build(c, 1L, null).putStringArray("tokenizer.ggml.tokens", tokens);
        Path file = dir.resolve("repeated.gguf");
        repeated.write(file);
        AnimataException e = assertThrows(AnimataException.class, () -> GgufFile.read(file));
        assertTrue(e.getMessage().contains("'<0x41>' twice"), e.getMessage());
        tokens.set(100, "\u2581bytes");
        GgufWriter missing = TinyLlamaGguf.build(c, 1L, null).putStringArray("tokenizer.ggml.tokens", tokens);
        Path lacking = dir.resolve("lacking.gguf");
        missing.write(lacking);
        assertEquals(2, GgufFile.read(lacking).missingByteTokens("llama"), "bytes 0x61 and 0x62 are gone");
    }

    @Test
    void aMissingFileIsNamed() {
        AnimataException e = assertThrows(AnimataException.class, () -> GgufFile.read(dir.resolve("none.gguf")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GG", "PK\u0003\u0004 a zip file", "{\"json\": true}", "ggufggufgguf"})
    void aFileThatIsNotGgufSaysSo(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("x.gguf"), content);
        AnimataException e = assertThrows(AnimataException.class, () -> GgufFile.read(file));
        assertTrue(e.getMessage().contains("is not a GGUF model"), e.getMessage());
    }

    @Test
    void versionOneAndUnknownVersionsAreRefused() throws IOException {
        byte[] bytes = small().toBytes();
        for (int version : new int[] {1, 4, 0x01000003}) {
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, version);
            Path file = Files.write(dir.resolve("v" + version + ".gguf"), bytes);
            AnimataException e = assertThrows(AnimataException.class, () -> GgufFile.read(file));
            assertTrue(e.getMessage().contains("version"), e.getMessage());
        }
    }

    @Test
    void everyTruncationIsReportedNeverAnotherFailure() throws IOException {
        byte[] bytes = TinyLlamaGguf.build(new TinyLlamaGguf.Config(270, 8, 1, 2, 1, 16, 64), 3L, null).toBytes();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 60; i++) {
            int cut = i < 30 ? random.nextInt(4, 4000) : random.nextInt(4, bytes.length);
            Path file = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, cut));
            AnimataException e = assertThrows(AnimataException.class, () -> GgufFile.read(file), "cut at " + cut);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"),
                    "cut at " + cut + ": " + e.getMessage());
        }
        Path whole = Files.write(dir.resolve("whole.gguf"), bytes);
        assertEquals(12, GgufFile.read(whole).tensors().size());
    }

    @Test
    void randomByteDamageInTheHeaderNeverEscapesAsAnotherException() throws IOException {
        byte[] original = TinyLlamaGguf.build(new TinyLlamaGguf.Config(270, 8, 1, 2, 1, 16, 64), 3L, null).toBytes();
        GgufFile clean = GgufFile.read(Files.write(dir.resolve("clean.gguf"), original));
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = original.clone();
            int at = random.nextInt(8, (int) clean.dataOffset());
            bytes[at] = (byte) random.nextInt(256);
            Path file = Files.write(dir.resolve("damaged.gguf"), bytes);
            try {
                GgufFile.read(file);
            } catch (AnimataException expected) {
                assertTrue(expected.getMessage().contains("GGUF"), expected.getMessage());
            }
        }
    }

    @Test
    void aStringLongerThanTheFileIsCorruptNotAnAllocation() throws IOException {
        byte[] bytes = small().toBytes();
        // the first key's length field follows magic, version and the two counts
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(24, 1L << 40);
        Path file = Files.write(dir.resolve("long.gguf"), bytes);
        AnimataException e = assertThrows(AnimataException.class, () -> GgufFile.read(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void theWriterRefusesInconsistentTensors() {
        GgufWriter w = new GgufWriter();
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("t", new long[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("t", new long[] {}, new float[0]));
        w.addTensor("t", new long[] {1}, new float[1]);
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("t", new long[] {1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> w.putUInt32("k", -1));
    }
}
