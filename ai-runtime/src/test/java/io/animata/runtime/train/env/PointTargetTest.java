package io.animata.runtime.train.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.rl.ActionBuffer;
import org.junit.jupiter.api.Test;

class PointTargetTest {

    @Test
    void movesTowardsTheActionAndRewardsNearness() {
        PointTarget env = new PointTarget();
        float[] obs = new float[2];
        env.reset(5, obs);
        float x = obs[0];
        float goal = obs[1];
        ActionBuffer action = new ActionBuffer(env.actionSpace());
        action.continuous[0] = 3f; // clipped to 1
        float reward = env.step(action, obs);
        float expected = Math.min(1f, x + PointTarget.SPEED);
        assertEquals(expected, obs[0], 1e-6f);
        assertEquals(goal, obs[1]);
        assertEquals(-Math.abs(goal - expected), reward, 1e-6f);
    }

    @Test
    void truncatesAfterMaxStepsAndNeverTerminates() {
        PointTarget env = new PointTarget();
        float[] obs = new float[2];
        env.reset(1, obs);
        ActionBuffer action = new ActionBuffer(env.actionSpace());
        for (int i = 0; i < PointTarget.MAX_STEPS; i++) {
            assertFalse(env.truncated());
            env.step(action, obs);
            assertFalse(env.terminated());
        }
        assertTrue(env.truncated());
    }
}
