package io.animata.core.agent;

/**
 * Stacks the last {@code stackSize} outputs of another sensor (ML-Agents' stacked vector observations), so a
 * memoryless policy can see motion: its row is the newest output first, then the older ones. At the start of an
 * episode the history is zeros.
 *
 * <pre>{@code
 * agent.sensors.add(new StackingSensor(new RaySensor(world, body, rays), 3));   // this frame and the 2 before
 * }</pre>
 *
 * <p>Threading: game thread. Allocation-free: a ring of past outputs, sized at construction.
 */
public final class StackingSensor implements Sensor {
    private final Sensor inner;
    private final int stackSize;
    private final int innerWidth;
    /** {@code stackSize} rows of the inner sensor's output; {@link #newest} is the latest. */
    private final float[] history;
    private int newest;

    /**
     * @param inner the sensor to stack (owned by this sensor from now on: do not add it to the agent as well)
     * @param stackSize how many observations to keep, at least 1
     */
    public StackingSensor(Sensor inner, int stackSize) {
        if (inner == null) {
            throw new IllegalArgumentException("inner sensor is null");
        }
        if (stackSize < 1) {
            throw new IllegalArgumentException("stackSize must be at least 1, was " + stackSize);
        }
        this.inner = inner;
        this.stackSize = stackSize;
        this.innerWidth = inner.width();
        this.history = new float[Math.multiplyExact(stackSize, innerWidth)];
    }

    /** @return the stacked sensor */
    public Sensor inner() {
        return inner;
    }

    /** @return how many observations are stacked */
    public int stackSize() {
        return stackSize;
    }

    @Override
    public int width() {
        return history.length;
    }

    /** Observes through the inner sensor, then writes the newest output first and the oldest last. */
    @Override
    public void observe(float[] out, int offset) {
        newest = (newest + 1) % stackSize;
        inner.observe(history, newest * innerWidth);
        for (int age = 0; age < stackSize; age++) {
            int row = Math.floorMod(newest - age, stackSize);
            System.arraycopy(history, row * innerWidth, out, offset + age * innerWidth, innerWidth);
        }
    }

    /** Zeroes the history and resets the inner sensor. */
    @Override
    public void reset() {
        java.util.Arrays.fill(history, 0f);
        newest = 0;
        inner.reset();
    }
}
