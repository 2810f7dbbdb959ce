package io.animata.runtime.rl;

/**
 * A reinforcement-learning environment a trainer can step without rendering and without frame pacing: cart-pole in
 * plain Java, or a headless libGDX/Box2D world wrapped by {@code core}. One instance is one independent world;
 * trainers run several side by side ({@link EnvironmentFactory}).
 *
 * <p>Threading: an instance is used by one thread at a time; different instances may be stepped on different
 * threads at once, so they must share no mutable state. {@link #step} should not allocate.
 *
 * <pre>{@code
 * float[] obs = new float[env.observationWidth()];
 * env.reset(seed, obs);
 * while (true) {
 *     float reward = env.step(action, obs);
 *     if (env.terminated() || env.truncated()) env.reset(++seed, obs);
 * }
 * }</pre>
 */
public interface Environment extends AutoCloseable {

    /** @return floats in one observation */
    int observationWidth();

    /** @return what the agent can do */
    ActionSpace actionSpace();

    /**
     * Starts a new episode.
     *
     * @param seed makes the episode reproducible
     * @param observation receives the first observation ({@link #observationWidth()} floats)
     */
    void reset(long seed, float[] observation);

    /**
     * Applies the action and advances one step.
     *
     * @param action the agent's action (discrete indices in range, continuous values in [-1, 1])
     * @param observation receives the observation after the step
     * @return the reward for this step
     */
    float step(ActionBuffer action, float[] observation);

    /** @return whether the last step ended the episode by the task's own rules (the pole fell, the goal was reached) */
    boolean terminated();

    /** @return whether the last step ended the episode by a time limit (bootstrap from the value, not zero) */
    boolean truncated();

    /** Releases what the world holds (a Box2D world, say). Idempotent. */
    @Override
    default void close() {
    }
}
