package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.PooledEngine;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.World;
import io.animata.core.Animata;
import io.animata.core.testing.Box2dTests;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.MlpOnnxExporter;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent example of README.md, as written there, so that it keeps compiling and working. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    private int respawns;

    private void respawn(Entity entity) {
        respawns++;
    }

    @Test
    void theReadmeAgentExampleRuns() throws InterruptedException {
        Box2dTests.init();
        Path file = dir.resolve("policy.onnx");
        // an untrained policy of the README's shape: 16 rays x (2 tags + distance) in, 9 logits out
        new MlpOnnxExporter().optInputName(PolicySpec.INPUT).optOutputName(PolicySpec.LOGITS)
                .export(Mlp.random(1, Activation.TANH, Activation.IDENTITY, 48, 8, 9), file);
        new PolicySpec("nav", 48, ActionSpace.discrete(9), null, null, null, false).write(OnnxPolicy.sidecarOf(file));
        PooledEngine engine = new PooledEngine();
        World world = new World(new Vector2(), true);
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        Body body = world.createBody(def);
        CircleShape shape = new CircleShape();
        shape.setRadius(0.3f);
        body.createFixture(shape, 1f);
        shape.dispose();
        Entity entity = engine.createEntity();
        engine.addEntity(entity);
        int index = 0;

        // ---- as in README.md (the model path resolved in the temporary folder) ----
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build();
        Animata animata = Animata.installOwning(engine, runtime);
        OnnxPolicy policy = OnnxPolicy.builder()
                .setRuntime(runtime)
                .setModel(dir.resolve(Path.of("policy.onnx")))    // a trained policy; reads policy.json next to it
                .build();
        AgentSystem agents = new AgentSystem(10);                      // after input, before the physics step
        agents.addListener(new AgentListener() {
            @Override
            public void onEpisodeBegin(Entity entity, AgentComponent agent) {
                respawn(entity);                                       // put the agent back
            }
        });
        engine.addSystem(agents);

        AgentComponent agent = engine.createComponent(AgentComponent.class);
        agent.policy = policy;
        agent.decisionPeriod = 5;                                      // decide every 5th frame...
        agent.decisionOffset = index % 5;                              // ...spread over the 5 frames
        agent.sensors.add(new RaySensor(world, body, RaySensor.config().setTags("wall", "goal").optRayCount(16)));
        agent.actuators.add(new DirectionActuator(body, 8, 20f));      // 9 options: none, or one of 8 directions
        entity.add(agent);
        // ---- end of the README example ----

        try {
            for (int i = 0; i < 10_000 && agent.decisions() < 2; i++) {
                engine.update(1f / 60f);
                world.step(1f / 60f, 6, 2);
                Thread.sleep(1);
            }
            agent.addReward(1f);
            agent.endEpisode();
            engine.update(1f / 60f);

            assertTrue(agent.decisions() >= 2);
            assertEquals(2, respawns);
            assertEquals(2, agent.episodeId());
        } finally {
            animata.dispose();
            world.dispose();
        }
    }
}
