package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.agent.Fakes.CountingListener;
import io.animata.core.agent.Fakes.RecordingActuator;
import io.animata.core.testing.LogitsModel;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AgentSystem} with batched policies, through a real {@link AiRuntime} installed by {@link Animata}. */
class AgentSystemBatchedTest {
    private static final float DELTA = 1f / 60f;
    private static final int OPTIONS = 4;

    private final Engine engine = new Engine();
    private final AgentSystem system = new AgentSystem();
    private final CountingListener listener = new CountingListener();
    private AiRuntime runtime;
    private Animata animata;

    private void install(RunMode mode) {
        runtime = AiRuntime.builder().setMode(mode).build();
        animata = Animata.installOwning(engine, runtime);
        engine.addSystem(system);
        system.addListener(listener);
    }

    @AfterEach
    void dispose() {
        if (animata != null) {
            animata.dispose();
        }
    }

    private OnnxPolicy policy(LogitsModel model) {
        return OnnxPolicy.builder().setRuntime(runtime).setModel(model)
                .optSpec(new PolicySpec("test", OPTIONS, ActionSpace.discrete(OPTIONS), null, null, null, false))
                .build();
    }

    /** Observes a one-hot of {@code (frame + shift) % OPTIONS}, so the logits' argmax names the frame. */
    private final class FrameSensor implements Sensor {
        final int shift;

        FrameSensor(int shift) {
            this.shift = shift;
        }

        @Override
        public int width() {
            return OPTIONS;
        }

        @Override
        public void observe(float[] out, int offset) {
            for (int i = 0; i < OPTIONS; i++) {
                out[offset + i] = (system.frame() + shift) % OPTIONS == i ? 1f : 0f;
            }
        }
    }

    private Entity addAgent(AgentPolicy policy, int shift, RecordingActuator actuator) {
        Entity entity = new Entity();
        AgentComponent agent = new AgentComponent();
        agent.policy = policy;
        agent.sensors.add(new FrameSensor(shift));
        agent.actuators.add(actuator);
        entity.add(agent);
        engine.addEntity(entity);
        return entity;
    }

    private void run(int frames) {
        for (int i = 0; i < frames; i++) {
            engine.update(DELTA);
        }
    }

    @Test
    void inLockstepTheDecisionRequestedInFrameTIsAppliedInFrameTPlusOne() {
        install(RunMode.LOCKSTEP);
        RecordingActuator actuator = new RecordingActuator(OPTIONS);
        addAgent(policy(new LogitsModel("p", OPTIONS)), 0, actuator);

        run(6);

        // frame 0 has no decision yet; frame f applies the one observed in frame f - 1
        assertEquals(List.of(0, 1, 2, 3, 0), actuator.applied);
        assertEquals(5, system.decisionsApplied());
        assertEquals(0, system.decisionsSkipped());
    }

    @Test
    void everyAgentOfAPolicyIsInOneBatchPerFrame() {
        install(RunMode.LOCKSTEP);
        LogitsModel a = new LogitsModel("a", OPTIONS);
        LogitsModel b = new LogitsModel("b", OPTIONS);
        OnnxPolicy policyA = policy(a);
        OnnxPolicy policyB = policy(b);
        List<RecordingActuator> actuators = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            RecordingActuator actuator = new RecordingActuator(OPTIONS);
            actuators.add(actuator);
            addAgent(i < 10 ? policyA : policyB, i, actuator);
        }
        int frames = 8;

        run(frames);

        // the last frame's batches may still be running: every finished batch held all of its policy's agents
        List<Integer> batchesA = a.batchSizes();
        List<Integer> batchesB = b.batchSizes();
        assertTrue(batchesA.size() >= frames - 1 && batchesA.size() <= frames, "batches of a: " + batchesA);
        assertEquals(java.util.Collections.nCopies(batchesA.size(), 10), batchesA);
        assertEquals(java.util.Collections.nCopies(batchesB.size(), 5), batchesB);
        assertEquals(15L * (frames - 1), system.decisionsApplied());
        for (int i = 0; i < 15; i++) {
            assertEquals((frames - 2 + i) % OPTIONS, actuators.get(i).applied.get(frames - 2), "agent " + i);
        }
    }

    @Test
    void aStochasticLockstepRunRepeatsExactly() {
        List<Integer> first = stochasticRun();
        dispose();
        AgentSystemBatchedTest again = new AgentSystemBatchedTest();
        List<Integer> second = again.stochasticRun();
        again.dispose();

        assertEquals(first, second);
        assertEquals(3 * 19, first.size());
    }

    private List<Integer> stochasticRun() {
        install(RunMode.LOCKSTEP);
        OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime).setModel(new LogitsModel("s", OPTIONS))
                .optSpec(new PolicySpec("test", OPTIONS, ActionSpace.discrete(OPTIONS), null, null, null, false))
                .optStochastic(7).build();
        List<Integer> applied = new ArrayList<>();
        system.addListener(new AgentListener() {
            @Override
            public void onDecision(Entity entity, AgentComponent agent) {
                applied.add(agent.action().discrete[0]);
            }
        });
        for (int i = 0; i < 3; i++) {
            addAgent(policy, i, new RecordingActuator(OPTIONS));
        }
        run(20);
        return applied;
    }

    @Test
    void inRealtimeAnAgentRepeatsItsLastActionUntilTheLateDecisionArrives() throws InterruptedException {
        install(RunMode.REALTIME);
        LogitsModel model = new LogitsModel("slow", OPTIONS);
        RecordingActuator actuator = new RecordingActuator(OPTIONS);
        addAgent(policy(model), 1, actuator);
        run(3); // decision of frame 0 arrives at the start of frame 1 or later
        runUntil(() -> system.decisionsApplied() >= 1);
        int before = actuator.applied.size();
        CountDownLatch gate = new CountDownLatch(1);
        model.holdBatches(gate);
        long skippedBefore = system.decisionsSkipped();
        runUntil(() -> system.decisionsSkipped() > skippedBefore + 3);
        // the pending request has outlived several frames, so it sits in the held batch: nothing can arrive now
        long appliedWhileHeld = system.decisionsApplied();
        int held = actuator.applied.get(actuator.applied.size() - 1);
        int size = actuator.applied.size();
        run(5);

        assertEquals(appliedWhileHeld, system.decisionsApplied());
        assertEquals(List.of(held, held, held, held, held), actuator.applied.subList(size, size + 5));
        gate.countDown();
        runUntil(() -> system.decisionsApplied() > appliedWhileHeld);
        assertTrue(actuator.applied.size() > before + 3);
    }

    @Test
    void aResultForAnEndedEpisodeIsDroppedAndCancelledInTheQueue() throws InterruptedException {
        install(RunMode.REALTIME);
        LogitsModel model = new LogitsModel("held", OPTIONS);
        CountDownLatch gate = new CountDownLatch(1);
        model.holdBatches(gate);
        OnnxPolicy policy = policy(model);
        RecordingActuator actuator = new RecordingActuator(OPTIONS);
        Entity entity = addAgent(policy, 0, actuator);
        AgentComponent agent = entity.getComponent(AgentComponent.class);

        run(1);
        assertTrue(agent.isDecisionPending());
        agent.endEpisode();
        run(1); // ends episode 1 (cancelling its request) and requests for episode 2
        gate.countDown();
        runUntil(() -> agent.decisions() >= 1);

        assertEquals(List.of("begin 1", "end 1 terminated", "begin 2"), listener.events.subList(0, 3));
        assertEquals(2, agent.episodeId());
        assertEquals(1L, policy.queue().metrics().resultsDropped() + system.resultsDropped());
        // the one decision applied was asked in episode 2 (frame 1: one-hot at index 1)
        assertEquals(1, actuator.applied.get(0));
    }

    @Test
    void aResultForARemovedEntityIsNeverApplied() throws InterruptedException {
        install(RunMode.REALTIME);
        LogitsModel model = new LogitsModel("held", OPTIONS);
        CountDownLatch gate = new CountDownLatch(1);
        model.holdBatches(gate);
        OnnxPolicy policy = policy(model);
        Entity gone = addAgent(policy, 0, new RecordingActuator(OPTIONS));
        Entity stays = addAgent(policy, 0, new RecordingActuator(OPTIONS));

        run(1);
        engine.removeEntity(gone);
        assertEquals(1, system.boundAgents());
        gate.countDown();
        runUntil(() -> stays.getComponent(AgentComponent.class).decisions() >= 1);

        assertEquals(0, gone.getComponent(AgentComponent.class).decisions());
        assertEquals(1, listener.decisions);
        assertEquals(1L, policy.queue().metrics().resultsDropped());
    }

    @Test
    void aStaleResultThatReachesTheSystemIsDropped() {
        install(RunMode.LOCKSTEP);
        Entity entity = addAgent(policy(new LogitsModel("p", OPTIONS)), 0, new RecordingActuator(OPTIONS));
        run(2);
        long decisions = entity.getComponent(AgentComponent.class).decisions();

        system.onResult(12345L, 0, new ArrayResult(new float[OPTIONS]));
        system.onResult(1L, 99, new ArrayResult(new float[OPTIONS]));

        assertEquals(2L, system.resultsDropped());
        assertEquals(decisions, entity.getComponent(AgentComponent.class).decisions());
    }

    @Test
    void removingTheSystemCancelsEveryPendingRequest() {
        install(RunMode.REALTIME);
        LogitsModel model = new LogitsModel("held", OPTIONS);
        CountDownLatch gate = new CountDownLatch(1);
        model.holdBatches(gate);
        OnnxPolicy policy = policy(model);
        Entity entity = addAgent(policy, 0, new RecordingActuator(OPTIONS));
        run(1);

        engine.removeSystem(system);

        assertFalse(entity.getComponent(AgentComponent.class).isDecisionPending());
        assertEquals(0, system.boundAgents());
        gate.countDown();
    }

    /** Runs frames until the condition holds (the worker finishing in realtime), at most 10 s. */
    private void runUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 10_000 && !done.getAsBoolean(); i++) {
            engine.update(DELTA);
            Thread.sleep(1);
        }
        assertTrue(done.getAsBoolean(), "condition not reached");
    }
}
