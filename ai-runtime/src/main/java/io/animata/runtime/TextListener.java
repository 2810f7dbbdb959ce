package io.animata.runtime;

import io.animata.runtime.text.FinishReason;

/**
 * Receives the streamed reply of a request made through {@link TextGenerationQueue#submit}: pieces of text as they
 * were decoded, then the end (or a failure).
 *
 * <p>Threading: called on the game thread, inside {@link AiRuntime#beginFrame(long)}, with the text decoded since
 * the last delivery. Never called for a request after it was cancelled.
 */
public interface TextListener {

    /**
     * @param requestId the id {@link TextGenerationQueue#submit} returned
     * @param tag the caller's tag given at submit (an entity slot, an NPC index)
     * @param text the text decoded since the last call for this request; valid only during the call (copy it)
     */
    void onText(long requestId, int tag, CharSequence text);

    /**
     * The reply is complete (after its last {@link #onText}).
     *
     * @param reason why it ended: the model finished, a stop string, or the token limit
     */
    void onComplete(long requestId, int tag, FinishReason reason);

    /**
     * Called instead of {@link #onComplete} when the backend failed (a server down or stalled, a broken model).
     * Text delivered before stays delivered. The default does nothing; the runtime has logged the failure once and
     * counted it in {@link TextMetrics#failures()}. A game answers with a fallback line here.
     */
    default void onFailure(long requestId, int tag, AnimataException error) {
    }
}
