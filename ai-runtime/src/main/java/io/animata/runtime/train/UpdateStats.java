package io.animata.runtime.train;

/**
 * What one PPO iteration (a rollout, then the update that learnt from it) showed. Returns are undiscounted episode
 * returns, as the environment paid them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param update 1 for the first update
 * @param environmentSteps environment steps taken so far, over all copies
 * @param episodes episodes finished so far
 * @param meanReturn mean return of the episodes finished during this rollout; NaN if none finished
 * @param meanLength mean length of those episodes; NaN if none
 * @param recentMeanReturn mean return of the last (up to) 100 finished episodes; NaN before the first
 * @param policyLoss mean clipped surrogate loss over the update's minibatches
 * @param valueLoss mean value loss
 * @param entropy mean policy entropy
 * @param approxKl mean approximate KL divergence between the acting and the updated policy
 * @param clipFraction mean fraction of samples whose ratio was clipped
 * @param learningRate the learning rate used
 * @param stepsPerSecond environment steps per second since training started (wall clock; not reproducible)
 */
public record UpdateStats(int update, long environmentSteps, long episodes, double meanReturn, double meanLength,
        double recentMeanReturn, double policyLoss, double valueLoss, double entropy, double approxKl,
        double clipFraction, double learningRate, double stepsPerSecond) {
}
