package io.animata.runtime;

import io.animata.runtime.exec.LatencyWindow;

/**
 * Live figures for one model, for a HUD or a benchmark: latency percentiles over the last
 * {@value LatencyWindow#SIZE} batches, the last batch size, the queue depth, the device, and counters.
 *
 * <p>Threading: every getter may be called from any thread, the game thread included, and allocates nothing.
 * Each field has one writer (the model's worker or the game thread).
 */
public final class ModelMetrics {
    final LatencyWindow latency = new LatencyWindow();
    private final String modelName;
    private final String device;
    volatile int lastBatchSize;
    volatile int queueDepth;
    volatile long batchesRun;
    volatile long resultsDelivered;
    volatile long resultsDropped;
    volatile long failures;
    volatile long lastLagFrames;

    ModelMetrics(String modelName, String device) {
        this.modelName = modelName;
        this.device = device;
    }

    /** @return the model's name */
    public String modelName() {
        return modelName;
    }

    /** @return where the model runs: {@code cpu}, {@code cuda} or {@code java} */
    public String device() {
        return device;
    }

    /** @return median time of one batched model call, in microseconds (0 before the first) */
    public double p50LatencyMicros() {
        return latency.p50Micros();
    }

    /** @return 99th percentile time of one batched model call, in microseconds (0 before the first) */
    public double p99LatencyMicros() {
        return latency.p99Micros();
    }

    /** @return rows in the most recent batch the worker ran */
    public int lastBatchSize() {
        return lastBatchSize;
    }

    /** @return requests submitted whose results have not been delivered yet, as of the last frame boundary */
    public int queueDepth() {
        return queueDepth;
    }

    /** @return batched model calls run so far */
    public long batchesRun() {
        return batchesRun;
    }

    /** @return results handed to listeners */
    public long resultsDelivered() {
        return resultsDelivered;
    }

    /** @return results computed for requests that were cancelled, and so dropped */
    public long resultsDropped() {
        return resultsDropped;
    }

    /** @return batches that failed */
    public long failures() {
        return failures;
    }

    /**
     * @return frames between the hand-over of the latest delivered batch and its delivery (1 when the worker kept
     *     up, more when results arrived late)
     */
    public long lastLagFrames() {
        return lastLagFrames;
    }
}
