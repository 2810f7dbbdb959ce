package io.animata.runtime.exec;

import java.util.Arrays;

/**
 * The latencies of the last {@value #SIZE} runs of a model, with their 50th and 99th percentiles.
 *
 * <p>Threading: {@link #record} is called by one thread (the model's worker); the percentiles it publishes are
 * volatile and can be read from any thread without allocation.
 */
public final class LatencyWindow {
    /** Runs kept. */
    public static final int SIZE = 256;

    private final long[] ring = new long[SIZE];
    private final long[] sorted = new long[SIZE];
    private int count;
    private int next;
    private volatile long p50Nanos;
    private volatile long p99Nanos;

    /** Adds one run's latency and updates the percentiles. Allocation-free. */
    public void record(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % SIZE;
        if (count < SIZE) {
            count++;
        }
        System.arraycopy(ring, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        p50Nanos = sorted[percentileIndex(count, 0.50)];
        p99Nanos = sorted[percentileIndex(count, 0.99)];
    }

    static int percentileIndex(int n, double q) {
        // nearest-rank percentile: the smallest value with at least q of the samples at or below it
        int rank = (int) Math.ceil(q * n);
        return Math.max(0, Math.min(n - 1, rank - 1));
    }

    /** @return the median latency in microseconds, 0 before the first run */
    public double p50Micros() {
        return p50Nanos / 1_000.0;
    }

    /** @return the 99th percentile latency in microseconds, 0 before the first run */
    public double p99Micros() {
        return p99Nanos / 1_000.0;
    }
}
