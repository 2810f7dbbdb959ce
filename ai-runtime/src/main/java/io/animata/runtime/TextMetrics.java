package io.animata.runtime;

import io.animata.runtime.exec.LatencyWindow;

/**
 * Live figures for one language model's {@link TextGenerationQueue}, for a HUD or a benchmark: tokens generated,
 * time to first text, time of a decode round, conversations decoding and waiting, and counters.
 *
 * <p>Threading: every getter may be called from any thread and allocates nothing. Each field has one writer (the
 * queue's worker or the game thread).
 */
public final class TextMetrics {
    final LatencyWindow firstText = new LatencyWindow();
    final LatencyWindow round = new LatencyWindow();
    private final String modelName;
    private final String device;
    volatile long tokensGenerated;
    volatile int activeGenerations;
    volatile int waitingGenerations;
    volatile long completed;
    volatile long cancelled;
    volatile long failures;
    volatile int lastFrameRounds;
    volatile long lastFrameNanos;
    volatile int lastBatchSize;

    TextMetrics(String modelName, String device) {
        this.modelName = modelName;
        this.device = device;
    }

    /** @return the model's name */
    public String modelName() {
        return modelName;
    }

    /** @return where the model runs: {@code cpu}, {@code cuda}, {@code server} or {@code java} */
    public String device() {
        return device;
    }

    /** @return tokens generated so far, over every conversation (for a server: pieces received) */
    public long tokensGenerated() {
        return tokensGenerated;
    }

    /** @return median time from a request reaching the worker to its first text, in microseconds */
    public double p50FirstTextMicros() {
        return firstText.p50Micros();
    }

    /** @return median time of one decode round (every active conversation one step), in microseconds */
    public double p50RoundMicros() {
        return round.p50Micros();
    }

    /** @return 99th percentile time of one decode round, in microseconds */
    public double p99RoundMicros() {
        return round.p99Micros();
    }

    /** @return conversations decoding on the worker at the end of its last frame */
    public int activeGenerations() {
        return activeGenerations;
    }

    /** @return conversations waiting on the worker for a free place ({@link TextQueueOptions#maxConcurrent()}) */
    public int waitingGenerations() {
        return waitingGenerations;
    }

    /** @return conversations in the most recent decode round */
    public int lastBatchSize() {
        return lastBatchSize;
    }

    /** @return replies completed and delivered */
    public long completed() {
        return completed;
    }

    /** @return requests cancelled */
    public long cancelled() {
        return cancelled;
    }

    /** @return replies that failed */
    public long failures() {
        return failures;
    }

    /** @return decode rounds in the worker's last frame */
    public int lastFrameRounds() {
        return lastFrameRounds;
    }

    /** @return the worker's time in its last frame, in microseconds */
    public double lastFrameMicros() {
        return lastFrameNanos / 1_000.0;
    }
}
