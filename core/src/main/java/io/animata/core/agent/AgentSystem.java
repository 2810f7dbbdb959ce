package io.animata.core.agent;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntityListener;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.systems.IteratingSystem;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.IntArray;
import io.animata.runtime.AnimataException;
import io.animata.runtime.InferenceListener;
import io.animata.runtime.InferenceResult;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;

/**
 * Runs every entity with an {@link AgentComponent} ("request, then decide", as ML-Agents' {@code Academy} with
 * {@code DecisionRequester}). Each frame, for each agent in entity order:
 * <ol>
 *   <li>an episode that was ended ({@link AgentComponent#endEpisode}, or {@link AgentComponent#maxSteps}
 *       reached) is closed: pending decisions are dropped, the sensors write the final observation,
 *       {@link AgentListener#onEpisodeEnd} runs; then a new episode begins: the episode id goes up, the action,
 *       rewards, sensors and actuators are reset and {@link AgentListener#onEpisodeBegin} runs (the reset hook);</li>
 *   <li>when a decision is due ({@code (frame + decisionOffset) % decisionPeriod == 0}) the sensors write the
 *       observation row, the actuators write the action mask, and the policy is asked: an {@link ImmediatePolicy}
 *       decides at once; a {@link BatchedPolicy} queues the row with the AI runtime, which runs one batch per
 *       policy model per frame and hands the result back at a later frame's start ({@link #onResult}). While a
 *       batched decision is on its way, no new one is requested for that agent (a skipped decision);</li>
 *   <li>the actuators apply the latest action: every frame when {@link AgentComponent#takeActionsBetweenDecisions},
 *       otherwise only on the frame a decision arrived. Before the first decision of an episode nothing is
 *       applied.</li>
 * </ol>
 *
 * <p>Timing: an immediate policy's decision is applied in the frame it was requested. A batched policy's decision
 * requested in frame t is applied in frame t+1 in lockstep mode (deterministic) and whenever it arrives in realtime
 * mode, the agent repeating its last action meanwhile. A result is matched to its agent by the request's tag (the
 * agent's slot) and id, and dropped when the agent's episode changed or the entity was removed (the request is also
 * cancelled in the runtime's queue).
 *
 * <p>Give this system a priority between the game's input systems and its physics step, and inside the
 * {@link io.animata.core.Animata} frame bracket when batched policies are used.
 *
 * <pre>{@code
 * Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.REALTIME).build());
 * AgentSystem agents = new AgentSystem(10);
 * agents.addListener(new AgentListener() {
 *     public void onEpisodeBegin(Entity e, AgentComponent a) { respawn(e); }
 * });
 * engine.addSystem(agents);
 * }</pre>
 *
 * <p>Errors: {@code update} throws an {@link AnimataException} naming the problem when an agent has no policy,
 * its sensors or actuators do not fit the policy, a sensor writes a non-finite number, every option of a branch is
 * masked, or an immediate policy chooses a masked or out-of-range option.
 *
 * <p>Threading: game thread only. Allocation-free per frame once every agent is bound (binding an agent, on its
 * first frame or when its policy changes, sizes its buffers).
 */
public final class AgentSystem extends IteratingSystem implements InferenceListener {
    private static final int INITIAL_SLOTS = 16;

    private final ComponentMapper<AgentComponent> agents = ComponentMapper.getFor(AgentComponent.class);
    private final Array<AgentListener> listeners = new Array<>(false, 4, AgentListener.class);
    private final EntityListener removals = new EntityListener() {
        @Override
        public void entityAdded(Entity entity) {
            // bound lazily on its first frame
        }

        @Override
        public void entityRemoved(Entity entity) {
            release(entity);
        }
    };
    private Engine engine;

    private AgentComponent[] slotAgents = new AgentComponent[INITIAL_SLOTS];
    private Entity[] slotEntities = new Entity[INITIAL_SLOTS];
    private long[] slotRequest = new long[INITIAL_SLOTS];
    private int[] slotEpisode = new int[INITIAL_SLOTS];
    private BatchedPolicy[] slotPolicy = new BatchedPolicy[INITIAL_SLOTS];
    private int slotsUsed;
    private final IntArray freeSlots = new IntArray();

    private long frame;
    private long decisionsRequested;
    private long decisionsApplied;
    private long decisionsSkipped;
    private long resultsDropped;
    private long failures;
    private long episodesEnded;

    /** An agent system at priority 0. */
    public AgentSystem() {
        this(0);
    }

    /** @param priority Ashley system priority: after input, before the physics step */
    public AgentSystem(int priority) {
        super(Family.all(AgentComponent.class).get(), priority);
    }

    /** Adds a listener (episode begin/end, decisions). */
    public void addListener(AgentListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        listeners.add(listener);
    }

    /** Removes a listener added before; no effect when absent. */
    public void removeListener(AgentListener listener) {
        listeners.removeValue(listener, true);
    }

    @Override
    public void addedToEngine(Engine engine) {
        super.addedToEngine(engine);
        this.engine = engine;
        engine.addEntityListener(getFamily(), removals);
    }

    /** Cancels every decision still on its way and forgets the agents' slots. */
    @Override
    public void removedFromEngine(Engine engine) {
        super.removedFromEngine(engine);
        engine.removeEntityListener(removals);
        for (int s = 0; s < slotsUsed; s++) {
            if (slotAgents[s] != null) {
                cancelPending(s);
                slotAgents[s].slot = -1;
                slotAgents[s].boundPolicy = null;
            }
            slotAgents[s] = null;
            slotEntities[s] = null;
        }
        slotsUsed = 0;
        freeSlots.clear();
        this.engine = null;
    }

    @Override
    public void update(float deltaTime) {
        super.update(deltaTime);
        frame++;
    }

    @Override
    protected void processEntity(Entity entity, float deltaTime) {
        AgentComponent a = agents.get(entity);
        if (a.boundPolicy != a.policy || a.slot < 0 || slotAgents[a.slot] != a
                || a.boundSensors != a.sensors.size || a.boundActuators != a.actuators.size) {
            bind(entity, a);
        }
        if (!a.started) {
            beginEpisode(entity, a);
        } else if (a.endRequested) {
            endEpisode(entity, a);
            beginEpisode(entity, a);
        }
        if (Math.floorMod(frame + a.decisionOffset, (long) a.decisionPeriod) == 0) {
            if (a.decisionPending) {
                decisionsSkipped++;
            } else {
                requestDecision(entity, a);
            }
        }
        if (a.hasAction && (a.actionFresh || a.takeActionsBetweenDecisions)) {
            actuate(a);
        }
        a.actionFresh = false;
        a.stepCount++;
        if (a.maxSteps > 0 && a.stepCount >= a.maxSteps && !a.endRequested) {
            a.interruptEpisode();
        }
    }

    // ---- binding -------------------------------------------------------------------------------------------

    private void bind(Entity entity, AgentComponent a) {
        if (a.policy == null) {
            throw new AnimataException("an agent entity has no policy: set AgentComponent.policy (an OnnxPolicy, "
                    + "HeuristicPolicy or RandomPolicy) before adding the component");
        }
        if (a.decisionPeriod < 1) {
            throw new AnimataException("AgentComponent.decisionPeriod must be at least 1, was " + a.decisionPeriod);
        }
        if (a.slot < 0 || a.slot >= slotsUsed || slotAgents[a.slot] != a) {
            a.slot = takeSlot(entity, a);
        } else {
            cancelPending(a.slot); // the policy changed: a result of the old one must not arrive
        }
        int width = 0;
        for (int i = 0; i < a.sensors.size; i++) {
            width += a.sensors.get(i).width();
        }
        int expected = a.policy.observationWidth();
        if (expected >= 0 && expected != width) {
            throw new AnimataException("agent's sensors write " + width + " floats (" + describeSensors(a)
                    + ") but its policy " + a.policy + " reads " + expected + ": add or remove sensors to match");
        }
        ActionSpace space = a.policy.actionSpace();
        checkActuators(a, space);
        if (a.observation == null || a.observation.length != width) {
            a.observation = new float[width];
        }
        if (a.action == null || !a.action.space().equals(space)) {
            a.action = new ActionBuffer(space);
        }
        if (space.branchCount() == 0) {
            a.mask = null;
        } else if (a.mask == null || !a.mask.space().equals(space)) {
            a.mask = new ActionMask(space);
        }
        a.boundPolicy = a.policy;
        a.boundSensors = a.sensors.size;
        a.boundActuators = a.actuators.size;
        a.hasAction = false;
    }

    private static void checkActuators(AgentComponent a, ActionSpace space) {
        if (a.actuators.size == 0) {
            return; // the game reads AgentComponent.action itself
        }
        int continuous = 0;
        int branch = 0;
        boolean fits = true;
        for (int i = 0; i < a.actuators.size; i++) {
            Actuator act = a.actuators.get(i);
            continuous += act.continuousSize();
            for (int b = 0; b < act.branchCount(); b++, branch++) {
                fits &= branch < space.branchCount() && space.branchSize(branch) == act.branchSize(b);
            }
        }
        if (!fits || continuous != space.continuousSize() || branch != space.branchCount()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < a.actuators.size; i++) {
                Actuator act = a.actuators.get(i);
                text.append(i == 0 ? "" : ", ").append(act.getClass().getSimpleName()).append(" (continuous ")
                        .append(act.continuousSize()).append(", branches [");
                for (int b = 0; b < act.branchCount(); b++) {
                    text.append(b == 0 ? "" : ", ").append(act.branchSize(b));
                }
                text.append("])");
            }
            throw new AnimataException("agent's actuators " + text + " do not add up to its policy's " + space
                    + ": actuators read the continuous values and the branches in order");
        }
    }

    private static String describeSensors(AgentComponent a) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < a.sensors.size; i++) {
            Sensor s = a.sensors.get(i);
            text.append(i == 0 ? "" : " + ").append(s.getClass().getSimpleName()).append(' ').append(s.width());
        }
        return a.sensors.size == 0 ? "no sensors" : text.toString();
    }

    private int takeSlot(Entity entity, AgentComponent a) {
        int s;
        if (freeSlots.size > 0) {
            s = freeSlots.pop();
        } else {
            if (slotsUsed == slotAgents.length) {
                grow(slotsUsed * 2);
            }
            s = slotsUsed++;
        }
        slotAgents[s] = a;
        slotEntities[s] = entity;
        slotRequest[s] = 0L;
        slotPolicy[s] = null;
        return s;
    }

    private void grow(int capacity) {
        slotAgents = java.util.Arrays.copyOf(slotAgents, capacity);
        slotEntities = java.util.Arrays.copyOf(slotEntities, capacity);
        slotRequest = java.util.Arrays.copyOf(slotRequest, capacity);
        slotEpisode = java.util.Arrays.copyOf(slotEpisode, capacity);
        slotPolicy = java.util.Arrays.copyOf(slotPolicy, capacity);
    }

    private void release(Entity entity) {
        for (int s = 0; s < slotsUsed; s++) {
            if (slotEntities[s] == entity) {
                cancelPending(s);
                AgentComponent a = slotAgents[s];
                if (a.slot == s) {
                    a.slot = -1;
                    a.boundPolicy = null;
                }
                slotAgents[s] = null;
                slotEntities[s] = null;
                freeSlots.add(s);
                return;
            }
        }
    }

    private void cancelPending(int s) {
        if (slotRequest[s] != 0L) {
            slotPolicy[s].cancel(slotRequest[s]);
            slotRequest[s] = 0L;
            slotPolicy[s] = null;
        }
        if (slotAgents[s] != null) {
            slotAgents[s].decisionPending = false;
        }
    }

    // ---- episodes ------------------------------------------------------------------------------------------

    private void endEpisode(Entity entity, AgentComponent a) {
        cancelPending(a.slot);
        observe(a);
        a.lastReward = a.reward;
        a.reward = 0f;
        episodesEnded++;
        for (int i = 0; i < listeners.size; i++) {
            listeners.get(i).onEpisodeEnd(entity, a);
        }
    }

    private void beginEpisode(Entity entity, AgentComponent a) {
        a.started = true;
        a.episodeId++;
        a.stepCount = 0;
        a.reward = 0f;
        a.episodeReward = 0f;
        a.lastReward = 0f;
        a.endRequested = false;
        a.truncated = false;
        a.hasAction = false;
        a.actionFresh = false;
        a.action.clear();
        if (a.mask != null) {
            a.mask.clear();
        }
        for (int i = 0; i < a.sensors.size; i++) {
            a.sensors.get(i).reset();
        }
        for (int i = 0; i < a.actuators.size; i++) {
            a.actuators.get(i).reset();
        }
        for (int i = 0; i < listeners.size; i++) {
            listeners.get(i).onEpisodeBegin(entity, a);
        }
    }

    // ---- decisions -----------------------------------------------------------------------------------------

    private void observe(AgentComponent a) {
        float[] row = a.observation;
        int offset = 0;
        for (int i = 0; i < a.sensors.size; i++) {
            Sensor sensor = a.sensors.get(i);
            sensor.observe(row, offset);
            int end = offset + sensor.width();
            for (int j = offset; j < end; j++) {
                float v = row[j];
                if (v != v || v == Float.POSITIVE_INFINITY || v == Float.NEGATIVE_INFINITY) {
                    throw new AnimataException("sensor " + i + " (" + sensor.getClass().getSimpleName() + ") wrote "
                            + v + " at observation index " + j + ": sensors must write finite numbers");
                }
            }
            offset = end;
        }
    }

    private void writeMask(AgentComponent a) {
        ActionMask mask = a.mask;
        if (mask == null) {
            return;
        }
        mask.clear();
        int branch = 0;
        for (int i = 0; i < a.actuators.size; i++) {
            Actuator act = a.actuators.get(i);
            if (act.branchCount() > 0) {
                act.writeMask(mask, branch);
                branch += act.branchCount();
            }
        }
        ActionSpace space = mask.space();
        for (int b = 0; b < space.branchCount(); b++) {
            if (mask.allowedCount(b) == 0) {
                throw Sampling.allMasked(b, space.branchSize(b));
            }
        }
    }

    private void requestDecision(Entity entity, AgentComponent a) {
        observe(a);
        writeMask(a);
        a.lastReward = a.reward;
        a.reward = 0f;
        decisionsRequested++;
        AgentPolicy policy = a.policy;
        if (policy instanceof ImmediatePolicy immediate) {
            immediate.decide(entity, a, a.action);
            checkImmediate(a);
            decided(entity, a);
        } else if (policy instanceof BatchedPolicy batched) {
            int s = a.slot;
            slotRequest[s] = batched.submit(a.observation, this, s);
            slotPolicy[s] = batched;
            slotEpisode[s] = a.episodeId;
            a.decisionPending = true;
        } else {
            throw new AnimataException("policy " + policy + " is neither an ImmediatePolicy nor a BatchedPolicy: "
                    + "implement one of the two");
        }
    }

    private static void checkImmediate(AgentComponent a) {
        ActionBuffer action = a.action;
        ActionSpace space = action.space();
        for (int b = 0; b < action.discrete.length; b++) {
            int option = action.discrete[b];
            if (option < 0 || option >= space.branchSize(b)) {
                throw new AnimataException("policy " + a.policy + " chose option " + option + " of branch " + b
                        + ", which has " + space.branchSize(b) + " options");
            }
            if (a.mask != null && a.mask.isMasked(b, option)) {
                throw new AnimataException("policy " + a.policy + " chose option " + option + " of branch " + b
                        + ", which is masked (" + a.mask + "): a heuristic must read AgentComponent.mask()");
            }
        }
        for (int i = 0; i < action.continuous.length; i++) {
            action.continuous[i] = Sampling.clip(action.continuous[i]);
        }
    }

    private void decided(Entity entity, AgentComponent a) {
        a.decisions++;
        a.actionFresh = true;
        a.hasAction = true;
        decisionsApplied++;
        for (int i = 0; i < listeners.size; i++) {
            listeners.get(i).onDecision(entity, a);
        }
    }

    private static void actuate(AgentComponent a) {
        int continuous = 0;
        int branch = 0;
        for (int i = 0; i < a.actuators.size; i++) {
            Actuator act = a.actuators.get(i);
            act.apply(a.action, continuous, branch);
            continuous += act.continuousSize();
            branch += act.branchCount();
        }
    }

    /**
     * A batched decision arrived (called by the AI runtime inside {@code beginFrame}, on the game thread). Applied
     * to its agent unless the agent was removed or began another episode since the request.
     */
    @Override
    public void onResult(long requestId, int tag, InferenceResult result) {
        if (tag < 0 || tag >= slotsUsed || slotRequest[tag] != requestId || slotAgents[tag] == null) {
            resultsDropped++;
            return;
        }
        AgentComponent a = slotAgents[tag];
        BatchedPolicy policy = slotPolicy[tag];
        slotRequest[tag] = 0L;
        slotPolicy[tag] = null;
        a.decisionPending = false;
        if (slotEpisode[tag] != a.episodeId || policy != a.policy) {
            resultsDropped++;
            return;
        }
        policy.decode(result, a.mask, a.action);
        decided(slotEntities[tag], a);
    }

    /** A batch failed: the agents keep their last action and ask again at their next decision. */
    @Override
    public void onFailure(long requestId, int tag, AnimataException error) {
        failures++;
        if (tag >= 0 && tag < slotsUsed && slotRequest[tag] == requestId) {
            slotRequest[tag] = 0L;
            slotPolicy[tag] = null;
            if (slotAgents[tag] != null) {
                slotAgents[tag].decisionPending = false;
            }
        }
    }

    // ---- figures -------------------------------------------------------------------------------------------

    /** @return frames this system has run */
    public long frame() {
        return frame;
    }

    /** @return decisions requested from policies */
    public long decisionsRequested() {
        return decisionsRequested;
    }

    /** @return decisions applied to agents */
    public long decisionsApplied() {
        return decisionsApplied;
    }

    /** @return decisions not requested because the agent's previous batched decision had not arrived yet */
    public long decisionsSkipped() {
        return decisionsSkipped;
    }

    /** @return batched results dropped because their agent was removed, reset or given another policy */
    public long resultsDropped() {
        return resultsDropped;
    }

    /** @return batched results that failed in the runtime */
    public long failures() {
        return failures;
    }

    /** @return episodes ended, over all agents */
    public long episodesEnded() {
        return episodesEnded;
    }

    /** @return agents bound to a slot (the size of the request-tag table in use) */
    public int boundAgents() {
        return slotsUsed - freeSlots.size;
    }
}
