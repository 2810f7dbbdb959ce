package io.animata.runtime.text;

/**
 * A flag that stops a blocking {@link LanguageModel#generate} call between steps (a player walked away, a tool was
 * interrupted). The generation then ends with {@link FinishReason#CANCELLED}.
 *
 * <p>Threading: {@link #cancel} from any thread; the flag is volatile.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    /** Asks the generation to stop at its next step. Idempotent. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel} was called */
    public boolean isCancelled() {
        return cancelled;
    }
}
