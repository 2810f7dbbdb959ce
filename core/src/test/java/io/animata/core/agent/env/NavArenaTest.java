package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /** Relaxes every edge until nothing changes: slow, obviously right. */
    private static float[] referenceField(NavLevel level, int goal) {
        int w = level.width();
        float[] dist = new float[w * level.height()];
        java.util.Arrays.fill(dist, Float.POSITIVE_INFINITY);
        dist[goal] = 0f;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u = 0; u < dist.length; u++) {
                int ux = u % w;
                int uy = u / w;
                if (dist[u] == Float.POSITIVE_INFINITY || !level.isWalkable(ux, uy)) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        boolean diagonal = dx != 0 && dy != 0;
                        if ((dx == 0 && dy == 0) || !level.isWalkable(ux + dx, uy + dy) || (diagonal
                                && !(level.isWalkable(ux + dx, uy) && level.isWalkable(ux, uy + dy)))) {
                            continue;
                        }
                        int v = (uy + dy) * w + ux + dx;
                        float d = dist[u] + (diagonal ? (float) Math.sqrt(2) : 1f);
                        if (d < dist[v]) {
                            dist[v] = d;
                            changed = true;
                        }
                    }
                }
            }
        }
        return dist;
    }

    private static NavLevel randomLevel(Random random, int width, int height) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < height; r++) {
            for (int x = 0; x < width; x++) {
                int roll = random.nextInt(10);
                text.append(r == 0 && x == 0 ? '.' : roll < 3 ? '#' : roll < 4 ? 'o' : '.');
            }
            text.append('\n');
        }
        return NavLevel.parse("random", text.toString());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theDistanceFieldIsTheShortestFloorPath(long seed) {
        Random random = new Random(seed);
        NavLevel level = randomLevel(random, 3 + random.nextInt(25), 3 + random.nextInt(20));
        arena = new NavArena(level);
        int goal = arena.pickGoalCell(random, true);
        arena.setGoalCell(goal);

        float[] expected = referenceField(level, goal);
        for (int cell = 0; cell < expected.length; cell++) {
            if (level.isWalkable(cell % level.width(), cell / level.width())) {
                assertEquals(expected[cell], arena.tileDistance(cell), 1e-4f, "cell " + cell);
            }
        }
    }

    @Test
    void largeMapsKeepABoundedCacheOfDistanceFields() {
        Random random = new Random(5);
        NavLevel level = randomLevel(random, 300, 300);
        arena = new NavArena(level);
        int first = arena.pickGoalCell(random, true);
        arena.setGoalCell(first);
        float firstDistance = arena.tileDistance(0);
        // more goal tiles than the cache holds (2^22 floats / 90,000 tiles = 46 fields), then the first again
        for (int i = 0; i < 60; i++) {
            arena.setGoalCell(arena.pickGoalCell(random, true));
        }
        arena.setGoalCell(first);

        assertEquals(firstDistance, arena.tileDistance(0));
        assertEquals(0f, arena.tileDistance(first));
    }

    @Test
    void wallChainsMadeByLevelBodiesLookTheSameToTheRays() {
        NavLevel level = NavLevel.builtIn("rooms");
        float[] boxes = raysFrom(new NavArena(level, NavArena.Walls.BOXES), 3.5f, 2.5f);
        float[] chains = raysFrom(new NavArena(level, NavArena.Walls.CHAINS), 3.5f, 2.5f);

        assertArrayEquals(boxes, chains, 1e-4f);
    }

    private static float[] raysFrom(NavArena made, float x, float y) {
        try {
            made.setGoalCell(made.pickGoalCell(new Random(1), false));
            Body agent = made.createAgent(x, y, null);
            float[] row = new float[NavObservation.RAY_COUNT * NavObservation.FLOATS_PER_RAY];
            NavObservation.raySensor(made, agent).observe(row, 0);
            return row;
        } finally {
            made.dispose();
        }
    }

    @Test
    void aGoalThatFollowsAPointUsesTheDistancesOfTheTileUnderIt() {
        NavLevel level = NavLevel.parse("corridor", String.join("\n",
                "#######",
                "#..o..#",
                "#######"));
        arena = new NavArena(level);
        assertThrows(AnimataException.class, () -> arena.setGoalPosition(3.5f, 1.5f), "no tile yet, and a post");

        arena.setGoalPosition(1.2f, 1.7f);
        assertEquals(cell(level, 1, 1), arena.goalCell());
        assertEquals(1.2f, arena.goalX(), 1e-6f);
        assertEquals(1.7f, arena.goalY(), 1e-6f);
        assertEquals(1f, arena.tileDistance(cell(level, 2, 1)));

        // over the post's tile the goal moves but keeps the last floor tile's distances
        arena.setGoalPosition(3.1f, 1.9f);
        assertEquals(cell(level, 1, 1), arena.goalCell());
        assertEquals(3.1f, arena.goalX(), 1e-6f);
    }

    @Test
    void precomputedFieldsEqualTheOnesComputedOnDemand() {
        Random random = new Random(9);
        NavLevel level = randomLevel(random, 30, 20);
        arena = new NavArena(level);
        NavArena lazy = new NavArena(level);
        try {
            int goal = arena.pickGoalCell(random, true);
            arena.setGoalCell(goal);
            assertTrue(arena.precomputeDistanceFields());
            for (int i = 0; i < 50; i++) {
                int cell = arena.pickGoalCell(random, true);
                arena.setGoalCell(cell);
                lazy.setGoalCell(cell);
                for (int c = 0; c < level.width() * level.height(); c++) {
                    assertEquals(lazy.tileDistance(c), arena.tileDistance(c), "goal " + cell + ", tile " + c);
                }
            }
        } finally {
            lazy.dispose();
        }
        NavArena large = new NavArena(randomLevel(random, 300, 300));
        try {
            assertFalse(large.precomputeDistanceFields(), "90,000 fields do not fit the cache");
        } finally {
            large.dispose();
        }
    }

    @Test
    void theWaypointLeadsAroundWallsAndIsTheGoalOnceInSight() {
        NavLevel level = NavLevel.parse("u", String.join("\n",
                "#########",
                "#G.#....#",
                "#..#....#",
                "#..#....#",
                "#.......#",
                "#########"));
        arena = new NavArena(level);
        arena.setGoalPosition(1.4f, 4.6f);
        com.badlogic.gdx.math.Vector2 out = new com.badlogic.gdx.math.Vector2();

        // from the top of the right room the goal is behind the wall: the waypoint is down the room, in sight
        arena.waypoint(6.5f, 4.5f, 3f, out);
        assertTrue(out.y < 4f, "the waypoint should lead down, round the wall: " + out);
        assertTrue(out.x > 3.5f, "the waypoint should stay on this side of the wall: " + out);
        float before = arena.distanceToGoal(6.5f, 4.5f);
        assertTrue(arena.distanceToGoal(out.x, out.y) < before, "the waypoint is nearer along the floor");

        // in sight and within the look-ahead: the goal itself; no look-ahead: the goal too
        arena.waypoint(1.5f, 2.5f, 6f, out);
        assertEquals(1.4f, out.x, 1e-6f);
        assertEquals(4.6f, out.y, 1e-6f);
        arena.waypoint(6.5f, 4.5f, 0f, out);
        assertEquals(1.4f, out.x, 1e-6f);
    }
}
