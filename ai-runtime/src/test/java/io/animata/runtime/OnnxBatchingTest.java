package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.MlpOnnxExporter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real ONNX model behind the frame contract: every agent's row comes back equal to the plain-Java forward pass. */
class OnnxBatchingTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void batchedResultsMatchJavaForwardPassRowByRow(long seed) {
        Mlp mlp = Mlp.random(seed, Activation.RELU, Activation.SOFTMAX, 32, 64, 64, 8);
        int agents = 257;
        float[] obs = new float[agents * 32];
        float[] expected = new float[agents * 8];
        float[] got = new float[agents * 8];
        int[] received = new int[1];
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optDevice(DevicePreference.CPU).build()) {
            ModelQueue queue = runtime.queue(runtime.loadModel("policy", new MlpOnnxExporter().export(mlp)));
            InferenceListener listener = (id, tag, result) -> {
                result.copyTo(0, got, tag * 8);
                received[0]++;
            };
            Random random = new Random(seed);
            runtime.beginFrame(1);
            for (long tick = 1; tick <= 3; tick++) {
                for (int i = 0; i < obs.length; i++) {
                    obs[i] = random.nextFloat() * 2 - 1;
                }
                for (int a = 0; a < agents; a++) {
                    queue.submit(obs, a * 32, listener, a);
                }
                runtime.endFrame(tick);
                runtime.beginFrame(tick + 1); // lockstep: this frame's results are in
                mlp.forward(obs, agents, expected);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], got[i], 1e-5f, "row " + i / 8 + " frame " + tick);
                }
            }
            assertEquals(3 * agents, received[0]);
            assertEquals(agents, queue.metrics().lastBatchSize());
            assertEquals("cpu", queue.metrics().device());
        }
    }
}
