package io.animata.demo;

import java.util.Arrays;

/**
 * Durations of the last {@value #CAPACITY} frames, for a summary's mean and 99th percentile, and a smoothed figure
 * for a HUD.
 *
 * <p>Threading: one thread records and reads. {@link #record} and {@link #smoothedMillis} allocate nothing; the
 * percentile methods sort a copy (call them for a report, not every frame).
 */
public final class FrameTimes {
    /** Frames kept. */
    public static final int CAPACITY = 8192;
    private static final double SMOOTHING = 0.05;

    private final long[] ring = new long[CAPACITY];
    private int next;
    private int count;
    private long total;
    private double smoothedNanos;

    /** Adds one frame's duration in nanoseconds. */
    public void record(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % CAPACITY;
        if (count < CAPACITY) {
            count++;
        }
        total++;
        smoothedNanos = total == 1 ? nanos : smoothedNanos + SMOOTHING * (nanos - smoothedNanos);
    }

    /** @return frames recorded since the start (not only those kept) */
    public long total() {
        return total;
    }

    /** @return an exponential moving average of the frame time, in milliseconds (0 before the first frame) */
    public double smoothedMillis() {
        return smoothedNanos / 1e6;
    }

    /** @return the mean of the kept frames, in milliseconds (0 when none) */
    public double meanMillis() {
        if (count == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += ring[i];
        }
        return sum / (double) count / 1e6;
    }

    /** @return the nearest-rank percentile {@code q} in [0, 1] of the kept frames, in milliseconds (0 when none) */
    public double percentileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(ring, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
