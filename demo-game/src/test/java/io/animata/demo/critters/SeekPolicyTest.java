package io.animata.demo.critters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-weighted network really implements seek, in Java and once exported to ONNX. */
class SeekPolicyTest {
    private static final int ROWS = 64;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20261121L})
    void logitsAreTheSteeringVectorProjectedOnEachDirection(long seed) {
        float[] input = randomObservations(seed);
        float[] java = new float[ROWS * SeekPolicy.ACTIONS];
        SeekPolicy.mlp().forward(input, ROWS, java);
        float[] onnx = new float[ROWS * SeekPolicy.ACTIONS];
        try (OnnxModel model = OnnxModel.load("seek", SeekPolicy.onnxBytes(), OnnxSessionConfig.DEFAULT)) {
            assertEquals(SeekPolicy.INPUT_WIDTH, model.inputWidth());
            assertEquals(SeekPolicy.ACTIONS, model.outputWidth(0));
            model.run(input, ROWS, new float[][] {onnx});
        }
        assertArrayEquals(java, onnx, 1e-5f, "ONNX Runtime and the Java MLP disagree");

        for (int r = 0; r < ROWS; r++) {
            int o = r * SeekPolicy.INPUT_WIDTH;
            float sx = input[o] - SeekPolicy.VELOCITY_WEIGHT * input[o + 2];
            float sy = input[o + 1] - SeekPolicy.VELOCITY_WEIGHT * input[o + 3];
            int best = 0;
            for (int k = 0; k < SeekPolicy.ACTIONS; k++) {
                float expected = SeekPolicy.directionX(k) * sx + SeekPolicy.directionY(k) * sy;
                assertEquals(expected, java[r * SeekPolicy.ACTIONS + k], 1e-5f, "logit " + k + " of row " + r);
                if (expected > SeekPolicy.directionX(best) * sx + SeekPolicy.directionY(best) * sy) {
                    best = k;
                }
            }
            assertEquals(best, argmax(onnx, r), "row " + r + ": the chosen direction is not the steering direction");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void aRestingCritterHeadsStraightForItsTarget(int k) {
        Mlp mlp = SeekPolicy.mlp();
        float[] row = {SeekPolicy.directionX(k), SeekPolicy.directionY(k), 0f, 0f};
        float[] out = new float[SeekPolicy.ACTIONS];
        mlp.forward(row, 1, out);
        assertEquals(k, argmax(out, 0));
    }

    private static float[] randomObservations(long seed) {
        Random random = new Random(seed);
        float[] input = new float[ROWS * SeekPolicy.INPUT_WIDTH];
        for (int r = 0; r < ROWS; r++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            input[r * 4] = (float) Math.cos(angle);
            input[r * 4 + 1] = (float) Math.sin(angle);
            input[r * 4 + 2] = (float) (random.nextDouble() * 2 - 1);
            input[r * 4 + 3] = (float) (random.nextDouble() * 2 - 1);
        }
        return input;
    }

    private static int argmax(float[] values, int row) {
        int base = row * SeekPolicy.ACTIONS;
        int best = 0;
        for (int k = 1; k < SeekPolicy.ACTIONS; k++) {
            if (values[base + k] > values[base + best]) {
                best = k;
            }
        }
        return best;
    }
}
