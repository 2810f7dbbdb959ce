/**
 * Learning and scripted bots as Ashley entities: an {@link io.animata.core.agent.AgentComponent} (policy, decision
 * period and offset, rewards, episode end), {@link io.animata.core.agent.Sensor}s that write the observation row
 * (vector, Box2D rays, tile grid, stacking), {@link io.animata.core.agent.Actuator}s that apply the action (continuous,
 * discrete with masks, Box2D forces), and policies behind {@link io.animata.core.agent.AgentPolicy}:
 * {@link io.animata.core.agent.OnnxPolicy} (batched through the AI runtime), {@link io.animata.core.agent.HeuristicPolicy}
 * and {@link io.animata.core.agent.RandomPolicy} (immediate). {@link io.animata.core.agent.AgentSystem} drives them
 * ("request, then decide": one batch per policy model per frame).
 *
 * <p>Threading: everything here runs on the game thread (or on the one thread stepping a headless environment);
 * models run on the runtime's workers, and their results come back inside {@code AiRuntime.beginFrame}.
 */
package io.animata.core.agent;
