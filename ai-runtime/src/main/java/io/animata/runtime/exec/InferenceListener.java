package io.animata.runtime.exec;

/**
 * Receives the result of a request made through {@link ModelQueue#submit}.
 *
 * <p>Threading: called on the game thread, inside {@link io.animata.runtime.AiRuntime#beginFrame(long)}, in the
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
}
