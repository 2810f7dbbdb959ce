package io.animata.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxModelTest {
    private static final OnnxSessionConfig CPU = new OnnxSessionConfig(1, DevicePreference.CPU, 0);

    @TempDir
    Path dir;

    private static byte[] policyBytes(long seed) {
        return new MlpOnnxExporter().export(Mlp.random(seed, Activation.RELU, Activation.IDENTITY, 6, 16, 4));
    }

    private static AnimataException loadFails(Path path) {
        return assertThrows(AnimataException.class, () -> OnnxModel.load("broken", path, CPU));
    }

    @Test
    void reportsInputsOutputsAndDevice() throws IOException {
        Path file = dir.resolve("policy.onnx");
        Files.write(file, policyBytes(1));
        try (OnnxModel model = OnnxModel.load("policy", file, CPU)) {
            assertEquals(1, model.inputs().size());
            TensorSpec in = model.inputs().get(0);
            assertEquals("input", in.name());
            assertEquals("FLOAT", in.type());
            assertArrayEquals(new long[] {-1, 6}, in.shape());
            assertEquals("[batch, 6]", in.shapeText());
            assertEquals("output", model.outputs().get(0).name());
            assertArrayEquals(new long[] {-1, 4}, model.outputs().get(0).shape());
            assertTrue(model.isBatchable());
            assertEquals(6, model.inputWidth());
            assertEquals(1, model.outputCount());
            assertEquals(4, model.outputWidth(0));
            assertEquals("cpu", model.device());
            assertTrue(model.source().endsWith("policy.onnx"));
        }
    }

    @Test
    void loadsFromPathBytesAndClasspathAlike() throws IOException {
        byte[] bytes = policyBytes(3);
        Path file = dir.resolve("p.onnx");
        Files.write(file, bytes);
        float[] input = new float[6 * 3];
        Arrays.fill(input, 0.25f);
        float[][] a = {new float[12]};
        float[][] b = {new float[12]};
        float[][] c = {new float[12]};
        try (OnnxModel fromPath = OnnxModel.load("p", file, CPU);
                OnnxModel fromBytes = OnnxModel.load("p", bytes, CPU);
                OnnxModel fromClasspath = OnnxModel.loadFromClasspath("p", "/models/tiny-policy.onnx", CPU)) {
            fromPath.run(input, 3, a);
            fromBytes.run(input, 3, b);
            fromClasspath.run(input, 3, c);
        }
        assertArrayEquals(a[0], b[0]);
        assertEquals(12, c[0].length);
        assertTrue(Float.isFinite(c[0][0]));
    }

    @Test
    void missingClasspathResourceIsClear() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> OnnxModel.loadFromClasspath("x", "/models/nope.onnx", CPU));
        assertTrue(e.getMessage().contains("not found on the classpath") && e.getMessage().contains("nope.onnx"),
                e.getMessage());
    }

    @Test
    void missingFileIsClear() {
        AnimataException e = loadFails(dir.resolve("absent.onnx"));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("absent.onnx"), e.getMessage());
    }

    @Test
    void directoryIsClear() {
        AnimataException e = loadFails(dir);
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void emptyFileIsClear() throws IOException {
        Path file = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        AnimataException e = loadFails(file);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 50, 200})
    void truncatedFileIsClear(int keepPercent) throws IOException {
        byte[] bytes = policyBytes(5);
        Path file = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(bytes, Math.max(1, bytes.length * keepPercent / 300)));
        AnimataException e = loadFails(file);
        assertTrue(e.getMessage().contains("not a valid ONNX model") && e.getMessage().contains("cut.onnx"),
                e.getMessage());
        assertTrue(e.getCause() != null, "the engine's error is kept as the cause");
    }

    @Test
    void corruptBytesAreClear() throws IOException {
        byte[] bytes = policyBytes(5);
        Random random = new Random(11);
        for (int i = 0; i < bytes.length; i += 3) {
            bytes[i] = (byte) random.nextInt(256);
        }
        AnimataException e = loadFails(Files.write(dir.resolve("noise.onnx"), bytes));
        assertTrue(e.getMessage().contains("not a valid ONNX model"), e.getMessage());
    }

    @Test
    void textFileIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.onnx"), "{\"this\": \"is json, not a model\"}\n",
                StandardCharsets.UTF_8);
        AnimataException e = loadFails(file);
        assertTrue(e.getMessage().contains("looks like a text file"), e.getMessage());
    }

    @Test
    void wrongInputShapeNamesTheInputAndBothShapes() {
        try (OnnxModel model = OnnxModel.load("policy", policyBytes(2), CPU)) {
            AnimataException e = assertThrows(AnimataException.class,
                    () -> model.run("input", new float[2 * 5], new long[] {2, 5}));
            assertTrue(e.getMessage().contains("'input'"), e.getMessage());
            assertTrue(e.getMessage().contains("[batch, 6]") && e.getMessage().contains("[2, 5]"), e.getMessage());

            AnimataException name = assertThrows(AnimataException.class,
                    () -> model.run("obs", new float[6], new long[] {1, 6}));
            assertTrue(name.getMessage().contains("no input 'obs'") && name.getMessage().contains("[input]"),
                    name.getMessage());

            AnimataException rank = assertThrows(AnimataException.class,
                    () -> model.run("input", new float[6], new long[] {6}));
            assertTrue(rank.getMessage().contains("[6]"), rank.getMessage());

            AnimataException batched = assertThrows(AnimataException.class,
                    () -> model.run(new float[10], 2, new float[][] {new float[8]}));
            assertTrue(batched.getMessage().contains("[batch, 6]") && batched.getMessage().contains("10 floats"),
                    batched.getMessage());
        }
    }

    @Test
    void nonFiniteOutputIsReported() {
        try (OnnxModel model = OnnxModel.load("policy", policyBytes(2), CPU)) {
            float[] input = new float[6];
            input[2] = Float.NaN;
            AnimataException e = assertThrows(AnimataException.class,
                    () -> model.run(input, 1, new float[][] {new float[4]}));
            assertTrue(e.getMessage().contains("non-finite") && e.getMessage().contains("'output'"), e.getMessage());
        }
    }

    @Test
    void batchedRunEqualsRowByRunAndGeneralRun() {
        try (OnnxModel model = OnnxModel.load("policy", policyBytes(9), CPU)) {
            Random random = new Random(4);
            int rows = 37;
            float[] input = new float[rows * 6];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat() * 4 - 2;
            }
            float[][] batched = {new float[rows * 4]};
            model.run(input, rows, batched);
            float[][] one = {new float[4]};
            for (int r = 0; r < rows; r++) {
                model.run(Arrays.copyOfRange(input, r * 6, r * 6 + 6), 1, one);
                for (int c = 0; c < 4; c++) {
                    assertEquals(batched[0][r * 4 + c], one[0][c], 1e-6f);
                }
            }
            Map<String, float[]> general = model.run("input", input, new long[] {rows, 6});
            assertArrayEquals(batched[0], general.get("output"), 1e-6f);
        }
    }

    @Test
    void cudaRequiredWithoutCudaIsAClearError() {
        // this build is the CPU one unless -Pgpu; with a GPU build and a GPU present the model simply loads
        try {
            OnnxModel model = OnnxModel.load("p", policyBytes(1), new OnnxSessionConfig(1, DevicePreference.CUDA, 0));
            assertEquals("cuda", model.device());
            model.close();
        } catch (AnimataException e) {
            assertTrue(e.getMessage().contains("CUDA was required"), e.getMessage());
        }
    }

    @Test
    void autoFallsBackToCpuWhenCudaIsMissing() {
        try (OnnxModel model = OnnxModel.load("p", policyBytes(1), OnnxSessionConfig.DEFAULT)) {
            boolean cudaBuild = ai.onnxruntime.OrtEnvironment.getAvailableProviders()
                    .contains(ai.onnxruntime.OrtProvider.CUDA);
            if (!cudaBuild) {
                assertEquals("cpu", model.device());
            }
        }
    }

    @Test
    void closeTwiceIsSafeAndRunAfterCloseIsClear() {
        OnnxModel model = OnnxModel.load("p", policyBytes(1), CPU);
        model.close();
        model.close();
        AnimataException e = assertThrows(AnimataException.class,
                () -> model.run(new float[6], 1, new float[][] {new float[4]}));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void modelThatCannotBeBatchedSaysWhy() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("two-inputs");
        graph.addInput("a", 3);
        graph.addInput("b", 3);
        graph.node("Add").inputs("a", "b").output("sum");
        graph.addOutput("sum", 3);
        try (OnnxModel model = OnnxModel.load("two", graph.toBytes(), CPU)) {
            assertFalse(model.isBatchable());
            AnimataException e = assertThrows(AnimataException.class, model::inputWidth);
            assertTrue(e.getMessage().contains("2 inputs"), e.getMessage());
        }
    }
}
