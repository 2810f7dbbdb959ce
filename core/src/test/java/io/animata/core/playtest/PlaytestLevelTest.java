package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells and world coordinates, reading, and the text/JSON form jobs carry. */
class PlaytestLevelTest {
    @TempDir
    Path dir;

    @Test
    void cellsAndWorldPointsAgree() {
        PlaytestLevel level = PlaytestTesting.level("l",
                "####",
                "#S.#",
                "#..#",
                "####");
        // cell (1, 1) (row 1 from the top) spans world x [1, 2], y [2, 3] in a 4-row level
        int cell = 1 * 4 + 1;
        assertEquals(1.5f, level.centreX(cell));
        assertEquals(2.5f, level.centreY(cell));
        assertEquals(cell, level.cellAt(1.01f, 2.99f));
        assertEquals(cell, level.cellAt(level.centreX(cell), level.centreY(cell)));
        assertEquals(-1, level.cellAt(-0.01f, 1f));
        assertEquals(-1, level.cellAt(1f, 4f));
        assertEquals(-1, level.cellAt(Float.NaN, 1f));
        assertEquals(cell, level.startOf(0));
        assertEquals(cell, level.startOf(5));
    }

    @Test
    void textAndLegendJsonRoundTrip() {
        PlaytestLevel level = PlaytestTesting.shipped("trap");
        PlaytestLevel copy = PlaytestLevel.parse(level.name(), level.levelText(), level.legendJson());
        assertEquals(level.grid(), copy.grid());
        for (char c : level.legend().tiles()) {
            assertEquals(level.legend().tags(c), copy.legend().tags(c));
            assertEquals(level.legend().color(c), copy.legend().color(c));
        }
    }

    @Test
    void readsTheLegendBesideTheLevel() throws Exception {
        Files.copy(PlaytestTesting.levels().resolve("legend.json"), dir.resolve("legend.json"));
        Files.writeString(dir.resolve("tiny.txt"), "####\n#S.#\n####\n");
        PlaytestLevel level = PlaytestLevel.read(dir.resolve("tiny.txt"), null);
        assertEquals("tiny", level.name());
        assertEquals(2, Regions.of(level).reachableCount());
    }

    @Test
    void errorsSayWhatToDo() throws Exception {
        Files.writeString(dir.resolve("alone.txt"), "#S#\n");
        AnimataException noLegend = assertThrows(AnimataException.class,
                () -> PlaytestLevel.read(dir.resolve("alone.txt"), null));
        assertTrue(noLegend.getMessage().contains("--legend"), noLegend.getMessage());

        AnimataException noStart = assertThrows(AnimataException.class,
                () -> PlaytestLevel.of("x", TileGrid.of("#..#"), PlaytestTesting.legend()));
        assertTrue(noStart.getMessage().contains("no start tile"), noStart.getMessage());

        Legend side = Legend.builder().setView(Legend.View.SIDE).addTile('S', "start").addTile('G', "goal")
                .addTile('X', "solid").build();
        AnimataException sideView = assertThrows(AnimataException.class,
                () -> PlaytestLevel.of("x", TileGrid.of("SGX"), side));
        assertTrue(sideView.getMessage().contains("top-down"), sideView.getMessage());
    }
}
