package io.animata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.TopDownPathCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo's dungeons: whole, playable by construction, the same for a seed and a level number. */
class DungeonLevelsTest {
    private static final Legend LEGEND = DemoAssets.dungeonLegend();
    private static final List<TileGrid> EXAMPLES = DemoAssets.dungeonExamples(LEGEND);

    @ParameterizedTest
    @EnumSource(DungeonLevels.Style.class)
    void everyDungeonIsWholeAndPlayable(DungeonLevels.Style style) {
        for (long seed = 1; seed <= 3; seed++) {
            try (DungeonLevels levels = new DungeonLevels(LEGEND, EXAMPLES, style, seed)) {
                for (int index = 0; index < 3; index++) {
                    DungeonLevel level = levels.make(index);
                    String where = style + " seed " + seed + " level " + index + "\n" + level.grid().toText();
                    assertEquals(DungeonLevels.WIDTH, level.width());
                    assertEquals(DungeonLevels.HEIGHT, level.height());
                    assertTrue(level.playability().isPlayable(), where);
                    assertTrue(level.pathLength() - 1 >= DungeonLevels.MIN_PATH_MOVES, where);
                    assertEquals(index, level.index());
                    int[] reach = new TopDownPathCheck(LEGEND).distances(level.grid(), level.start());
                    int open = 0;
                    for (int cell = 0; cell < reach.length; cell++) {
                        char c = level.grid().at(cell);
                        int x = cell % level.width();
                        int y = cell / level.width();
                        if (x == 0 || y == 0 || x == level.width() - 1 || y == level.height() - 1) {
                            assertTrue(LEGEND.isSolid(c), "the outer ring is wall: " + where);
                        }
                        if (LEGEND.isPassable(c) && !LEGEND.isHazard(c)) {
                            assertTrue(reach[cell] >= 0, "tile (" + x + ", " + y + ") is cut off: " + where);
                            open++;
                        }
                    }
                    // a dungeon, not a corridor: a good share of the map is open
                    assertTrue(open > level.grid().size() / 5, open + " open tiles: " + where);
                    assertEquals(open, level.navLevel().walkableCount(), "the bots walk where the player walks");
                }
            }
        }
    }

    @Test
    void aLevelDependsOnTheSeedAndItsNumberOnly() throws Exception {
        try (DungeonLevels a = new DungeonLevels(LEGEND, EXAMPLES, DungeonLevels.Style.WFC, 7);
                DungeonLevels b = new DungeonLevels(LEGEND, EXAMPLES, DungeonLevels.Style.WFC, 7)) {
            Future<DungeonLevel> ahead = b.prefetch(2); // made on the level thread, in another order
            assertEquals(a.make(2).grid(), DungeonLevels.await(ahead).grid());
            assertEquals(a.make(0).grid(), b.make(0).grid());
            assertNotEquals(a.make(0).grid(), a.make(1).grid());
        }
    }

    @Test
    void joiningConnectsOpenAreasAndFillsPockets() {
        try (DungeonLevels levels = new DungeonLevels(LEGEND, EXAMPLES, DungeonLevels.Style.WFC, 1)) {
            TileGrid split = TileGrid.of(
                    "############",
                    "#....#.....#",
                    "#....#.....#",
                    "#....#######",
                    "#....#..#..#",
                    "############");
            TileGrid joined = levels.joinAreas(split);

            assertEquals(TileGrid.of(
                    "############",
                    "#..........#",
                    "#....#.....#",
                    "#....#######",
                    "#....#######",
                    "############"), joined);
        }
    }

    @Test
    void prefetchAfterDisposeIsAnError() {
        DungeonLevels levels = new DungeonLevels(LEGEND, EXAMPLES, DungeonLevels.Style.BSP, 1);
        levels.dispose();
        levels.dispose();
        assertThrows(IllegalStateException.class, () -> levels.prefetch(0));
    }

    @Test
    void theExampleListNamesEveryDungeonInTheAssetsFolder() throws IOException {
        Path dir = Path.of(System.getProperty("animata.root", "..")).resolve("assets/levels/dungeon");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            assertEquals(names, DemoAssets.DUNGEON_EXAMPLES);
        }
    }
}
