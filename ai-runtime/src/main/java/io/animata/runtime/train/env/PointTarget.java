package io.animata.runtime.train.env;

import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import java.util.SplittableRandom;

/**
 * A one-dimensional reaching task with one continuous action, small enough to check a continuous-action learner in
 * seconds: a point at {@code x} in [-1, 1] must reach a target {@code g} in [-1, 1]. Observation {@code [x, g]};
 * the action {@code a} (clipped to [-1, 1]) moves the point by {@code 0.2 a} (the point stays in [-1, 1]); the
 * reward is {@code -|g - x|} after the move. An episode is truncated after {@value #MAX_STEPS} steps and never
 * terminates. A random policy returns about -16; one that heads for the target and stays there about -2.
 *
 * <p>Threading: one instance per thread at a time; instances share nothing. {@link #step} does not allocate.
 */
public final class PointTarget implements Environment {
    /** Steps after which an episode is truncated. */
    public static final int MAX_STEPS = 25;
    /** Distance moved by a full action. */
    public static final float SPEED = 0.2f;

    private static final ActionSpace SPACE = ActionSpace.continuous(1);

    private float x;
    private float goal;
    private int steps;

    @Override
    public int observationWidth() {
        return 2;
    }

    @Override
    public ActionSpace actionSpace() {
        return SPACE;
    }

    @Override
    public void reset(long seed, float[] observation) {
        SplittableRandom random = new SplittableRandom(seed);
        x = (float) random.nextDouble(-1, 1);
        goal = (float) random.nextDouble(-1, 1);
        steps = 0;
        observe(observation);
    }

    @Override
    public float step(ActionBuffer action, float[] observation) {
        float a = Math.max(-1f, Math.min(1f, action.continuous[0]));
        x = Math.max(-1f, Math.min(1f, x + SPEED * a));
        steps++;
        observe(observation);
        return -Math.abs(goal - x);
    }

    private void observe(float[] observation) {
        observation[0] = x;
        observation[1] = goal;
    }

    /**
     * Heads straight for the target and stops on it: {@code a = clip((g - x) / SPEED, -1, 1)}. A heuristic to record
     * demonstrations from.
     *
     * @param observation {@code [x, g]}
     * @param action receives the move
     */
    public static void heuristic(float[] observation, ActionBuffer action) {
        action.continuous[0] = Math.max(-1f, Math.min(1f, (observation[1] - observation[0]) / SPEED));
    }

    @Override
    public boolean terminated() {
        return false;
    }

    @Override
    public boolean truncated() {
        return steps >= MAX_STEPS;
    }

    @Override
    public String toString() {
        return "PointTarget[x=" + x + ", goal=" + goal + ", steps=" + steps + "]";
    }
}
