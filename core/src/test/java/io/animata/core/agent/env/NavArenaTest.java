package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.testing.Box2dTests;
import io.animata.runtime.AnimataException;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NavArenaTest {
    private NavArena arena;

    @BeforeAll
    static void natives() {
        Box2dTests.init();
    }

    @AfterEach
    void dispose() {
        if (arena != null) {
            arena.dispose();
            arena.dispose();
        }
    }

    private static int cell(NavLevel level, int x, int y) {
        return y * level.width() + x;
    }

    @Test
    void theDistanceFieldGoesAroundWallsWithoutCuttingCorners() {
        NavLevel level = NavLevel.parse("u", String.join("\n",
                "#####",
                "#G#.#",
                "#.#.#",
                "#...#",
                "#####"));
        arena = new NavArena(level);
        arena.setGoalCell(cell(level, 1, 3));

        assertEquals(0f, arena.tileDistance(cell(level, 1, 3)));
        assertEquals(2f, arena.tileDistance(cell(level, 1, 1)));
        assertEquals(3f, arena.tileDistance(cell(level, 2, 1)));
        // no diagonal past the wall's corner at (2, 2): along the bottom, then up the right column
        assertEquals(4f, arena.tileDistance(cell(level, 3, 1)));
        assertEquals(5f, arena.tileDistance(cell(level, 3, 2)));
        assertEquals(6f, arena.tileDistance(cell(level, 3, 3)));
        assertEquals(Float.POSITIVE_INFINITY, arena.tileDistance(cell(level, 2, 2)));
    }

    @Test
    void inTheOpenTheFloorDistanceIsTheStraightDistance() {
        NavLevel level = NavLevel.parse("open", String.join("\n",
                "......",
                "......",
                "......",
                "......"));
        arena = new NavArena(level);
        arena.setGoalCell(cell(level, 1, 1));

        assertEquals(0f, arena.distanceToGoal(1.5f, 1.5f), 1e-6f);
        assertEquals(0.3f, arena.distanceToGoal(1.8f, 1.5f), 1e-6f);
        assertEquals(2f, arena.distanceToGoal(3.5f, 1.5f), 1e-6f);
        assertEquals((float) Math.sqrt(2) * 2f, arena.distanceToGoal(3.5f, 3.5f), 1e-5f);
    }

    @Test
    void anAgentIsAtTheGoalWhenTheCirclesOverlap() {
        NavLevel level = NavLevel.parse("l", "....");
        arena = new NavArena(level);
        arena.setGoalCell(0);
        Body agent = arena.createAgent(0f, 0f, "me");

        arena.placeAgent(agent, 0.5f + NavArena.AGENT_RADIUS + NavArena.GOAL_RADIUS - 0.01f, 0.5f);
        assertTrue(arena.atGoal(agent));
        arena.placeAgent(agent, 0.5f + NavArena.AGENT_RADIUS + NavArena.GOAL_RADIUS + 0.01f, 0.5f);
        assertFalse(arena.atGoal(agent));
        assertEquals("me", agent.getUserData());
    }

    @Test
    void aGoalOnAWallOrAStartThatCannotReachItIsAnError() {
        NavLevel level = NavLevel.parse("split", "S#G");
        arena = new NavArena(level);

        assertThrows(AnimataException.class, () -> arena.setGoalCell(1));
        arena.setGoalCell(2);
        AnimataException e = assertThrows(AnimataException.class,
                () -> arena.pickStartCell(new Random(1), false, 0f));
        assertTrue(e.getMessage().contains("no start tile can reach"), e.getMessage());
    }

    @Test
    void pushingAnAgentWithItsForceReachesTheTopSpeed() {
        NavLevel level = NavLevel.parse("long", ".".repeat(60));
        arena = new NavArena(level);
        Body agent = arena.createAgent(1f, 0.5f, null);
        for (int i = 0; i < 100; i++) {
            agent.applyForceToCenter(arena.agentForce(), 0f, true);
            arena.step(NavEnvironment.STEP);
        }

        assertEquals(NavArena.MAX_SPEED, agent.getLinearVelocity().x, 0.1f * NavArena.MAX_SPEED);
    }

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void startsAreReachableFloorTilesFarEnoughFromTheGoal(long seed) {
        Random random = new Random(seed);
        NavLevel level = NavLevel.builtIns().get(random.nextInt(NavLevel.builtIns().size()));
        arena = new NavArena(level);
        boolean anywhere = random.nextBoolean();
        arena.setGoalCell(arena.pickGoalCell(random, anywhere));
        float min = random.nextFloat() * 8f;

        int start = arena.pickStartCell(random, anywhere, min);

        assertTrue(level.isWalkable(start % level.width(), start / level.width()));
        assertTrue(arena.tileDistance(start) >= min, arena.tileDistance(start) + " < " + min);
        if (!anywhere) {
            assertTrue(java.util.Arrays.binarySearch(level.starts(), start) >= 0);
            assertTrue(java.util.Arrays.binarySearch(level.goals(), arena.goalCell()) >= 0);
        }
    }
}
