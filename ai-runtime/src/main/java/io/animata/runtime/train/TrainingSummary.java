package io.animata.runtime.train;

/**
 * What a call to {@link PpoTrainer#train} did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param environmentSteps environment steps taken in this call, over all copies
 * @param updates PPO updates done in this call
 * @param episodes episodes finished in this call
 * @param seconds wall-clock time of the call
 * @param stepsPerSecond environment steps per second, rollouts and updates included
 * @param recentMeanReturn mean return of the last (up to) 100 finished episodes; NaN if none finished
 */
public record TrainingSummary(long environmentSteps, int updates, long episodes, double seconds,
        double stepsPerSecond, double recentMeanReturn) {
}
