package io.animata.runtime.text;

/** Why a generation ended. */
public enum FinishReason {
    /** The model ended its reply (an end-of-sequence token) or a stop string appeared. */
    STOP,
    /** The reply reached its maximum number of tokens, or the model's context was full. */
    LENGTH,
    /** The caller cancelled it. */
    CANCELLED
}
