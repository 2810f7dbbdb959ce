package io.animata.runtime.train;

import io.animata.runtime.rl.ActionSpace;

/**
 * One rollout of {@code steps} steps of {@code envs} environments, in preallocated arrays reused from rollout to
 * rollout, time-major: row {@code t * envs + e} is step {@code t} of environment {@code e}. Holds what PPO learns from:
 * the (normalised) observations the policy saw, the actions it took with their log-probabilities and the values it
 * predicted, the rewards and episode ends that followed, and, after {@link #computeAdvantages}, the advantages and
 * value targets.
 *
 * <p>The accessors return the live arrays (no copies): the trainer fills them in place.
 *
 * <p>Threading: not thread-safe; owned by one trainer.
 */
public final class RolloutBuffer {
    private final int steps;
    private final int envs;
    private final int observationWidth;
    private final ActionSpace actionSpace;
    private final float[] observations;
    private final int[] discreteActions;
    private final float[] continuousActions;
    private final float[] logProbs;
    private final float[] values;
    private final float[] rewards;
    private final boolean[] dones;
    private final float[] advantages;
    private final float[] returns;

    /**
     * @param steps steps per environment, at least 1
     * @param envs environments, at least 1
     * @param observationWidth floats per observation
     * @param actionSpace the actions
     */
    public RolloutBuffer(int steps, int envs, int observationWidth, ActionSpace actionSpace) {
        if (steps < 1 || envs < 1 || observationWidth < 1) {
            throw new IllegalArgumentException("a rollout needs steps, envs and observation width >= 1, got "
                    + steps + ", " + envs + ", " + observationWidth);
        }
        this.steps = steps;
        this.envs = envs;
        this.observationWidth = observationWidth;
        this.actionSpace = actionSpace;
        int n = Math.multiplyExact(steps, envs);
        this.observations = new float[Math.multiplyExact(n, observationWidth)];
        this.discreteActions = new int[Math.multiplyExact(n, actionSpace.branchCount())];
        this.continuousActions = new float[Math.multiplyExact(n, actionSpace.continuousSize())];
        this.logProbs = new float[n];
        this.values = new float[n];
        this.rewards = new float[n];
        this.dones = new boolean[n];
        this.advantages = new float[n];
        this.returns = new float[n];
    }

    /** @return steps per environment */
    public int steps() {
        return steps;
    }

    /** @return environments */
    public int envs() {
        return envs;
    }

    /** @return rows: {@code steps() * envs()} */
    public int size() {
        return steps * envs;
    }

    /** @return floats per observation */
    public int observationWidth() {
        return observationWidth;
    }

    /** @return the actions' shape */
    public ActionSpace actionSpace() {
        return actionSpace;
    }

    /** @return observations as the policy saw them (normalised), {@code size() * observationWidth()} */
    public float[] observations() {
        return observations;
    }

    /** @return chosen option per discrete branch, {@code size() * branchCount} */
    public int[] discreteActions() {
        return discreteActions;
    }

    /** @return sampled continuous actions before clipping, {@code size() * continuousSize} */
    public float[] continuousActions() {
        return continuousActions;
    }

    /** @return log-probability of each row's action under the policy that chose it */
    public float[] logProbs() {
        return logProbs;
    }

    /** @return value predicted for each row's observation */
    public float[] values() {
        return values;
    }

    /** @return reward after each row's action (with the time-limit bootstrap folded in) */
    public float[] rewards() {
        return rewards;
    }

    /** @return whether each row's step ended its episode */
    public boolean[] dones() {
        return dones;
    }

    /** @return advantages, after {@link #computeAdvantages} */
    public float[] advantages() {
        return advantages;
    }

    /** @return value targets, after {@link #computeAdvantages} */
    public float[] returns() {
        return returns;
    }

    /**
     * Fills {@link #advantages()} and {@link #returns()} with {@link Gae}.
     *
     * @param lastValues value of each environment's observation after the last step
     * @param gamma discount
     * @param lambda GAE lambda
     */
    public void computeAdvantages(float[] lastValues, float gamma, float lambda) {
        Gae.compute(steps, envs, rewards, values, dones, lastValues, gamma, lambda, advantages, returns);
    }
}
