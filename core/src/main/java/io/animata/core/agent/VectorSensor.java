package io.animata.core.agent;

/**
 * A sensor whose numbers come from the game: a callback writes {@link #width()} floats (health, ammo, the
 * direction to a target), ideally scaled to about [-1, 1].
 *
 * <pre>{@code
 * agent.sensors.add(new VectorSensor(3, (out, offset) -> {
 *     out[offset] = player.health / 100f;
 *     out[offset + 1] = dx / arenaWidth;
 *     out[offset + 2] = dy / arenaHeight;
 * }));
 * }</pre>
 *
 * <p>Threading: game thread. The callback must not allocate and must write finite numbers ({@link AgentSystem}
 * checks).
 */
public final class VectorSensor implements Sensor {
    private final int width;
    private final Observer observer;

    /** Writes the observation; called on the game thread, and must not allocate. */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param out the agent's observation row
         * @param offset where this sensor's floats start; write {@code out[offset .. offset + width)}
         */
        void observe(float[] out, int offset);
    }

    /**
     * @param width floats the callback writes, at least 1
     * @param observer the callback
     */
    public VectorSensor(int width, Observer observer) {
        if (width < 1) {
            throw new IllegalArgumentException("a vector sensor writes at least 1 float, was " + width);
        }
        if (observer == null) {
            throw new IllegalArgumentException("observer is null");
        }
        this.width = width;
        this.observer = observer;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void observe(float[] out, int offset) {
        observer.observe(out, offset);
    }
}
