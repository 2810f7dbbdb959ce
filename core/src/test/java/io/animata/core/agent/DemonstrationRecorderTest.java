package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.agent.Fakes.ValueSensor;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.train.Demonstrations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemonstrationRecorderTest {

    @Test
    void recordsTheDecisionsOfTheRecordedPolicysAgentsOnly(@TempDir Path dir) {
        Engine engine = new Engine();
        AgentSystem system = new AgentSystem();
        engine.addSystem(system);
        ActionSpace space = ActionSpace.discrete(3);
        HeuristicPolicy player = new HeuristicPolicy(space, (entity, agent, action) ->
                action.discrete[0] = (int) (system.frame() % 3));
        HeuristicPolicy bot = new HeuristicPolicy(space, (entity, agent, action) -> action.discrete[0] = 2);
        ValueSensor playerSensor = new ValueSensor(2);
        add(engine, player, playerSensor);
        add(engine, bot, new ValueSensor(2));
        Path file = dir.resolve("demos.bin");
        try (DemonstrationRecorder recorder = new DemonstrationRecorder(file, 2, space, player)) {
            system.addListener(recorder);
            for (int frame = 0; frame < 6; frame++) {
                playerSensor.value = 10 * frame;
                engine.update(1 / 60f);
            }
            assertEquals(6, recorder.count());
        }
        Demonstrations demos = Demonstrations.read(file);
        assertEquals(6, demos.size());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, demos.discreteActions());
        assertArrayEquals(new float[] {0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51}, demos.observations());
    }

    private static void add(Engine engine, AgentPolicy policy, Sensor sensor) {
        Entity entity = new Entity();
        AgentComponent agent = new AgentComponent();
        agent.policy = policy;
        agent.sensors.add(sensor);
        entity.add(agent);
        engine.addEntity(entity);
    }
}
