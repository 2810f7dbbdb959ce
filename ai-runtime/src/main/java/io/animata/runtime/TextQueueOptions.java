package io.animata.runtime;

import java.time.Duration;

/**
 * How a {@link TextGenerationQueue} shares its worker between conversations and frames.
 *
 * <p>Each frame the worker runs up to {@code stepsPerFrame} rounds; in a round every active conversation advances
 * one step (a token, for a local model) in one batched call where the backend can batch. In realtime mode a frame's
 * rounds also stop once {@code frameBudget} has passed (so that text reaches the game every frame and other models
 * on the same worker get their turn); in lockstep mode only the number of rounds counts, so runs repeat exactly.
 * At most {@code maxConcurrent} conversations decode at once; the others wait their turn in order of submission.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stepsPerFrame rounds per frame, at least 1
 * @param frameBudget the longest a frame's rounds run in realtime mode (and the longest a frame waits on a server)
 * @param maxConcurrent conversations decoded at once, at least 1
 */
public record TextQueueOptions(int stepsPerFrame, Duration frameBudget, int maxConcurrent) {
    /** 4 steps per frame, an 8 ms budget, 8 conversations at once. */
    public static final TextQueueOptions DEFAULT = new TextQueueOptions(4, Duration.ofMillis(8), 8);

    /** Validates the arguments. */
    public TextQueueOptions {
        if (stepsPerFrame < 1) {
            throw new IllegalArgumentException("stepsPerFrame must be at least 1, was " + stepsPerFrame);
        }
        if (frameBudget == null || frameBudget.isNegative() || frameBudget.isZero()) {
            throw new IllegalArgumentException("frameBudget must be positive, was " + frameBudget);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
    }

    /** @return these options with another number of steps per frame */
    public TextQueueOptions withStepsPerFrame(int steps) {
        return new TextQueueOptions(steps, frameBudget, maxConcurrent);
    }

    /** @return these options with another frame budget */
    public TextQueueOptions withFrameBudget(Duration budget) {
        return new TextQueueOptions(stepsPerFrame, budget, maxConcurrent);
    }

    /** @return these options with another number of concurrent conversations */
    public TextQueueOptions withMaxConcurrent(int conversations) {
        return new TextQueueOptions(stepsPerFrame, frameBudget, conversations);
    }
}
