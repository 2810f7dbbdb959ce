package io.animata.core.agent;

/**
 * Writes part of an agent's observation row: a few numbers from the game ({@link VectorSensor}), what rays see in
 * a Box2D world ({@link RaySensor}), the tiles around the agent ({@link GridSensor}), or an earlier sensor's recent
 * history ({@link StackingSensor}). An agent's observation is its sensors' outputs side by side, in the order of
 * {@link AgentComponent#sensors}.
 *
 * <p>A sensor belongs to one agent (it may keep per-agent state, such as a stack of past observations) and holds
 * what it reads (a body, a world), so it works the same inside {@link AgentSystem} and in a headless
 * {@link io.animata.runtime.rl.Environment} that has no entities.
 *
 * <p>Threading: game thread (or the one thread stepping an environment). {@link #observe} must not allocate.
 */
public interface Sensor {

    /** @return floats this sensor writes; constant for the sensor's life */
    int width();

    /**
     * Writes {@link #width()} floats describing the present state.
     *
     * @param out the agent's observation row
     * @param offset where this sensor's floats start
     */
    void observe(float[] out, int offset);

    /** Forgets per-episode state (a stack of past observations). Called when the agent's episode begins. */
    default void reset() {
    }
}
