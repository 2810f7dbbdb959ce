package io.animata.runtime.train.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.rl.ActionBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CartPoleTest {
    private final CartPole env = new CartPole();
    private final float[] obs = new float[4];
    private final ActionBuffer action = new ActionBuffer(env.actionSpace());

    @Test
    void stepsMatchGymnasiumEulerDynamics() {
        env.setState(0.01, -0.02, 0.03, 0.04, obs);
        action.discrete[0] = 1;
        assertEquals(1f, env.step(action, obs));
        // computed with Gymnasium's CartPoleEnv.step formulas in double precision
        assertArrayEquals(new float[] {0.0096f, 0.17467919574755525f, 0.0308f, -0.2430687179600081f}, obs);
        action.discrete[0] = 0;
        env.step(action, obs);
        assertArrayEquals(new float[] {0.013093583914951107f, -0.020868848948191993f, 0.025938625640799837f,
            0.0591679999394166f}, obs);
        assertFalse(env.terminated());
        assertFalse(env.truncated());
        assertEquals(2, env.steps());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
    void resetIsSeededAndSmall(long seed) {
        env.reset(seed, obs);
        for (float v : obs) {
            assertTrue(v >= -0.05f && v < 0.05f, "reset value " + v);
        }
        float[] again = new float[4];
        new CartPole().reset(seed, again);
        assertArrayEquals(obs, again);
    }

    @Test
    void poleBeyondTwelveDegreesTerminatesWithRewardOne() {
        env.setState(0, 0, 0.2, 1.0, obs); // 0.2 rad + 0.02 s * 1 rad/s > 12 degrees (0.2094 rad)
        assertEquals(1f, env.step(action, obs));
        assertTrue(env.terminated());
        assertFalse(env.truncated());
    }

    @Test
    void cartLeavingTheTrackTerminates() {
        env.setState(2.39, 1.0, 0, 0, obs);
        env.step(action, obs);
        assertTrue(env.terminated());
    }

    @Test
    void balancedEpisodeIsTruncatedAtFiveHundredSteps() {
        env.reset(3, obs);
        int steps = 0;
        while (!env.terminated() && !env.truncated()) {
            // a hand-made linear controller that keeps the pole up and the cart near the middle
            double u = 0.1 * obs[0] + 0.5 * obs[1] + 10 * obs[2] + 2 * obs[3];
            action.discrete[0] = u > 0 ? 1 : 0;
            env.step(action, obs);
            steps++;
        }
        assertFalse(env.terminated(), "the controller dropped the pole at step " + steps);
        assertTrue(env.truncated());
        assertEquals(CartPole.MAX_STEPS, steps);
    }

    @Test
    void invalidActionIsRejected() {
        env.reset(1, obs);
        action.discrete[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> env.step(action, obs));
    }
}
