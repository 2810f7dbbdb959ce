package io.animata.core.playtest;

/**
 * Tells when a body is stuck: over the last {@code window} ticks it stayed inside a disc of radius
 * {@code epsilon} around its latest position while its controller pushed on at least {@code actingShare} of those
 * ticks. A body that stands still because nobody pushes it is not stuck; one that pushes and does not move is
 * (tar, a pocket it cannot leave, a collider that holds it).
 *
 * <p>After a detection the window starts empty again, so one stuck spell is one event until {@code window} more
 * ticks have passed.
 *
 * <p>Threading: one thread. {@link #update} allocates nothing.
 *
 * <pre>{@code
 * StuckDetector stuck = new StuckDetector(30, 0.25f, 0.8f);
 * if (stuck.update(body.getPosition().x, body.getPosition().y, action != 0)) report(...);
 * }</pre>
 */
public final class StuckDetector {
    private final int window;
    private final float epsilonSquared;
    private final int actingNeeded;
    private final float[] xs;
    private final float[] ys;
    private final boolean[] acting;
    private int next;
    private int filled;
    private int actingCount;

    /**
     * @param window ticks the body must stay put, at least 2
     * @param epsilon the radius it must stay within, positive
     * @param actingShare the least share of the window's ticks on which it pushed, in (0, 1]
     */
    public StuckDetector(int window, float epsilon, float actingShare) {
        if (window < 2) {
            throw new IllegalArgumentException("the stuck window must be at least 2 ticks, was " + window);
        }
        if (!(epsilon > 0f) || !(actingShare > 0f && actingShare <= 1f)) {
            throw new IllegalArgumentException("epsilon must be positive and actingShare in (0, 1], were " + epsilon
                    + " and " + actingShare);
        }
        this.window = window;
        this.epsilonSquared = epsilon * epsilon;
        this.actingNeeded = (int) Math.ceil(actingShare * window - 1e-4);
        this.xs = new float[window];
        this.ys = new float[window];
        this.acting = new boolean[window];
    }

    /** Forgets the window (after a respawn, or a detection). */
    public void reset() {
        next = 0;
        filled = 0;
        actingCount = 0;
    }

    /**
     * Adds one tick.
     *
     * @param x the body's position after the tick, x
     * @param y the body's position after the tick, y
     * @param pushed whether its controller pushed it on this tick
     * @return true when it is stuck now (the window is then reset)
     */
    public boolean update(float x, float y, boolean pushed) {
        if (filled == window && acting[next]) {
            actingCount--;
        }
        xs[next] = x;
        ys[next] = y;
        acting[next] = pushed;
        if (pushed) {
            actingCount++;
        }
        next = (next + 1) % window;
        if (filled < window) {
            filled++;
        }
        if (filled < window || actingCount < actingNeeded) {
            return false;
        }
        for (int i = 0; i < window; i++) {
            float dx = xs[i] - x;
            float dy = ys[i] - y;
            if (dx * dx + dy * dy > epsilonSquared) {
                return false;
            }
        }
        reset();
        return true;
    }

    /** @return the window, ticks */
    public int window() {
        return window;
    }
}
