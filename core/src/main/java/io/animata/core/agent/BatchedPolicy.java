package io.animata.core.agent;

import io.animata.runtime.InferenceListener;
import io.animata.runtime.InferenceResult;
import io.animata.runtime.rl.ActionBuffer;

/**
 * A policy run by a model in the AI runtime: observations are queued during the frame, the runtime runs one batch
 * per model at the end of it, and each result comes back to a listener at a later frame's start
 * ("request, then decide"). {@link OnnxPolicy} is the standard one.
 *
 * <p>Threading: game thread (results are delivered inside {@code AiRuntime.beginFrame}). The methods must not
 * allocate.
 */
public interface BatchedPolicy extends AgentPolicy {

    /**
     * Queues one observation for the next batch.
     *
     * @param observation {@link #observationWidth()} floats, copied before this returns
     * @param listener receives the result on the game thread in a later frame
     * @param tag handed back with the result (the agent's slot)
     * @return the request id, for {@link #cancel} and for matching the result
     */
    long submit(float[] observation, InferenceListener listener, int tag);

    /**
     * Turns one result into an action.
     *
     * @param result the model's outputs for the request; valid only during the call
     * @param mask the options forbidden for this decision (null without discrete branches); never chosen
     * @param action receives the decision
     */
    void decode(InferenceResult result, ActionMask mask, ActionBuffer action);

    /**
     * Drops a request's result (the agent was removed or its episode ended).
     *
     * @return whether it was still pending
     */
    boolean cancel(long requestId);
}
