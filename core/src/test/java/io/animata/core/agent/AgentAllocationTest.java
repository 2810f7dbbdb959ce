package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.testing.LogitsModel;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Steady-state frames of {@link AgentSystem} allocate nothing on the game thread. */
class AgentAllocationTest {
    private static final int AGENTS = 100;

    @Test
    void steadyStateAgentFramesAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Engine engine = new Engine();
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build();
        Animata animata = Animata.installOwning(engine, runtime);
        try {
            OnnxPolicy batched = OnnxPolicy.builder().setRuntime(runtime).setModel(new LogitsModel("m", 4))
                    .optSpec(new PolicySpec("m", 4, ActionSpace.discrete(2, 2), null, null, null, false))
                    .optStochastic(1).build();
            RandomPolicy random = new RandomPolicy(ActionSpace.discrete(2, 2), 2);
            long[] sum = new long[1];
            AgentSystem system = new AgentSystem();
            engine.addSystem(system);
            system.addListener(new AgentListener() {
                @Override
                public void onDecision(Entity entity, AgentComponent agent) {
                    sum[0] += agent.action().discrete[1];
                }
            });
            for (int i = 0; i < AGENTS; i++) {
                Entity entity = new Entity();
                AgentComponent agent = new AgentComponent();
                agent.policy = i % 2 == 0 ? batched : random;
                agent.decisionPeriod = 1 + i % 3;
                agent.decisionOffset = i % agent.decisionPeriod;
                agent.maxSteps = 50 + i;
                int index = i;
                agent.sensors.add(new StackingSensor(new VectorSensor(2, (out, offset) -> {
                    out[offset] = index;
                    out[offset + 1] = system.frame() % 7;
                }), 2));
                agent.actuators.add(DiscreteActuator.of(new int[] {2, 2}, choices -> sum[0] += choices[0],
                        (mask, first) -> mask.setMasked(first, 1, index % 4 == 0)));
                entity.add(agent);
                engine.addEntity(entity);
            }
            for (int warm = 0; warm < 3_000; warm++) {
                engine.update(0.016f);
            }
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int f = 0; f < 500; f++) {
                    engine.update(0.016f);
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            assertEquals(0L, Math.min(windows[0], Math.min(windows[1], windows[2])),
                    "bytes allocated in 500-frame windows: " + java.util.Arrays.toString(windows));
            assertTrue(system.episodesEnded() > AGENTS);
            assertTrue(sum[0] > 0);
        } finally {
            animata.dispose();
        }
    }
}
