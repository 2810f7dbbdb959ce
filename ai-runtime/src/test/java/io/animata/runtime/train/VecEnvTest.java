package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import io.animata.runtime.train.env.CartPole;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VecEnvTest {

    /** Steps {@code count} cart-poles with seeded random actions; returns every observation and reward. */
    private static float[] trajectory(int count, int threads, long seed, int steps) {
        try (VecEnv envs = new VecEnv(i -> new CartPole(), count, seed, threads)) {
            assertEquals(Math.min(count, threads), envs.threads());
            envs.reset();
            ActionBuffer[] actions = envs.newActionBuffers();
            Random random = new Random(seed);
            float[] out = new float[steps * count * 5];
            for (int s = 0; s < steps; s++) {
                for (ActionBuffer a : actions) {
                    a.discrete[0] = random.nextInt(2);
                }
                envs.step(actions);
                for (int e = 0; e < count; e++) {
                    System.arraycopy(envs.observations(), e * 4, out, (s * count + e) * 5, 4);
                    out[(s * count + e) * 5 + 4] = envs.rewards()[e];
                }
            }
            return out;
        }
    }

    @Test
    void sameSeedGivesTheSameStepsWhateverTheThreadCount() {
        float[] one = trajectory(5, 1, 11, 300);
        assertArrayEquals(one, trajectory(5, 2, 11, 300));
        assertArrayEquals(one, trajectory(5, 3, 11, 300));
        assertFalse(java.util.Arrays.equals(one, trajectory(5, 2, 12, 300)));
    }

    @Test
    void endedEpisodesResetAndReportTheirReturn() {
        try (VecEnv envs = new VecEnv(i -> new CartPole(), 3, 5, 2)) {
            envs.reset();
            ActionBuffer[] actions = envs.newActionBuffers(); // always push left: the pole falls within ~10 steps
            int[] lengths = new int[3];
            int ended = 0;
            for (int s = 0; s < 200 && ended < 6; s++) {
                envs.step(actions);
                for (int e = 0; e < 3; e++) {
                    lengths[e]++;
                    if (envs.episodeEnded()[e]) {
                        ended++;
                        assertTrue(envs.terminated()[e]);
                        assertFalse(envs.truncated()[e]);
                        assertEquals(lengths[e], envs.episodeLengths()[e]);
                        assertEquals(lengths[e], envs.episodeReturns()[e]); // reward 1 per step
                        float theta = envs.finalObservations()[e * 4 + 2];
                        assertTrue(Math.abs(theta) > 0.2f, "final theta " + theta);
                        // the observation now is a fresh episode's
                        assertTrue(Math.abs(envs.observations()[e * 4 + 2]) < 0.05f);
                        lengths[e] = 0;
                    }
                }
            }
            assertTrue(ended >= 6, "episodes ended: " + ended);
        }
    }

    @Test
    void anEnvironmentFailureIsReportedAndCloseIsIdempotent() {
        AtomicInteger closes = new AtomicInteger();
        VecEnv envs = new VecEnv(i -> new Failing(i == 1, closes), 2, 1, 2);
        envs.reset();
        AnimataException e = assertThrows(AnimataException.class, () -> envs.step(envs.newActionBuffers()));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        envs.close();
        envs.close();
        assertEquals(2, closes.get());
        assertThrows(AnimataException.class, envs::reset);
    }

    @Test
    void copiesMustAgreeOnShapes() {
        AtomicInteger closes = new AtomicInteger();
        AnimataException e = assertThrows(AnimataException.class,
                () -> new VecEnv(i -> i == 0 ? new Failing(false, closes) : new Failing(false, closes) {
                    @Override
                    public int observationWidth() {
                        return 3;
                    }
                }, 2, 1, 1));
        assertTrue(e.getMessage().contains("observation width 3"), e.getMessage());
        assertEquals(2, closes.get()); // the copies made so far are closed again
    }

    /** An environment that can fail on its first step, and counts closes. */
    private static class Failing implements Environment {
        private final boolean fail;
        private final AtomicInteger closes;

        Failing(boolean fail, AtomicInteger closes) {
            this.fail = fail;
            this.closes = closes;
        }

        @Override
        public int observationWidth() {
            return 4;
        }

        @Override
        public ActionSpace actionSpace() {
            return ActionSpace.discrete(2);
        }

        @Override
        public void reset(long seed, float[] observation) {
        }

        @Override
        public float step(ActionBuffer action, float[] observation) {
            if (fail) {
                throw new IllegalStateException("boom");
            }
            return 0;
        }

        @Override
        public boolean terminated() {
            return false;
        }

        @Override
        public boolean truncated() {
            return false;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
