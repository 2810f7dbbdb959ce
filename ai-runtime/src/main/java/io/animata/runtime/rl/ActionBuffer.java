package io.animata.runtime.rl;

import java.util.Arrays;

/**
 * One agent's action for one step: the continuous values and the chosen option of every discrete branch. Reused
 * from step to step (no allocation per step).
 *
 * <p>Not thread-safe: owned by whoever fills it (a policy on the game thread, a trainer's environment loop).
 */
public final class ActionBuffer {
    private final ActionSpace space;
    /** Continuous actions, each meant to lie in [-1, 1]; actuators clip. */
    public final float[] continuous;
    /** Chosen option index per discrete branch. */
    public final int[] discrete;

    /** @param space the shape of the actions */
    public ActionBuffer(ActionSpace space) {
        this.space = space;
        this.continuous = new float[space.continuousSize()];
        this.discrete = new int[space.branchCount()];
    }

    /** @return the space this buffer is shaped for */
    public ActionSpace space() {
        return space;
    }

    /** Zeroes every action (the "do nothing" of most games). */
    public void clear() {
        Arrays.fill(continuous, 0f);
        Arrays.fill(discrete, 0);
    }

    /** Copies {@code other}'s actions into this buffer; the spaces must be equal. */
    public void copyFrom(ActionBuffer other) {
        if (!other.space.equals(space)) {
            throw new IllegalArgumentException("action spaces differ: " + other.space + " vs " + space);
        }
        System.arraycopy(other.continuous, 0, continuous, 0, continuous.length);
        System.arraycopy(other.discrete, 0, discrete, 0, discrete.length);
    }

    @Override
    public String toString() {
        return "ActionBuffer[continuous=" + Arrays.toString(continuous) + ", discrete=" + Arrays.toString(discrete) + "]";
    }
}
