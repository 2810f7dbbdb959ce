package io.animata.core.agent;

import io.animata.runtime.rl.ActionSpace;

/**
 * What decides an agent's actions from its observations. Two kinds, both driven by {@link AgentSystem}:
 * <ul>
 *   <li>{@link ImmediatePolicy}: decides on the game thread the moment a decision is requested
 *       ({@link HeuristicPolicy}, {@link RandomPolicy}); the action is applied in the same frame.</li>
 *   <li>{@link BatchedPolicy}: queues the observation for a model that the AI runtime runs once per frame for every
 *       agent using it ({@link OnnxPolicy}); the action arrives in a later frame (the next one in lockstep mode),
 *       and until then the agent repeats its last action.</li>
 * </ul>
 *
 * <p>One policy object may serve many agents. Threading: game thread.
 */
public interface AgentPolicy {

    /** @return the actions this policy produces */
    ActionSpace actionSpace();

    /** @return floats of observation this policy reads, or -1 when it accepts any width */
    int observationWidth();
}
