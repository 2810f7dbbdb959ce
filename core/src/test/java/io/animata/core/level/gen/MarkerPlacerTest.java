package io.animata.core.level.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.testing.TestLevels;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkerPlacerTest {
    @Test
    void stripReplacesMarkersWithFloor() {
        assertEquals(TileGrid.of("#..#"), MarkerPlacer.strip(TileGrid.of("#SG#"), TestLevels.dungeonLegend()));
    }

    @Test
    void topDownTheStartAndGoalEndTheLongestWalk() {
        Legend legend = TestLevels.dungeonLegend();
        TileGrid g = TileGrid.of(
                "#######",
                "#.....#",
                "#####.#",
                "#.....#",
                "#######");
        TileGrid placed = new MarkerPlacer(legend).place(g, 1).orElseThrow();
        Playability p = PlayabilityCheck.forLegend(legend).check(placed);
        assertTrue(p.isPlayable());
        assertEquals(10, p.moves(), placed.toText());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sideViewTheStartIsOnTheLeftAndTheGoalAsFarRightAsCanBeReached(long seed) {
        Legend legend = Examples.legend("platformer");
        for (ExampleLevel e : Examples.levels("platformer")) {
            TileGrid placed = new MarkerPlacer(legend).place(MarkerPlacer.strip(e.grid(), legend), seed).orElseThrow();
            int s = placed.indexOf('S');
            int g = placed.indexOf('G');
            assertTrue(s % placed.width() <= 2, e.name() + "\n" + placed.toText());
            assertTrue(g % placed.width() >= placed.width() - 6, e.name() + "\n" + placed.toText());
            assertTrue(PlayabilityCheck.forLegend(legend).check(placed).isPlayable(), e.name());
        }
    }

    @Test
    void existingMarkersAreKept() {
        Legend legend = TestLevels.dungeonLegend();
        TileGrid g = TileGrid.of("S....");
        assertEquals(TileGrid.of("S...G"), new MarkerPlacer(legend).place(g, 7).orElseThrow());
        assertEquals(Optional.empty(), new MarkerPlacer(legend).place(TileGrid.of("###"), 7));
    }
}
