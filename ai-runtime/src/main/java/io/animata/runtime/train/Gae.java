package io.animata.runtime.train;

/**
 * Generalised advantage estimation (Schulman et al. 2016) over a rollout of {@code steps} steps of {@code envs}
 * environments, stored time-major: the value at step {@code t} of environment {@code e} is at {@code t * envs + e}.
 *
 * <pre>
 * delta[t]     = reward[t] + gamma * V(s[t+1]) * (1 - done[t]) - V(s[t])
 * advantage[t] = delta[t] + gamma * lambda * (1 - done[t]) * advantage[t+1]
 * return[t]    = advantage[t] + V(s[t])          (the value target)
 * </pre>
 *
 * where {@code done[t]} says the episode ended with step {@code t}, {@code V(s[t+1])} is the next step's value, and
 * after the last step {@code lastValues} (the value of the observation the next rollout starts from). An episode cut
 * by a time limit is not a real end: fold {@code gamma * V(final observation)} into that step's reward and mark it
 * done (the trainer does), so the estimate bootstraps instead of counting the future as zero.
 *
 * <p>Pure Java, stateless and thread-safe; allocates nothing.
 */
public final class Gae {
    private Gae() {
    }

    /**
     * Computes advantages and returns.
     *
     * @param steps steps per environment in the rollout
     * @param envs environments
     * @param rewards {@code steps * envs} rewards
     * @param values {@code steps * envs} values {@code V(s[t])} seen when acting
     * @param dones {@code steps * envs}: whether the episode ended with that step
     * @param lastValues {@code envs} values of the observations after the last step
     * @param gamma discount, in [0, 1]
     * @param lambda GAE's bias/variance trade-off, in [0, 1]
     * @param advantages receives {@code steps * envs} advantages
     * @param returns receives {@code steps * envs} value targets
     */
    public static void compute(int steps, int envs, float[] rewards, float[] values, boolean[] dones,
            float[] lastValues, float gamma, float lambda, float[] advantages, float[] returns) {
        int n = steps * envs;
        if (rewards.length < n || values.length < n || dones.length < n || advantages.length < n
                || returns.length < n || lastValues.length < envs) {
            throw new IllegalArgumentException("GAE arrays are shorter than " + steps + " steps x " + envs + " envs");
        }
        for (int e = 0; e < envs; e++) {
            float nextValue = lastValues[e];
            float nextAdvantage = 0f;
            for (int t = steps - 1; t >= 0; t--) {
                int i = t * envs + e;
                float notDone = dones[i] ? 0f : 1f;
                float delta = rewards[i] + gamma * nextValue * notDone - values[i];
                float advantage = delta + gamma * lambda * notDone * nextAdvantage;
                advantages[i] = advantage;
                returns[i] = advantage + values[i];
                nextValue = values[i];
                nextAdvantage = advantage;
            }
        }
    }
}
