package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.agent.RandomPolicy;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The scripted nav baseline, measured the way a trained policy will be: 100 evaluation episodes (seeds 0..99) of
 * the default {@link NavEnvironment} (every built-in level, random start and goal). The figures are printed.
 */
class NavHeuristicTest {
    private static final int EPISODES = 100;

    /** Success rate and steps of a policy over the evaluation episodes. */
    private record Evaluation(int successes, long steps, double seconds) {
        double rate() {
            return successes / (double) EPISODES;
        }
    }

    private interface Driver {
        void decide(float[] observation, ActionBuffer action);
    }

    private static Evaluation evaluate(NavEnvironment env, Driver driver) {
        float[] obs = new float[env.observationWidth()];
        ActionBuffer action = new ActionBuffer(env.actionSpace());
        int successes = 0;
        long steps = 0;
        long start = System.nanoTime();
        for (int episode = 0; episode < EPISODES; episode++) {
            env.reset(episode, obs);
            while (!env.terminated() && !env.truncated()) {
                driver.decide(obs, action);
                env.step(action, obs);
                steps++;
            }
            if (env.reachedGoal()) {
                successes++;
            }
        }
        return new Evaluation(successes, steps, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void theHeuristicReachesTheGoalInMostEvaluationEpisodesAndFarMoreOftenThanChance() {
        NavHeuristic heuristic = new NavHeuristic();
        Evaluation scripted;
        Evaluation random;
        try (NavEnvironment env = NavEnvironment.builder().build()) {
            evaluate(env, heuristic::decide); // warm-up, so the printed speed is the JIT-compiled one
            scripted = evaluate(env, heuristic::decide);
            RandomPolicy policy = new RandomPolicy(env.actionSpace(), 5);
            random = evaluate(env, (obs, action) -> policy.sample(null, action));
        }
        System.out.printf(Locale.ROOT, "nav evaluation, %d episodes: heuristic success %.2f (%d steps, %.0f steps/s "
                        + "including the heuristic), random policy success %.2f%n", EPISODES, scripted.rate(),
                scripted.steps(), scripted.steps() / scripted.seconds(), random.rate());

        assertTrue(scripted.rate() >= 0.85, "heuristic success rate " + scripted.rate());
        assertTrue(scripted.rate() >= 3 * random.rate(), scripted.rate() + " vs random " + random.rate());
    }

    @Test
    void withContinuousActionsTheHeuristicDrivesAsWell() {
        NavHeuristic heuristic = new NavHeuristic();
        try (NavEnvironment env = NavEnvironment.builder().optContinuousActions(true).build()) {
            Evaluation continuous = evaluate(env, heuristic::decide);

            assertTrue(continuous.rate() >= 0.85, "continuous heuristic success rate " + continuous.rate());
        }
    }

    @Test
    void aGoalSeenByARayIsHeadedStraightFor() {
        float[] obs = new float[NavObservation.WIDTH];
        for (int r = 0; r < NavObservation.RAY_COUNT; r++) {
            obs[r * NavObservation.FLOATS_PER_RAY + 3] = 1f;
        }
        // the goal is seen by ray 6 (135°) although the straight direction is given as east
        obs[6 * NavObservation.FLOATS_PER_RAY + NavObservation.GOAL] = 1f;
        obs[NavObservation.GOAL_OFFSET] = 1f;

        assertEquals(3, new NavHeuristic().chooseDirection(obs));
    }

    @Test
    void itAvoidsADirectionBlockedAtCloseRange() {
        float[] obs = new float[NavObservation.WIDTH];
        for (int r = 0; r < NavObservation.RAY_COUNT; r++) {
            obs[r * NavObservation.FLOATS_PER_RAY + 3] = 1f;
        }
        obs[NavObservation.FLOATS_PER_RAY + 3] = 0.03f; // ray 1 (22.5°): an obstacle 0.3 m away
        obs[NavObservation.GOAL_OFFSET] = 1f;
        ActionBuffer action = new ActionBuffer(NavEnvironment.DISCRETE_ACTIONS);

        new NavHeuristic().decide(obs, action);

        // east (option 1) and north-east (2) are both next to ray 1: it goes south-east (option 8)
        assertEquals(8, action.discrete[0]);
    }

    @Test
    void itOnlyDrivesTheNavActionSpaces() {
        assertThrows(IllegalArgumentException.class, () -> new NavHeuristic().policy(ActionSpace.discrete(4)));
    }
}
