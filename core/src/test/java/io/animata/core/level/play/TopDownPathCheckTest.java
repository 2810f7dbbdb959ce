package io.animata.core.level.play;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.testing.TestLevels;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopDownPathCheckTest {
    private final Legend legend = TestLevels.dungeonLegend();
    private final TopDownPathCheck check = new TopDownPathCheck(legend);

    @Test
    void findsAShortestPath() {
        Playability p = check.check(TileGrid.of("#####", "#S..#", "##.##", "#..G#", "#####"));
        assertTrue(p.isPlayable());
        assertArrayEquals(new int[] {6, 7, 12, 17, 18}, p.path());
        assertEquals(4, p.moves());
    }

    @Test
    void wallsAndHazardsBlock() {
        Playability walled = check.check(TileGrid.of("S#G"));
        assertFalse(walled.isPlayable());
        assertEquals(Optional.of("the goal at (2, 0) cannot be reached from the start at (0, 0)"), walled.reason());
        assertFalse(check.check(TileGrid.of("S^G")).isPlayable());
        assertTrue(check.check(TileGrid.of("S^G", "...")).isPlayable());
    }

    @Test
    void markersAreCounted() {
        assertEquals(Optional.of("the level has no start tile"), check.check(TileGrid.of("..G")).reason());
        assertEquals(Optional.of("the level has no goal tile"), check.check(TileGrid.of("S..")).reason());
        assertEquals(Optional.of("the level has 2 start tiles, a level needs exactly one"),
                check.check(TileGrid.of("S.SG")).reason());
        assertFalse(check.check(TileGrid.of("S.G#G")).isPlayable(), "every goal must be reachable");
    }

    @Test
    void theShippedDungeonsArePlayable() {
        Legend dungeon = Examples.legend("dungeon");
        for (ExampleLevel e : Examples.levels("dungeon")) {
            Playability p = PlayabilityCheck.forLegend(dungeon).check(e.grid());
            assertTrue(p.isPlayable(), e.name() + ": " + p);
        }
    }
}
