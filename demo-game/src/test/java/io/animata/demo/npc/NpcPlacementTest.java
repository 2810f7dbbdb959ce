package io.animata.demo.npc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.level.Legend;
import io.animata.demo.DemoAssets;
import io.animata.demo.DungeonLevel;
import io.animata.demo.DungeonLevels;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where NPCs stand and which door is locked, over generated dungeons of several seeds. */
class NpcPlacementTest {
    private static DungeonLevels levels;

    @BeforeAll
    static void learnTheDungeons() {
        GdxNativesLoader.load();
        Box2D.init();
        Legend legend = DemoAssets.dungeonLegend();
        levels = new DungeonLevels(legend, DemoAssets.dungeonExamples(legend), DungeonLevels.Style.WFC, 11L);
    }

    @AfterAll
    static void release() {
        levels.dispose();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void theGuardsPlaceIsAFreeReachableFloorTileNextToTheDoorOnTheOpenSide(int index) {
        DungeonLevel level = levels.make(index);
        Legend legend = level.legend();
        LockedDoor door = LockedDoor.choose(level);
        int[] cells = NpcPlacement.choose(level, door, 3, 7L + index);
        int atDoor = NpcPlacement.nearDoor(level, door, cells, cells[2]);
        if (!door.isPresent()) {
            assertEquals(-1, atDoor);
            return;
        }
        int[] reach = FloorPaths.distances(level.grid(), legend, level.start(), door.cell());
        assertTrue(reach[atDoor] >= 0, "reachable with the door shut");
        assertFalse(door.isBehind(atDoor));
        assertTrue(atDoor != cells[0] && atDoor != cells[1], "not where another NPC stands");
        char c = level.grid().at(atDoor);
        assertFalse(legend.hasTag(c, "door") || legend.hasTag(c, "collectable") || legend.isGoal(c)
                || legend.isStart(c));
        int w = level.width();
        int gap = Math.abs(atDoor % w - door.cell() % w) + Math.abs(atDoor / w - door.cell() / w);
        assertTrue(gap <= 2, "the door is " + gap + " tiles away");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void npcsStandOnDistinctReachableFloorTilesInFrontOfTheLockedDoor(int index) {
        DungeonLevel level = levels.make(index);
        Legend legend = level.legend();
        LockedDoor door = LockedDoor.choose(level);
        for (int count : new int[] {1, 3, 10}) {
            int[] cells = NpcPlacement.choose(level, door, count, 7L + index);
            assertEquals(count, cells.length);
            int[] reach = FloorPaths.distances(level.grid(), legend, level.start(), door.cell());
            Set<Integer> seen = new HashSet<>();
            for (int cell : cells) {
                char c = level.grid().at(cell);
                assertTrue(legend.hasTag(c, "floor") && !legend.isStart(c), "tile '" + c + "' at " + cell);
                assertFalse(legend.isSolid(c) || legend.isHazard(c) || legend.hasTag(c, "door")
                        || legend.hasTag(c, "collectable"), "tile '" + c + "' at " + cell);
                assertTrue(cell != level.start() && cell != level.goal());
                assertTrue(reach[cell] >= NpcPlacement.MIN_START_DISTANCE, "reachable, away from the start");
                assertFalse(door.isBehind(cell), "not locked in");
                assertTrue(seen.add(cell), "distinct cells");
            }
            assertArrayEquals(cells, NpcPlacement.choose(level, door, count, 7L + index), "deterministic");
        }
        int[] three = NpcPlacement.choose(level, door, 3, 1L);
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                int dx = Math.abs(three[i] % level.width() - three[j] % level.width());
                int dy = Math.abs(three[i] / level.width() - three[j] / level.width());
                assertTrue(Math.max(dx, dy) >= NpcPlacement.SPACING, "the cast stands apart");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void theLockedDoorClosesOffADeadEndAndLeavesTheStairsReachable(int index) {
        DungeonLevel level = levels.make(index);
        LockedDoor door = LockedDoor.choose(level);
        if (!door.isPresent()) {
            assertEquals(-1, door.cell());
            return;
        }
        assertTrue(level.legend().hasTag(level.grid().at(door.cell()), "door"));
        int[] shut = FloorPaths.distances(level.grid(), level.legend(), level.start(), door.cell());
        assertTrue(shut[level.goal()] >= 0, "the stairs can be reached with the door shut");
        assertTrue(door.roomSize() >= LockedDoor.MIN_ROOM);
        int behind = 0;
        for (int c = 0; c < level.grid().size(); c++) {
            if (door.isBehind(c)) {
                behind++;
                assertTrue(shut[c] < 0, "behind the door means cut off");
            }
        }
        assertEquals(door.roomSize(), behind);
    }

    @Test
    void mostDungeonsHaveADoorToLock() {
        int present = 0;
        for (int i = 0; i < 6; i++) {
            present += LockedDoor.choose(levels.make(i)).isPresent() ? 1 : 0;
        }
        assertTrue(present >= 3, present + " of 6 dungeons have a locked door");
    }

    @Test
    void lockingPutsAWallBodyOnTheDoorAndOpeningRemovesIt() {
        DungeonLevel level = levels.make(0);
        LockedDoor door = LockedDoor.choose(level);
        assertTrue(door.isPresent());
        World world = new World(new Vector2(), true);
        try {
            assertFalse(door.open(), "not locked yet");
            door.lock(world, level.worldX(door.cell()), level.worldY(door.cell()));
            assertTrue(door.isLocked());
            assertEquals(1, world.getBodyCount());
            door.lock(world, 0f, 0f);
            assertEquals(1, world.getBodyCount(), "locking twice makes one wall");
            assertTrue(door.open());
            assertFalse(door.isLocked());
            assertEquals(0, world.getBodyCount());
            assertFalse(door.open());
        } finally {
            world.dispose();
        }
    }

    @Test
    void tooManyNpcsForTheFloorIsAClearError() {
        DungeonLevel level = levels.make(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpcPlacement.choose(level, LockedDoor.choose(level), 5000, 1L));
        assertTrue(e.getMessage().contains("too few for 5000 NPCs"), e.getMessage());
    }
}
