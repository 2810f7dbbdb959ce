package io.animata.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.model.TestMlps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MlpOnnxExporterTest {
    private static final double TOLERANCE = 1e-5;
    private static final int[] BATCH_SIZES = {1, 37};

    static Stream<Arguments> seedsActivationsAndNormalisation() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (long seed : new long[] {1, 2, 3}) {
            for (Activation activation : Activation.values()) {
                cases.add(Arguments.of(seed, activation, false));
                cases.add(Arguments.of(seed, activation, true));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "seed {0}, {1}, normalised {2}")
    @MethodSource("seedsActivationsAndNormalisation")
    void onnxRuntimeMatchesJavaForward(long seed, Activation activation, boolean normalized) throws OrtException {
        Random random = new Random(seed * 31 + activation.ordinal());
        int in = 1 + random.nextInt(8);
        int out = 1 + random.nextInt(6);
        // the activation runs after every layer, hidden and output, so each appears in both places
        Mlp mlp = TestMlps.random(seed, activation, activation, normalized,
                in, 1 + random.nextInt(20), 1 + random.nextInt(20), out);
        try (Ort ort = new Ort(new MlpOnnxExporter().export(mlp))) {
            for (int rows : BATCH_SIZES) {
                float[] input = TestMlps.uniform(random, rows * in, 3f);
                float[] expected = new float[rows * out];
                mlp.forward(input, rows, expected);
                float[] actual = ort.run("input", input, rows, in).get("output");
                assertArrayEquals(expected, actual, (float) TOLERANCE, mlp + ", rows " + rows);
            }
        }
    }

    @Test
    void inputAndOutputHaveExpectedNamesAndDynamicBatch() throws OrtException {
        Mlp mlp = TestMlps.random(4, Activation.RELU, Activation.SOFTMAX, true, 6, 10, 3);
        try (Ort ort = new Ort(new MlpOnnxExporter().export(mlp))) {
            assertEquals(List.of("input"), List.copyOf(ort.inputs().keySet()));
            assertEquals(List.of("output"), List.copyOf(ort.outputs().keySet()));
            NodeInfo input = ort.inputs().get("input");
            NodeInfo output = ort.outputs().get("output");
            assertArrayEquals(new long[] {-1, 6}, Ort.shape(input));
            assertArrayEquals(new long[] {-1, 3}, Ort.shape(output));
            assertEquals("batch", Ort.dimensionNames(input)[0]);
            assertEquals("batch", Ort.dimensionNames(output)[0]);
        }
    }

    @Test
    void namesAreConfigurableAndFileIsWritten(@TempDir Path dir) throws OrtException {
        Mlp mlp = TestMlps.random(5, Activation.TANH, Activation.IDENTITY, false, 3, 4, 2);
        Path file = dir.resolve("models/policy.onnx");
        new MlpOnnxExporter().optInputName("obs").optOutputName("action").optGraphName("policy").export(mlp, file);
        try (Ort ort = new Ort(file.toString())) {
            float[] input = {0.5f, -1f, 2f};
            float[] expected = new float[2];
            mlp.forward(input, 1, expected);
            assertArrayEquals(expected, ort.run("obs", input, 1, 3).get("action"), (float) TOLERANCE);
        }
    }

    @Test
    void clampedStdIsExportedAsIs() throws OrtException {
        Mlp mlp = Mlp.builder(2)
                .optNormalization(new float[] {3, -1}, new float[] {0, 2})
                .addLayer(new float[] {1, 1}, new float[] {0.25f}, Activation.IDENTITY)
                .build();
        try (Ort ort = new Ort(new MlpOnnxExporter().export(mlp))) {
            // feature 0 sits at its mean, so the 1e8 inverse std multiplies exactly 0
            float[] input = {3, 5};
            float[] expected = new float[1];
            mlp.forward(input, 1, expected);
            assertArrayEquals(new float[] {3.25f}, expected);
            assertArrayEquals(expected, ort.run("input", input, 1, 2).get("output"));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void headsMatchTrunkThenHeadInJava(long seed) throws OrtException {
        Random random = new Random(seed);
        int in = 2 + random.nextInt(6);
        int features = 4 + random.nextInt(12);
        int actions = 2 + random.nextInt(5);
        Mlp trunk = TestMlps.random(seed, Activation.TANH, Activation.RELU, true, in, 16, features);
        Map<String, Mlp> heads = new LinkedHashMap<>();
        heads.put("logits", TestMlps.random(seed + 1, Activation.TANH, Activation.IDENTITY, false, features, actions));
        heads.put("value", TestMlps.random(seed + 2, Activation.RELU, Activation.IDENTITY, false, features, 8, 1));
        heads.put("probs", TestMlps.random(seed + 3, Activation.RELU, Activation.SOFTMAX, true, features, actions));

        try (Ort ort = new Ort(new MlpOnnxExporter().exportWithHeads(trunk, heads))) {
            assertEquals(List.of("logits", "value", "probs"), List.copyOf(ort.outputs().keySet()));
            for (int rows : BATCH_SIZES) {
                float[] input = TestMlps.uniform(random, rows * in, 3f);
                float[] hidden = new float[rows * features];
                trunk.forward(input, rows, hidden);
                Map<String, float[]> actual = ort.run("input", input, rows, in);
                for (Map.Entry<String, Mlp> head : heads.entrySet()) {
                    Mlp mlp = head.getValue();
                    float[] expected = new float[rows * mlp.outputWidth()];
                    mlp.forward(hidden, rows, expected);
                    assertArrayEquals(expected, actual.get(head.getKey()), (float) TOLERANCE,
                            head.getKey() + ", rows " + rows);
                    assertArrayEquals(new long[] {-1, mlp.outputWidth()}, Ort.shape(ort.outputs().get(head.getKey())));
                }
            }
        }
    }

    @Test
    void headsMustFitTheTrunk() {
        Mlp trunk = Mlp.random(1, Activation.RELU, Activation.RELU, 4, 8);
        Mlp head = Mlp.random(2, Activation.RELU, Activation.IDENTITY, 6, 1);
        MlpOnnxExporter exporter = new MlpOnnxExporter();
        AnimataException e = assertThrows(AnimataException.class,
                () -> exporter.exportWithHeads(trunk, Map.of("value", head)));
        assertTrue(e.getMessage().contains("head 'value' reads rows of width 6 but the trunk"), e.getMessage());
        assertThrows(AnimataException.class, () -> exporter.exportWithHeads(trunk, Map.of()));
        AnimataException clash = assertThrows(AnimataException.class,
                () -> exporter.exportWithHeads(trunk, Map.of("input", Mlp.random(3, Activation.RELU,
                        Activation.IDENTITY, 8, 1))));
        assertTrue(clash.getMessage().contains("'input', the name is already used by graph input"),
                clash.getMessage());
    }
}
