package io.animata.core.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LevelConstraintsTest {
    private final Legend legend = TestLevels.dungeonLegend();

    @Test
    void aLevelThatKeepsEveryConstraintPasses() {
        LevelConstraints c = LevelConstraints.builder().optBorder('#').optFixed(1, 1, 'S').optCount('S', 1, 1)
                .optCount('G', 1, 3).optConnectedMarkers().build();
        assertEquals(Optional.empty(), c.violation(TestLevels.dungeon(), legend));
    }

    @Test
    void eachBrokenConstraintIsNamed() {
        TileGrid d = TestLevels.dungeon();
        assertEquals(Optional.of("tile (0, 3) is '.', must be '#'"), LevelConstraints.builder().optBorder('#')
                .build().violation(d.with(0, 3, '.'), legend));
        assertEquals(Optional.of("tile (2, 2) is '.', must be 'G'"),
                LevelConstraints.builder().optFixed(2, 2, 'G').build().violation(d, legend));
        assertEquals(Optional.of("2 tiles 'S', must be exactly 1"),
                LevelConstraints.builder().optCount('S', 1, 1).build().violation(d.with(2, 2, 'S'), legend));
        TileGrid walledOff = d.with(5, 3, '#');
        assertEquals(Optional.of("marker 'G' at (9, 5) cannot be reached from 'S' at (1, 1)"),
                LevelConstraints.builder().optConnectedMarkers().build().violation(walledOff, legend));
        TileGrid spiked = d.with(5, 3, '^');
        assertEquals(true, LevelConstraints.builder().optConnectedMarkers().build().violation(spiked, legend)
                .isPresent(), "hazards block paths");
    }

    @Test
    void fixedTilesWinOverTheBorderAndMustLieInside() {
        LevelConstraints c = LevelConstraints.builder().optBorder('#').optFixed(0, 1, 'S').build();
        assertEquals(8, c.pinnedTiles(3, 3).size(), "8 border tiles, one of them S");
        assertEquals('S', c.pinnedTiles(3, 3).get(0).tile());
        assertThrows(AnimataException.class, () -> LevelConstraints.builder().optFixed(5, 0, '#').build()
                .pinnedTiles(3, 3));
        assertThrows(AnimataException.class, () -> LevelConstraints.builder().optCount('S', 2, 1));
    }
}
