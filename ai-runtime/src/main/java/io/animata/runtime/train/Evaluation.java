package io.animata.runtime.train;

/**
 * Returns of deterministic episodes (argmax of each branch's logits, or the Gaussian's mean).
 *
 * <p>Immutable and thread-safe.
 *
 * @param episodes episodes run
 * @param meanReturn mean undiscounted return
 * @param stdReturn population standard deviation of the returns
 * @param minReturn lowest return
 * @param maxReturn highest return
 * @param meanLength mean episode length in steps
 * @param successRate share of episodes that reached their goal, for a
 *     {@link io.animata.runtime.rl.GoalEnvironment}; {@code NaN} for other environments
 */
public record Evaluation(int episodes, double meanReturn, double stdReturn, double minReturn, double maxReturn,
        double meanLength, double successRate) {

    /** @return whether {@link #successRate()} is known (the environment has goals) */
    public boolean hasSuccessRate() {
        return !Double.isNaN(successRate);
    }
}
