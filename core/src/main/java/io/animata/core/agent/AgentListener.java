package io.animata.core.agent;

import com.badlogic.ashley.core.Entity;

/**
 * Hears what happens to the agents of an {@link AgentSystem}: episodes beginning (the game puts the agent back:
 * the reset hook), decisions made (to record demonstrations: observation and action), episodes ending (to count
 * successes). Register with {@link AgentSystem#addListener}.
 *
 * <p>Threading: called on the game thread, from {@code AgentSystem.update} or, for decisions of batched policies,
 * from {@code AiRuntime.beginFrame}. The agent's buffers are valid only during the call. Listeners may change
 * components and bodies; entity removal is deferred by Ashley as usual.
 */
public interface AgentListener {

    /**
     * A new episode begins, before the agent observes: put the agent (and its goal, its level) in the state the
     * episode starts from.
     */
    default void onEpisodeBegin(Entity entity, AgentComponent agent) {
    }

    /**
     * A decision was applied: {@link AgentComponent#observation()} is what the policy saw,
     * {@link AgentComponent#action()} what it chose, {@link AgentComponent#mask()} what was forbidden, and
     * {@link AgentComponent#lastReward()} the reward the previous action earned.
     */
    default void onDecision(Entity entity, AgentComponent agent) {
    }

    /**
     * The episode ended ({@link AgentComponent#isTruncated()} says how): {@link AgentComponent#observation()} holds
     * the final observation, {@link AgentComponent#lastReward()} the reward since the last decision and
     * {@link AgentComponent#episodeReward()} the total.
     */
    default void onEpisodeEnd(Entity entity, AgentComponent agent) {
    }
}
