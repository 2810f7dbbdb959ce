package io.animata.core.agent;

import com.badlogic.ashley.core.Entity;
import io.animata.runtime.rl.ActionBuffer;

/**
 * A policy that decides on the game thread as soon as a decision is requested, without the AI runtime: a
 * {@link HeuristicPolicy}, a {@link RandomPolicy}. {@link AgentSystem} applies the action in the same frame.
 *
 * <p>Threading: game thread. {@link #decide} must not allocate.
 */
public interface ImmediatePolicy extends AgentPolicy {

    /**
     * Decides the agent's next action.
     *
     * @param entity the agent's entity
     * @param agent the agent: {@link AgentComponent#observation()} holds the fresh observation and
     *     {@link AgentComponent#mask()} the options forbidden for this decision (null without discrete branches)
     * @param action receives the decision; it holds the previous one on entry. Discrete choices must be in range
     *     and not masked ({@link AgentSystem} throws otherwise); continuous values are clipped to [-1, 1] afterwards
     */
    void decide(Entity entity, AgentComponent agent, ActionBuffer action);
}
