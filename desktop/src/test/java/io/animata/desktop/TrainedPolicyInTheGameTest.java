package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.agent.OnnxPolicy;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.InferenceListener;
import io.animata.runtime.RunMode;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.train.ActionSampler;
import io.animata.runtime.train.PolicyNetwork;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a trained policy takes: a DJL network exported by the trainer, loaded by the game's
 * {@link OnnxPolicy} through the AI runtime, picks the same actions as the DJL network itself.
 */
class TrainedPolicyInTheGameTest {
    private static final int ROWS = 200;
    private static final int WIDTH = 5;

    @Test
    void onnxPolicyActsAsTheDjlNetwork(@TempDir Path dir) {
        ActionSpace space = ActionSpace.discrete(3, 2);
        Random random = new Random(5);
        float[] raw = new float[ROWS * WIDTH];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) (random.nextGaussian() * (1 + i % WIDTH) + i % WIDTH);
        }
        int[][] expected = new int[ROWS][];
        try (PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(WIDTH).setActionSpace(space)
                .optHiddenSizes(32, 16).optSeed(3).optActorOutputGain(2.0).build()) {
            net.normalizer().update(raw, 0, ROWS);
            net.freezeNormalization();
            float[] normalized = new float[raw.length];
            net.normalization().normalize(raw, 0, normalized, 0, ROWS);
            float[] logits = new float[ROWS * net.actorOutputWidth()];
            net.predict(normalized, ROWS, logits, null);
            ActionBuffer greedy = new ActionBuffer(space);
            for (int r = 0; r < ROWS; r++) {
                ActionSampler.greedy(space, logits, r * net.actorOutputWidth(), greedy);
                expected[r] = greedy.discrete.clone();
            }
            net.export(dir.resolve("policy.onnx"), dir.resolve("policy.json"), "round-trip");
        }

        int[][] actual = new int[ROWS][];
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optDevice(DevicePreference.CPU).build()) {
            OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime).setModel(dir.resolve("policy.onnx")).build();
            assertEquals(space, policy.actionSpace());
            ActionBuffer action = new ActionBuffer(space);
            InferenceListener listener = (id, tag, result) -> {
                policy.decode(result, null, action);
                actual[tag] = action.discrete.clone();
            };
            runtime.beginFrame(1);
            float[] row = new float[WIDTH];
            for (int r = 0; r < ROWS; r++) {
                System.arraycopy(raw, r * WIDTH, row, 0, WIDTH);
                policy.submit(row, listener, r);
            }
            runtime.endFrame(1);
            runtime.beginFrame(2);
        }
        int differentFromFirst = 0;
        for (int r = 0; r < ROWS; r++) {
            assertArrayEquals(expected[r], actual[r], "row " + r);
            if (expected[r][0] != expected[0][0] || expected[r][1] != expected[0][1]) {
                differentFromFirst++;
            }
        }
        assertTrue(differentFromFirst > ROWS / 10, "the network should not pick one action for everything");
    }
}
