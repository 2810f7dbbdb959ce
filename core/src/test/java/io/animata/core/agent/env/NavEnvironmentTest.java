package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import java.lang.management.ManagementFactory;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NavEnvironmentTest {
    private static final NavLevel CORRIDOR = NavLevel.parse("corridor", String.join("\n",
            "#######",
            "#S...G#",
            "#######"));

    private static NavEnvironment corridor() {
        return NavEnvironment.builder().optLevel(CORRIDOR).optRandomStartGoal(false).optMinStartDistance(0f).build();
    }

    private static float ray(float[] obs, int ray, int field) {
        return obs[ray * NavObservation.FLOATS_PER_RAY + field];
    }

    @Test
    void theFirstObservationSeesTheGoalEastAndTheWallsAroundTheAgent() {
        try (NavEnvironment env = corridor()) {
            float[] obs = new float[env.observationWidth()];
            env.reset(3, obs);
            float x = env.agentBody().getPosition().x;
            float y = env.agentBody().getPosition().y;

            assertEquals(69, env.observationWidth());
            assertEquals(NavEnvironment.DISCRETE_ACTIONS, env.actionSpace());
            // ray 0 points east, along the corridor, at the goal circle
            assertEquals(1f, ray(obs, 0, NavObservation.GOAL));
            assertEquals(0f, ray(obs, 0, NavObservation.WALL));
            float toGoal = (float) Math.sqrt((5.5f - x) * (5.5f - x) + (1.5f - y) * (1.5f - y));
            assertEquals(toGoal - NavArena.GOAL_RADIUS, ray(obs, 0, 3) * NavObservation.RAY_LENGTH, 0.05f);
            // ray 4 points north: the wall's face at y = 2
            assertEquals(1f, ray(obs, 4, NavObservation.WALL));
            assertEquals(2f - y, ray(obs, 4, 3) * NavObservation.RAY_LENGTH, 1e-3f);
            // ray 8 points west: the wall's face at x = 1
            assertEquals(x - 1f, ray(obs, 8, 3) * NavObservation.RAY_LENGTH, 1e-3f);
            assertTrue(obs[NavObservation.GOAL_OFFSET] > 0.99f, "goal direction x " + obs[NavObservation.GOAL_OFFSET]);
            assertEquals(toGoal / NavObservation.DISTANCE_SCALE, obs[NavObservation.DISTANCE_OFFSET], 1e-5f);
            assertEquals(0f, obs[NavObservation.VELOCITY_OFFSET]);
            assertFalse(env.terminated() || env.truncated());
        }
    }

    @Test
    void pushingEastReachesTheGoalWithTheGoalRewardAndTheShapedSteps() {
        try (NavEnvironment env = corridor()) {
            float[] obs = new float[env.observationWidth()];
            ActionBuffer east = new ActionBuffer(env.actionSpace());
            east.discrete[0] = 1;
            env.reset(5, obs);
            float start = env.distanceToGoal();
            double total = 0;
            float last = 0;
            while (!env.terminated() && !env.truncated()) {
                last = env.step(east, obs);
                total += last;
            }

            assertTrue(env.terminated() && env.reachedGoal());
            assertFalse(env.truncated());
            assertTrue(last > NavEnvironment.GOAL_REWARD - NavEnvironment.STEP_PENALTY, "last reward " + last);
            double expected = NavEnvironment.PROGRESS_REWARD * (start - env.distanceToGoal())
                    - NavEnvironment.STEP_PENALTY * env.episodeSteps() + NavEnvironment.GOAL_REWARD;
            assertEquals(expected, total, 1e-4);
            assertTrue(env.episodeSteps() < 30, "steps " + env.episodeSteps());
            assertTrue(obs[NavObservation.VELOCITY_OFFSET] > 0.5f);
        }
    }

    @Test
    void standingStillIsTruncatedAtTheStepLimitAndCostsTheStepPenalty() {
        try (NavEnvironment env = NavEnvironment.builder().optLevel(CORRIDOR).optMaxSteps(7).build()) {
            float[] obs = new float[env.observationWidth()];
            ActionBuffer idle = new ActionBuffer(env.actionSpace());
            env.reset(1, obs);
            for (int i = 0; i < 7; i++) {
                assertFalse(env.truncated());
                assertEquals(-NavEnvironment.STEP_PENALTY, env.step(idle, obs), 1e-6f);
            }

            assertTrue(env.truncated());
            assertFalse(env.terminated());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(idle, obs));
            assertTrue(e.getMessage().contains("call reset"), e.getMessage());
        }
    }

    @Test
    void continuousActionsPushTheAgentWithAForce() {
        try (NavEnvironment env = NavEnvironment.builder().optLevel(CORRIDOR).optRandomStartGoal(false)
                .optContinuousActions(true).build()) {
            float[] obs = new float[env.observationWidth()];
            ActionBuffer action = new ActionBuffer(env.actionSpace());
            action.continuous[0] = 1f;
            env.reset(2, obs);
            float x = env.agentBody().getPosition().x;
            for (int i = 0; i < 5; i++) {
                env.step(action, obs);
            }

            assertEquals(NavEnvironment.CONTINUOUS_ACTIONS, env.actionSpace());
            assertTrue(env.agentBody().getPosition().x > x + 0.5f);
        }
    }

    @Test
    void misuseIsReportedClearly() {
        try (NavEnvironment env = corridor()) {
            float[] obs = new float[env.observationWidth()];
            ActionBuffer action = new ActionBuffer(env.actionSpace());
            assertThrows(IllegalStateException.class, () -> env.step(action, obs));
            env.reset(1, obs);
            action.discrete[0] = 9;
            AnimataException range = assertThrows(AnimataException.class, () -> env.step(action, obs));
            assertTrue(range.getMessage().contains("out of range [0, 9)"), range.getMessage());
            assertThrows(AnimataException.class, () -> env.step(new ActionBuffer(ActionSpace.continuous(2)), obs));
            AnimataException small = assertThrows(AnimataException.class, () -> env.reset(1, new float[10]));
            assertTrue(small.getMessage().contains("nav writes 69"), small.getMessage());
            env.close();
            env.close();
            assertThrows(IllegalStateException.class, () -> env.reset(1, obs));
        }
    }

    @Test
    void theFactoryMakesIndependentEnvironments() {
        Environment a = NavEnvironment.factory().create(0);
        Environment b = NavEnvironment.factory().create(1);
        try (a; b) {
            assertNotSame(a, b);
            float[] obsA = new float[a.observationWidth()];
            float[] obsB = new float[b.observationWidth()];
            a.reset(9, obsA);
            b.reset(9, obsB);
            assertArrayEquals(obsA, obsB);
        }
    }

    static LongStream seeds() {
        return LongStream.of(1, 17, 99, 1234, 77777);
    }

    /** The same seed and actions give the same episode, bit for bit, in two separate environments. */
    @ParameterizedTest
    @MethodSource("seeds")
    void theSameSeedAndActionsRepeatTheEpisodeExactly(long seed) {
        try (NavEnvironment a = NavEnvironment.builder().build(); NavEnvironment b = NavEnvironment.builder().build()) {
            float[] obsA = new float[a.observationWidth()];
            float[] obsB = new float[b.observationWidth()];
            ActionBuffer action = new ActionBuffer(a.actionSpace());
            java.util.Random actions = new java.util.Random(seed);
            a.reset(seed, obsA);
            b.reset(seed, obsB);
            assertArrayEquals(obsA, obsB);
            for (int step = 0; step < 150 && !a.terminated() && !a.truncated(); step++) {
                action.discrete[0] = actions.nextInt(9);
                float ra = a.step(action, obsA);
                float rb = b.step(action, obsB);
                assertEquals(Float.floatToIntBits(ra), Float.floatToIntBits(rb), "step " + step);
                assertArrayEquals(obsA, obsB, "step " + step);
                assertEquals(a.terminated(), b.terminated());
            }
        }
    }

    @Test
    void stepsAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NavEnvironment env = NavEnvironment.builder().optLevel(NavLevel.builtIn("pillars")).build()) {
            float[] obs = new float[env.observationWidth()];
            ActionBuffer action = new ActionBuffer(env.actionSpace());
            NavHeuristic heuristic = new NavHeuristic();
            long seed = 0;
            // warm up, and meet every goal tile once (a new goal tile's distance field is computed at reset)
            for (int i = 0; i < 40_000; i++) {
                if (i == 0 || env.terminated() || env.truncated()) {
                    env.reset(seed++ % 50, obs);
                }
                heuristic.decide(obs, action);
                env.step(action, obs);
            }
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 2_000; i++) {
                    if (env.terminated() || env.truncated()) {
                        env.reset(seed++ % 50, obs);
                    }
                    heuristic.decide(obs, action);
                    env.step(action, obs);
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            assertEquals(0L, Math.min(windows[0], Math.min(windows[1], windows[2])),
                    "bytes allocated in 2000-step windows: " + java.util.Arrays.toString(windows));
        }
    }
}
