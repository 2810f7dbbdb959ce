package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.animata.runtime.onnx.NcaOnnxExporter;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.onnx.DevicePreference;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NCA step exported to ONNX computes what the DJL step computes. */
class NcaModelTest {

    @ParameterizedTest
    @CsvSource({"3, 8, 5, 7, 1", "12, 32, 16, 16, 2", "8, 16, 9, 23, 3"})
    void theOnnxStepMatchesTheDjlStep(int channels, int hidden, int height, int width, long seed) {
        Random random = new Random(seed);
        float[] state = new float[channels * height * width];
        float[] mask = new float[height * width];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextFloat() * 2 - 1;
        }
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextBoolean() ? 1 : 0;
        }
        float[] djl;
        byte[] onnx;
        try (NcaModel model = NcaModel.builder().optChannels(channels).optHidden(hidden).optSeed(seed)
                .optOutputInitScale(0.3).build(); NDManager m = model.manager().newSubManager()) {
            NDArray s = m.create(state, new Shape(1, channels, height, width));
            NDArray k = m.create(mask, new Shape(1, 1, height, width));
            djl = model.step(s, k).toFloatArray();
            onnx = model.toOnnx("test");
        }
        float[] input = new float[(channels + 1) * height * width];
        System.arraycopy(state, 0, input, 0, state.length);
        System.arraycopy(mask, 0, input, state.length, mask.length);
        float[] out;
        try (OnnxModel step = OnnxModel.load("nca", onnx, new OnnxSessionConfig(1, DevicePreference.CPU, 0))) {
            out = step.run(NcaOnnxExporter.INPUT, input, new long[] {1, channels + 1, height, width})
                    .get(NcaOnnxExporter.OUTPUT);
        }
        assertEquals(djl.length, out.length);
        double worst = 0;
        for (int i = 0; i < djl.length; i++) {
            worst = Math.max(worst, Math.abs(djl[i] - out[i]));
        }
        assertTrue(worst <= 1e-4, "largest difference " + worst);
        boolean moved = false;
        for (int i = 0; i < state.length; i++) {
            moved |= Math.abs(djl[i] - state[i]) > 1e-3;
        }
        assertTrue(moved, "the step changes the state (the output layer is not zero here)");
    }

    /** The grid is a torus: shifting the input around the edges shifts the output the same way, exactly. */
    @ParameterizedTest
    @CsvSource({"5, 9, 7, 3, 2, 1", "8, 12, 10, 11, 9, 2"})
    void theOnnxStepHasNoEdges(int channels, int height, int width, int dy, int dx, long seed) {
        Random random = new Random(seed);
        int cells = height * width;
        float[] input = new float[(channels + 1) * cells];
        for (int i = 0; i < input.length; i++) {
            input[i] = i >= channels * cells ? (random.nextBoolean() ? 1 : 0) : random.nextFloat() * 2 - 1;
        }
        byte[] onnx;
        try (NcaModel model = NcaModel.builder().optChannels(channels).optHidden(12).optSeed(seed)
                .optOutputInitScale(0.5).build()) {
            onnx = model.toOnnx("torus");
        }
        try (OnnxModel step = OnnxModel.load("nca", onnx, new OnnxSessionConfig(1, DevicePreference.CPU, 0))) {
            long[] shape = {1, channels + 1, height, width};
            float[] out = step.run(NcaOnnxExporter.INPUT, input, shape).get(NcaOnnxExporter.OUTPUT);
            float[] shifted = step.run(NcaOnnxExporter.INPUT, roll(input, channels + 1, height, width, dy, dx), shape)
                    .get(NcaOnnxExporter.OUTPUT);
            assertArrayEquals(roll(out, channels, height, width, dy, dx), shifted, 1e-5f);
        }
    }

    private static float[] roll(float[] planes, int count, int height, int width, int dy, int dx) {
        float[] out = new float[planes.length];
        for (int c = 0; c < count; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[c * height * width + ((y + dy) % height) * width + (x + dx) % width] =
                            planes[c * height * width + y * width + x];
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"4, 6, 1", "7, 5, 2"})
    void wrapPaddingPutsTheOppositeEdgeAroundTheGrid(int height, int width, long seed) {
        float[] v = new float[height * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        try (NcaModel model = NcaModel.builder().optChannels(3).optHidden(2).build();
                NDManager m = model.manager().newSubManager()) {
            float[] p = NcaModel.wrapPad(m.create(v, new Shape(1, 1, height, width))).toFloatArray();
            int pw = width + 2;
            assertEquals((height + 2) * pw, p.length);
            for (int y = 0; y < height + 2; y++) {
                for (int x = 0; x < width + 2; x++) {
                    int sy = Math.floorMod(y - 1, height);
                    int sx = Math.floorMod(x - 1, width);
                    assertEquals(v[sy * width + sx], p[y * pw + x], "at " + x + ", " + y);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"3", "5"})
    void aFreshModelLeavesTheStateAlone(int channels) {
        try (NcaModel model = NcaModel.builder().optChannels(channels).build();
                NDManager m = model.manager().newSubManager()) {
            NDArray s = m.randomUniform(-1, 1, new Shape(2, channels, 4, 4));
            NDArray k = m.ones(new Shape(2, 1, 4, 4));
            assertArrayEquals(s.toFloatArray(), model.step(s, k).toFloatArray(), 0f);
        }
    }
}
