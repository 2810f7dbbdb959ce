package io.animata.runtime.text;

/** What one {@link Generation#step()} achieved. */
public enum StepStatus {
    /** Work was done: a token decoded (or the prompt read), or text taken from a server. */
    PROGRESS,
    /** Nothing new yet: a server has not sent more (or a retry is due later). {@link Generation#awaitData} waits. */
    WAITING,
    /** The generation has ended; {@link Generation#finishReason()} says why. */
    DONE
}
