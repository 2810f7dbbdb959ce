package io.animata.runtime;

/**
 * Receives the result of a request made through {@link ModelQueue#submit}.
 *
 * <p>Threading: called on the game thread, inside {@link AiRuntime#beginFrame(long)}, in the
 * order the requests were submitted. Never called for a request that was cancelled.
 */
@FunctionalInterface
public interface InferenceListener {

    /**
     * @param requestId the id {@link ModelQueue#submit} returned
     * @param tag the caller's tag given at submit (an entity index, an agent slot)
     * @param result this request's row of every output; valid only during the call
     */
    void onResult(long requestId, int tag, InferenceResult result);

    /**
     * Called instead of {@link #onResult} when the batch holding this request failed (the model threw or produced
     * non-finite numbers). The default does nothing: the runtime has already logged the failure once and counted
     * it in {@link ModelMetrics#failures()}; in lockstep mode {@link AiRuntime#beginFrame} also throws it.
     *
     * @param requestId the id {@link ModelQueue#submit} returned
     * @param tag the caller's tag given at submit
     * @param error what went wrong
     */
    default void onFailure(long requestId, int tag, AnimataException error) {
    }
}
