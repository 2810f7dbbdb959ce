package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.core.PooledEngine;
import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.Animata;
import io.animata.core.agent.AgentComponent;
import io.animata.core.agent.AgentSystem;
import io.animata.core.agent.OnnxPolicy;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.MlpOnnxExporter;
import io.animata.runtime.rl.PolicySpec;
import org.junit.jupiter.api.Test;

/** The nav task as entities: agents in a game engine, driven by the heuristic or by an ONNX policy. */
class NavSceneTest {
    private static final float FRAME = 1f / 60f;

    @Test
    void heuristicAgentsKeepReachingTheMovingGoal() {
        PooledEngine engine = new PooledEngine();
        NavScene scene = NavScene.builder().setEngine(engine)
                .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS))
                .optLevel(NavLevel.builtIn("pillars")).optAgents(6).optSeed(3).build();

        for (int frame = 0; frame < 60 * 60; frame++) {
            engine.update(FRAME);
        }

        assertTrue(scene.successes() >= 20, "goals reached in a minute by 6 agents: " + scene.successes());
        // agents reaching the goal in the same frame move it once
        assertTrue(scene.goalMoves() > 0 && scene.goalMoves() <= scene.successes());
        AgentSystem agents = scene.agentSystem();
        assertEquals(0L, agents.decisionsSkipped());
        // every agent decides every 6th frame
        assertEquals(6L * 60 * 60 / 6, agents.decisionsApplied());
        long perAgent = 0;
        for (int i = 0; i < scene.agentCount(); i++) {
            perAgent += scene.agent(i).getComponent(NavAgentComponent.class).successes;
        }
        assertEquals(scene.successes(), perAgent);
        System.out.println("nav scene, 6 heuristic agents on 'pillars', 60 s at 60 fps: " + scene.successes()
                + " goals reached, " + agents.episodesEnded() + " episodes ended");

        scene.dispose();
        scene.dispose();
        assertEquals(0, engine.getEntitiesFor(Family.all(AgentComponent.class).get()).size());
        assertNull(engine.getSystem(AgentSystem.class));
        assertNull(engine.getSystem(NavScene.NavSystem.class));
    }

    @Test
    void anOnnxPolicyDrivesTheAgentsInOneBatchPerFrame() {
        Engine engine = new Engine();
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optDevice(DevicePreference.CPU).build();
        Animata animata = Animata.installOwning(engine, runtime);
        try {
            Mlp mlp = Mlp.random(11, Activation.TANH, Activation.IDENTITY, NavObservation.WIDTH, 16, 9);
            OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime)
                    .setModel("nav-random", new MlpOnnxExporter().optInputName(PolicySpec.INPUT)
                            .optOutputName(PolicySpec.LOGITS).export(mlp))
                    .optSpec(new PolicySpec("nav", NavObservation.WIDTH, NavEnvironment.DISCRETE_ACTIONS, null, null,
                            null, false))
                    .optStochastic(5).build();
            NavScene scene = NavScene.builder().setEngine(engine).setPolicy(policy).optAgents(12).build();
            int frames = 120;

            for (int frame = 0; frame < frames; frame++) {
                engine.update(FRAME);
            }

            AgentSystem agents = scene.agentSystem();
            // 12 agents with decision offsets 0..5: two decide in every frame, as one batch
            assertEquals(2L * frames, agents.decisionsRequested());
            assertEquals(2L * (frames - 1), agents.decisionsApplied());
            assertEquals(0L, agents.decisionsSkipped());
            assertEquals(2, policy.queue().metrics().lastBatchSize());
            assertTrue(policy.queue().metrics().batchesRun() >= frames - 1);
            scene.dispose();
        } finally {
            animata.dispose();
        }
    }

    @Test
    void theSceneUsesTheEnginesAgentSystemAndLeavesItThere() {
        Engine engine = new Engine();
        AgentSystem own = new AgentSystem(5);
        engine.addSystem(own);
        NavScene scene = NavScene.builder().setEngine(engine)
                .setPolicy(new NavHeuristic().policy(NavEnvironment.CONTINUOUS_ACTIONS)).optAgents(2).build();
        engine.update(FRAME);

        assertSame(own, scene.agentSystem());
        assertEquals(6, engine.getSystem(NavScene.NavSystem.class).priority);
        assertThrows(IllegalStateException.class, () -> NavScene.builder().setEngine(engine)
                .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS)).build());

        scene.dispose();
        assertSame(own, engine.getSystem(AgentSystem.class));
        assertEquals(0, own.boundAgents());
    }

    @Test
    void theBuilderSaysWhatIsMissing() {
        IllegalStateException noEngine = assertThrows(IllegalStateException.class, () -> NavScene.builder()
                .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS)).build());
        assertTrue(noEngine.getMessage().contains("setEngine"));
        IllegalStateException noPolicy = assertThrows(IllegalStateException.class,
                () -> NavScene.builder().setEngine(new Engine()).build());
        assertTrue(noPolicy.getMessage().contains("setPolicy"));
    }

    @Test
    void agentsChaseAGoalThatFollowsABodyAndStartAgainFarFromIt() {
        PooledEngine engine = new PooledEngine();
        NavArena arena = new NavArena(NavLevel.builtIn("rooms"), NavArena.Walls.CHAINS);
        try {
            Body target = arena.createAgent(2.5f, 1.5f, null); // stands in for a player: not an agent of the scene
            NavScene scene = NavScene.builder().setEngine(engine)
                    .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS))
                    .optArena(arena).optGoalFollows(target).optMinStartDistance(8f).optAgents(4).optSeed(2).build();
            assertSame(target, scene.goalTarget());
            int frames = 60 * 30;
            for (int frame = 0; frame < frames; frame++) {
                // the target walks to and fro along the bottom row of the bottom room
                float x = 2.5f + 10f * (1f - Math.abs((frame % 600) / 300f - 1f));
                target.setTransform(x, 1.5f, 0f);
                engine.update(FRAME);
                assertEquals(x, arena.goalX(), 1e-5f);
                for (int i = 0; i < scene.agentCount(); i++) {
                    NavAgentComponent nav = scene.agent(i).getComponent(NavAgentComponent.class);
                    AgentComponent agent = scene.agent(i).getComponent(AgentComponent.class);
                    if (agent.stepCount() == 1) {
                        // an agent that has just started again did so far from the target
                        assertTrue(nav.distance >= 8f - 1.5f, "agent " + i + " started " + nav.distance + " m away");
                    }
                }
            }

            assertTrue(scene.successes() >= 4, "the target was reached " + scene.successes() + " times in 30 s");
            assertEquals(0L, scene.goalMoves());
            scene.dispose();
            assertEquals(1, dynamicBodies(arena), "the agents' bodies leave the game's arena; the target stays");
        } finally {
            arena.dispose();
        }
    }

    private static int dynamicBodies(NavArena arena) {
        com.badlogic.gdx.utils.Array<Body> bodies = new com.badlogic.gdx.utils.Array<>();
        arena.world().getBodies(bodies);
        int dynamic = 0;
        for (Body b : bodies) {
            dynamic += b.getType() == com.badlogic.gdx.physics.box2d.BodyDef.BodyType.DynamicBody ? 1 : 0;
        }
        return dynamic;
    }

    @Test
    void aFollowedBodyMustLiveInTheArenasWorld() {
        NavArena arena = new NavArena(NavLevel.builtIn("open"));
        NavArena other = new NavArena(NavLevel.builtIn("open"));
        try {
            Body elsewhere = other.createAgent(2.5f, 2.5f, null);
            assertThrows(IllegalArgumentException.class, () -> NavScene.builder().setEngine(new Engine())
                    .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS))
                    .optArena(arena).optGoalFollows(elsewhere).build());
        } finally {
            arena.dispose();
            other.dispose();
        }
    }

    /** A snake of corridors: the goal at the top left, reached from the bottom right only the long way round. */
    private static final NavLevel SNAKE = NavLevel.parse("snake", String.join("\n",
            "################",
            "#G.............#",
            "#..............#",
            "############...#",
            "#..............#",
            "#..............#",
            "#...############",
            "#..............#",
            "#.............S#",
            "################"));

    @Test
    void waypointsLeadAgentsRoundLongDetours() {
        // the heuristic ignores masks: waypoints alone (the cone is for policies that read masks)
        long straight = goalsReachedInTheSnake(0f);
        long alongThePath = goalsReachedInTheSnake(6f);

        System.out.println("snake, 4 heuristic agents, 60 s: " + straight + " goals heading straight for it, "
                + alongThePath + " following waypoints");
        assertTrue(alongThePath >= 8, "with waypoints: " + alongThePath + " goals in a minute");
        assertTrue(alongThePath > 2 * straight, alongThePath + " with waypoints against " + straight + " without");
    }

    private static long goalsReachedInTheSnake(float lookAhead) {
        PooledEngine engine = new PooledEngine();
        NavArena arena = new NavArena(SNAKE);
        try {
            Body goal = arena.createAgent(1.5f, 8.5f, null); // the goal rests on 'G'
            goal.setType(com.badlogic.gdx.physics.box2d.BodyDef.BodyType.StaticBody);
            NavScene.Builder builder = NavScene.builder().setEngine(engine)
                    .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS))
                    .optArena(arena).optGoalFollows(goal).optMinStartDistance(25f).optAgents(4).optSeed(5);
            if (lookAhead > 0f) {
                builder.optWaypoints(lookAhead);
            }
            NavScene scene = builder.build();
            for (int frame = 0; frame < 60 * 60; frame++) {
                engine.update(FRAME);
            }
            long successes = scene.successes();
            scene.dispose();
            return successes;
        } finally {
            arena.dispose();
        }
    }

    @Test
    void theWaypointConeMasksDirectionsThatLeaveThePath() {
        NavArena arena = new NavArena(SNAKE);
        try {
            arena.setGoalPosition(1.5f, 8.5f);
            Body agent = arena.createAgent(14.5f, 1.5f, null); // on 'S': the way leads west along the bottom corridor
            io.animata.core.agent.ActionMask mask = new io.animata.core.agent.ActionMask(
                    NavEnvironment.DISCRETE_ACTIONS);
            new WaypointMasker(arena, agent, 6f, 45f).mask(mask, 0);

            // west, and a diagonal beside it, follow the path; east, north and south do not; staying is allowed
            assertTrue(!mask.isMasked(0, 0) && !mask.isMasked(0, 5), mask.toString());
            for (int away : new int[] {1, 2, 3, 7, 8}) {
                assertTrue(mask.isMasked(0, away), "option " + away + ": " + mask);
            }
            int allowed = mask.allowedCount(0) - 1;
            assertTrue(allowed == 2 || allowed == 3, allowed + " directions allowed: " + mask);
            assertThrows(IllegalArgumentException.class, () -> NavScene.builder().optWaypointCone(0f));
            assertThrows(IllegalArgumentException.class, () -> NavScene.builder().optWaypoints(-1f));
        } finally {
            arena.dispose();
        }
    }
}
