package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.PolicySpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The nav policy shipped in {@code assets/models/nav} (made by
 * {@code ./animata train nav --steps 200000 --envs 8 --seed 1 --checkpoints 0 --out assets/models/nav}) fits the
 * environment and reaches the goal in at least 90 of 100 episodes, played greedily from the ONNX file.
 */
class ShippedNavPolicyTest {
    private static final Path DIR = Path.of(System.getProperty("animata.root", "..")).resolve("assets/models/nav");

    @Test
    void shippedPolicyReachesTheGoalInNineOfTenEpisodes() {
        PolicySpec spec = PolicySpec.read(DIR.resolve("policy.json"));
        try (OnnxModel model = OnnxModel.load("nav", DIR.resolve("policy.onnx"),
                        new OnnxSessionConfig(1, DevicePreference.CPU, 0));
                NavEnvironment env = NavEnvironment.builder().build()) {
            assertEquals(env.observationWidth(), spec.getObservationWidth());
            assertEquals(env.actionSpace(), spec.actionSpace());
            assertEquals(spec.getObservationWidth(), model.inputWidth());
            int logits = -1;
            for (int o = 0; o < model.outputCount(); o++) {
                if (model.outputName(o).equals(PolicySpec.LOGITS)) {
                    logits = o;
                }
            }
            assertTrue(logits >= 0, "the policy has a logits output");
            float[] observation = new float[env.observationWidth()];
            float[][] outputs = new float[model.outputCount()][];
            for (int o = 0; o < outputs.length; o++) {
                outputs[o] = new float[model.outputWidth(o)];
            }
            ActionBuffer action = new ActionBuffer(env.actionSpace());
            int reached = 0;
            for (int episode = 0; episode < 100; episode++) {
                env.reset(10_000L + episode, observation);
                do {
                    model.run(observation, 1, outputs);
                    action.discrete[0] = argmax(outputs[logits]);
                    env.step(action, observation);
                } while (!env.terminated() && !env.truncated());
                if (env.reachedGoal()) {
                    reached++;
                }
            }
            assertTrue(reached >= 90, "reached the goal in " + reached + " of 100 episodes");
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
