package io.animata.core.agent;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.Pool.Poolable;
import io.animata.runtime.rl.ActionBuffer;

/**
 * Makes an entity a learning (or scripted) agent: which {@link AgentPolicy} decides for it, how often
 * ({@link #decisionPeriod}, {@link #decisionOffset}, as in ML-Agents' {@code DecisionRequester}), what it senses
 * ({@link #sensors}) and how it acts ({@link #actuators}); and the signals the game sends it: rewards
 * ({@link #addReward}) and the end of an episode ({@link #endEpisode}).
 *
 * <p>Data only: {@link AgentSystem} does the work. The public fields are the game's settings; the state behind the
 * getters (observation, action, mask, episode id, step count) is written by {@link AgentSystem}.
 *
 * <pre>{@code
 * AgentComponent agent = engine.createComponent(AgentComponent.class);
 * agent.policy = policy;                       // shared by every agent that uses it
 * agent.decisionPeriod = 5;                    // decide every 5th frame, repeat the action in between
 * agent.decisionOffset = index % 5;            // spread the agents' decisions over the 5 frames
 * agent.sensors.add(new RaySensor(world, body, RaySensor.config().setTags("wall", "goal")));
 * agent.actuators.add(new DirectionActuator(body, 8, 20f));
 * entity.add(agent);
 * // in a game system: agent.addReward(1f); agent.endEpisode();
 * }</pre>
 *
 * <p>Threading: game thread only.
 */
public final class AgentComponent implements Component, Poolable {
    /** Decides this agent's actions; one policy may serve many agents. Required. */
    public AgentPolicy policy;
    /** A decision is requested every {@code decisionPeriod} frames (at least 1; default 1: every frame). */
    public int decisionPeriod = 1;
    /** Which frame of the period decides: {@code [0, decisionPeriod)}; vary it between agents to spread work. */
    public int decisionOffset;
    /** Whether the last action is applied again on frames without a new decision (default true). */
    public boolean takeActionsBetweenDecisions = true;
    /** Steps after which the episode ends as truncated; 0 (the default) for no limit. */
    public int maxSteps;
    /** What the agent senses: their outputs side by side are the observation row. */
    public final Array<Sensor> sensors = new Array<>(true, 4, Sensor.class);
    /** How the agent acts: they read the action's continuous values and branches in order. */
    public final Array<Actuator> actuators = new Array<>(true, 4, Actuator.class);

    float reward;
    float episodeReward;
    float lastReward;
    boolean endRequested;
    boolean truncated;
    int episodeId;
    int stepCount;
    long decisions;
    float[] observation;
    ActionBuffer action;
    ActionMask mask;
    /** Whether a batched decision is on its way. */
    boolean decisionPending;
    /** Whether a decision arrived since the actuators last ran. */
    boolean actionFresh;
    /** Whether a decision arrived in this episode (before that the actuators do not run). */
    boolean hasAction;
    boolean started;
    /** Bookkeeping of {@link AgentSystem}: the slot (request tag) and what the buffers were shaped for. */
    int slot = -1;
    AgentPolicy boundPolicy;
    int boundSensors;
    int boundActuators;

    /** Adds to the reward of the current step (and of the episode); rewards add up until the next decision. */
    public void addReward(float value) {
        reward += value;
        episodeReward += value;
    }

    /** Replaces the reward gathered since the last decision (the episode total follows). */
    public void setReward(float value) {
        episodeReward += value - reward;
        reward = value;
    }

    /**
     * Ends the episode because the task ended (goal reached, agent died). At the start of the next frame
     * {@link AgentSystem} tells its listeners ({@link AgentListener#onEpisodeEnd}), clears the agent's state and
     * begins a new episode ({@link AgentListener#onEpisodeBegin}, where the game puts the agent back).
     */
    public void endEpisode() {
        endRequested = true;
        truncated = false;
    }

    /** Ends the episode because of a time limit or an outside reset, not by the task's rules (truncated). */
    public void interruptEpisode() {
        endRequested = true;
        truncated = true;
    }

    /** @return reward gathered since the last decision request */
    public float reward() {
        return reward;
    }

    /** @return reward gathered in this episode so far */
    public float episodeReward() {
        return episodeReward;
    }

    /**
     * @return the reward gathered between the previous decision request and the latest one (the reward for the
     *     previous action); at {@link AgentListener#onEpisodeEnd}, the reward since the last decision
     */
    public float lastReward() {
        return lastReward;
    }

    /** @return whether the episode ends at the start of the next frame */
    public boolean isEpisodeEnding() {
        return endRequested;
    }

    /** @return whether the ending episode was truncated (time limit) rather than terminated by the task */
    public boolean isTruncated() {
        return truncated;
    }

    /** @return the episode number, from 1; 0 before the first frame. Results requested in an earlier episode are dropped */
    public int episodeId() {
        return episodeId;
    }

    /** @return frames processed in this episode */
    public int stepCount() {
        return stepCount;
    }

    /** @return decisions applied to this agent, over all episodes */
    public long decisions() {
        return decisions;
    }

    /** @return the latest observation row (the sensors' outputs side by side), or null before the first frame */
    public float[] observation() {
        return observation;
    }

    /** @return the latest action, applied until the next one; null before the first frame */
    public ActionBuffer action() {
        return action;
    }

    /** @return the options forbidden at the latest decision, or null when the policy has no discrete branches */
    public ActionMask mask() {
        return mask;
    }

    /** @return whether a decision has been requested from a batched policy and has not arrived yet */
    public boolean isDecisionPending() {
        return decisionPending;
    }

    @Override
    public void reset() {
        policy = null;
        decisionPeriod = 1;
        decisionOffset = 0;
        takeActionsBetweenDecisions = true;
        maxSteps = 0;
        sensors.clear();
        actuators.clear();
        reward = 0f;
        episodeReward = 0f;
        lastReward = 0f;
        endRequested = false;
        truncated = false;
        episodeId = 0;
        stepCount = 0;
        decisions = 0L;
        // the buffers are kept for the next agent made from the pool (reused when the shapes match)
        decisionPending = false;
        actionFresh = false;
        hasAction = false;
        started = false;
        slot = -1;
        boundPolicy = null;
        boundSensors = 0;
        boundActuators = 0;
    }

    @Override
    public String toString() {
        return "AgentComponent[" + policy + ", episode " + episodeId + ", step " + stepCount + ", decisions "
                + decisions + "]";
    }
}
