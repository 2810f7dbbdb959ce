package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.PooledEngine;
import io.animata.core.agent.Fakes.CountingListener;
import io.animata.core.agent.Fakes.RecordingActuator;
import io.animata.core.agent.Fakes.RecordingContinuous;
import io.animata.core.agent.Fakes.ValueSensor;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AgentSystem} with immediate policies: no AI runtime involved. */
class AgentSystemTest {
    private static final float DELTA = 1f / 60f;

    private final Engine engine = new Engine();
    private final AgentSystem system = new AgentSystem();
    private final CountingListener listener = new CountingListener();

    AgentSystemTest() {
        engine.addSystem(system);
        system.addListener(listener);
    }

    /** A heuristic that picks {@code frame % options} and records the frames it was asked in. */
    private static final class FrameHeuristic implements HeuristicPolicy.Heuristic {
        final AgentSystem system;
        final int options;
        final List<Long> frames = new ArrayList<>();

        FrameHeuristic(AgentSystem system, int options) {
            this.system = system;
            this.options = options;
        }

        @Override
        public void decide(Entity entity, AgentComponent agent, io.animata.runtime.rl.ActionBuffer action) {
            frames.add(system.frame());
            action.discrete[0] = (int) (system.frame() % options);
        }
    }

    private AgentComponent addAgent(AgentPolicy policy, Sensor sensor, Actuator actuator) {
        Entity entity = new Entity();
        AgentComponent agent = new AgentComponent();
        agent.policy = policy;
        if (sensor != null) {
            agent.sensors.add(sensor);
        }
        if (actuator != null) {
            agent.actuators.add(actuator);
        }
        entity.add(agent);
        engine.addEntity(entity);
        return agent;
    }

    private void run(int frames) {
        for (int i = 0; i < frames; i++) {
            engine.update(DELTA);
        }
    }

    @Test
    void anImmediateDecisionIsAppliedInTheFrameItIsRequested() {
        FrameHeuristic heuristic = new FrameHeuristic(system, 3);
        RecordingActuator actuator = new RecordingActuator(3);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(3), heuristic), new ValueSensor(2),
                actuator);

        run(5);

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), heuristic.frames);
        assertEquals(List.of(0, 1, 2, 0, 1), actuator.applied);
        assertEquals(5, agent.decisions());
        assertEquals(5, system.decisionsApplied());
        assertEquals(5, listener.decisions);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,0", "2,1", "3,2", "5,0", "5,4", "7,3"})
    void decisionPeriodAndOffsetChooseTheDecisionFrames(int period, int offset) {
        FrameHeuristic heuristic = new FrameHeuristic(system, 4);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(4), heuristic), null, null);
        agent.decisionPeriod = period;
        agent.decisionOffset = offset;

        run(30);

        List<Long> expected = new ArrayList<>();
        for (long f = 0; f < 30; f++) {
            if ((f + offset) % period == 0) {
                expected.add(f);
            }
        }
        assertEquals(expected, heuristic.frames);
    }

    @Test
    void theLastActionIsRepeatedBetweenDecisions() {
        FrameHeuristic heuristic = new FrameHeuristic(system, 10);
        RecordingActuator actuator = new RecordingActuator(10);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(10), heuristic), null, actuator);
        agent.decisionPeriod = 3;
        agent.decisionOffset = 1; // decides at frames 2, 5, 8: nothing applied before the first decision

        run(9);

        assertEquals(List.of(2, 2, 2, 5, 5, 5, 8), actuator.applied);
    }

    @Test
    void withoutActionsBetweenDecisionsTheActuatorsRunOnlyOnDecisionFrames() {
        FrameHeuristic heuristic = new FrameHeuristic(system, 10);
        RecordingActuator actuator = new RecordingActuator(10);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(10), heuristic), null, actuator);
        agent.decisionPeriod = 3;
        agent.takeActionsBetweenDecisions = false;

        run(9);

        assertEquals(List.of(0, 3, 6), actuator.applied);
    }

    @Test
    void anEndedEpisodeClosesAtTheNextFrameAndANewOneBeginsWithFreshState() {
        ValueSensor sensor = new ValueSensor(1);
        RecordingActuator actuator = new RecordingActuator(2);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(2),
                (e, a, action) -> action.discrete[0] = 1), sensor, actuator);

        run(2);
        agent.addReward(0.5f);
        agent.endEpisode();
        sensor.value = 7f;
        assertEquals(1, agent.episodeId());
        run(1);

        assertEquals(List.of("begin 1", "decide 1", "decide 1", "end 1 terminated", "begin 2", "decide 1"),
                listener.events);
        assertEquals(2, agent.episodeId());
        assertEquals(1, agent.stepCount());
        assertEquals(0f, agent.episodeReward());
        assertEquals(2, sensor.resets);
        assertEquals(2, actuator.resets);
        assertEquals(7f, agent.observation()[0]);
        assertFalse(agent.isEpisodeEnding());
        assertEquals(1, system.episodesEnded());
    }

    @Test
    void theEpisodeEndListenerSeesTheFinalObservationAndReward() {
        ValueSensor sensor = new ValueSensor(1);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(2), (e, a, action) -> { }), sensor,
                null);
        float[] seen = new float[3];
        system.addListener(new AgentListener() {
            @Override
            public void onEpisodeEnd(Entity entity, AgentComponent a) {
                seen[0] = a.observation()[0];
                seen[1] = a.lastReward();
                seen[2] = a.episodeReward();
            }
        });
        run(1);
        agent.addReward(0.25f);
        run(1);
        agent.addReward(1f);
        agent.endEpisode();
        sensor.value = 3f;
        run(1);

        assertEquals(3f, seen[0]);
        assertEquals(1f, seen[1]);
        assertEquals(1.25f, seen[2]);
    }

    @Test
    void maxStepsTruncatesTheEpisode() {
        AgentComponent agent = addAgent(new RandomPolicy(ActionSpace.discrete(2), 1), null, null);
        agent.maxSteps = 4;

        run(9);

        assertEquals(List.of("begin 1", "end 1 truncated", "begin 2", "end 2 truncated", "begin 3"),
                listener.events.stream().filter(e -> !e.startsWith("decide")).toList());
        assertEquals(3, agent.episodeId());
        assertEquals(1, agent.stepCount());
    }

    @Test
    void rewardsAddUpUntilTheNextDecisionRequest() {
        List<Float> rewards = new ArrayList<>();
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.discrete(2),
                (e, a, action) -> rewards.add(a.lastReward())), null, null);
        agent.decisionPeriod = 2;

        run(1);
        agent.addReward(1f);
        run(1);
        agent.addReward(2f);
        run(1);
        agent.setReward(-1f);
        run(2);

        assertEquals(List.of(0f, 3f, -1f), rewards);
        assertEquals(2f, agent.episodeReward());
    }

    @Test
    void continuousHeuristicActionsAreClippedBeforeTheActuatorsSeeThem() {
        RecordingContinuous actuator = new RecordingContinuous(3);
        AgentComponent agent = addAgent(new HeuristicPolicy(ActionSpace.continuous(3), (e, a, action) -> {
            action.continuous[0] = 2f;
            action.continuous[1] = -0.5f;
            action.continuous[2] = Float.NaN;
        }), null, actuator);

        run(1);

        assertEquals(List.of(1f, -0.5f, 0f), List.of(actuator.applied.get(0)[0], actuator.applied.get(0)[1],
                actuator.applied.get(0)[2]));
        assertEquals(1f, agent.action().continuous[0]);
    }

    @Test
    void anAgentWithoutAPolicyIsAnError() {
        addAgent(null, null, null);

        AnimataException e = assertThrows(AnimataException.class, () -> run(1));
        assertTrue(e.getMessage().contains("AgentComponent.policy"), e.getMessage());
    }

    @Test
    void sensorsThatDoNotFitThePolicyAreAnError() {
        addAgent(new HeuristicPolicy(ActionSpace.discrete(2), 5, (e, a, action) -> { }), new ValueSensor(3), null);

        AnimataException e = assertThrows(AnimataException.class, () -> run(1));
        assertTrue(e.getMessage().contains("write 3 floats") && e.getMessage().contains("reads 5"), e.getMessage());
    }

    @Test
    void actuatorsThatDoNotAddUpToTheActionSpaceAreAnError() {
        addAgent(new HeuristicPolicy(ActionSpace.discrete(2, 3), (e, a, action) -> { }), null,
                new RecordingActuator(2));

        AnimataException e = assertThrows(AnimataException.class, () -> run(1));
        assertTrue(e.getMessage().contains("do not add up"), e.getMessage());
    }

    @Test
    void aSensorWritingNaNIsAnError() {
        ValueSensor sensor = new ValueSensor(2);
        sensor.value = Float.NaN;
        addAgent(new HeuristicPolicy(ActionSpace.discrete(2), (e, a, action) -> { }), sensor, null);

        AnimataException e = assertThrows(AnimataException.class, () -> run(1));
        assertTrue(e.getMessage().contains("NaN at observation index 0"), e.getMessage());
    }

    @Test
    void maskingEveryOptionOfABranchIsAnError() {
        addAgent(new RandomPolicy(ActionSpace.discrete(1), 3), null, DiscreteActuator.of(new int[] {1},
                choices -> { }, (mask, first) -> mask.mask(first, 0)));

        AnimataException e = assertThrows(AnimataException.class, () -> run(1));
        assertTrue(e.getMessage().contains("every option of discrete branch 0"), e.getMessage());
    }

    @Test
    void aHeuristicChoosingAMaskedOptionIsAnError() {
        RecordingActuator actuator = new RecordingActuator(3);
        actuator.forbidden = 2;
        addAgent(new HeuristicPolicy(ActionSpace.discrete(3), (e, a, action) -> action.discrete[0] = 2), null,
                actuator);

        AnimataException e = assertThrows(AnimataException.class, () -> run(1));
        assertTrue(e.getMessage().contains("masked"), e.getMessage());
    }

    @Test
    void aHeuristicReadingTheMaskNeverAppliesAMaskedOption() {
        RecordingActuator actuator = new RecordingActuator(3);
        actuator.forbidden = 0;
        addAgent(new HeuristicPolicy(ActionSpace.discrete(3), (e, a, action) -> {
            action.discrete[0] = a.mask().isMasked(0, 0) ? 1 : 0;
        }), null, actuator);

        run(3);

        assertEquals(List.of(1, 1, 1), actuator.applied);
    }

    @Test
    void removedAgentsGiveTheirSlotBackAndPooledComponentsStartClean() {
        PooledEngine pooled = new PooledEngine();
        AgentSystem agents = new AgentSystem();
        pooled.addSystem(agents);
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Entity e = pooled.createEntity();
            AgentComponent a = pooled.createComponent(AgentComponent.class);
            a.policy = new RandomPolicy(ActionSpace.discrete(2), i);
            a.sensors.add(new ValueSensor(1));
            e.add(a);
            pooled.addEntity(e);
            entities.add(e);
        }
        pooled.update(DELTA);
        assertEquals(3, agents.boundAgents());

        pooled.removeEntity(entities.get(1));
        assertEquals(2, agents.boundAgents());
        Entity again = pooled.createEntity();
        AgentComponent reused = pooled.createComponent(AgentComponent.class);
        assertNull(reused.policy);
        assertEquals(0, reused.sensors.size);
        assertEquals(0, reused.episodeId());
        reused.policy = new RandomPolicy(ActionSpace.discrete(2), 9);
        again.add(reused);
        pooled.addEntity(again);
        pooled.update(DELTA);

        assertEquals(3, agents.boundAgents());
        assertEquals(1, reused.episodeId());
        assertEquals(0, reused.observation().length);
    }

    @Test
    void changingThePolicyRebindsTheAgent() {
        AgentComponent agent = addAgent(new RandomPolicy(ActionSpace.discrete(2), 1), null, null);
        run(1);
        agent.policy = new HeuristicPolicy(ActionSpace.continuous(2), (e, a, action) -> action.continuous[1] = 0.5f);
        run(1);

        assertEquals(ActionSpace.continuous(2), agent.action().space());
        assertNull(agent.mask());
        assertEquals(0.5f, agent.action().continuous[1]);
    }
}
