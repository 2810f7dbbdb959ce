package io.animata.core.agent.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NavLevelTest {

    @Test
    void readsTilesWithTheFirstLineAtTheTop() {
        NavLevel level = NavLevel.parse("t", "#G#\r\n#o.\n#S.\n\n");

        assertEquals(3, level.width());
        assertEquals(3, level.height());
        assertEquals(NavLevel.WALL, level.tileAt(0, 0));
        assertEquals(NavLevel.FLOOR, level.tileAt(1, 0)); // S
        assertEquals(NavLevel.OBSTACLE, level.tileAt(1, 1));
        assertEquals(NavLevel.FLOOR, level.tileAt(1, 2)); // G
        assertArrayEquals(new int[] {1}, level.starts());
        assertArrayEquals(new int[] {7}, level.goals());
        assertTrue(level.isWalkable(2, 1));
        assertFalse(level.isWalkable(1, 1));
        assertFalse(level.isWalkable(-1, 0));
        assertFalse(level.isWalkable(3, 0));
        assertEquals(4, level.walkableCount());
    }

    @Test
    void reportsRaggedRowsUnknownTilesAndLevelsWithoutFloor() {
        AnimataException ragged = assertThrows(AnimataException.class, () -> NavLevel.parse("r", "###\n#.\n###"));
        assertEquals("nav level 'r': row 2 has 2 tiles but row 1 has 3 (every row must be as long as the first)",
                ragged.getMessage());
        AnimataException unknown = assertThrows(AnimataException.class, () -> NavLevel.parse("u", "##\n#x"));
        assertTrue(unknown.getMessage().contains("unknown tile 'x' at row 2, column 2"), unknown.getMessage());
        assertThrows(AnimataException.class, () -> NavLevel.parse("w", "##\n##"));
        assertThrows(AnimataException.class, () -> NavLevel.parse("e", "\n\n"));
    }

    @Test
    void theBuiltInLevelsAreThereByName() {
        assertEquals(4, NavLevel.builtIns().size());
        for (NavLevel level : NavLevel.builtIns()) {
            assertEquals(level, NavLevel.builtIn(level.name()));
            assertTrue(level.starts().length > 0 && level.goals().length > 0, level.name());
        }
        AnimataException e = assertThrows(AnimataException.class, () -> NavLevel.builtIn("maze"));
        assertTrue(e.getMessage().contains("[open, pillars, walls, rooms]"), e.getMessage());
    }

    static LongStream seeds() {
        return LongStream.range(1, 16);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLevelWrittenAsTextReadsBackTheSame(long seed) {
        Random random = new Random(seed);
        int width = 1 + random.nextInt(20);
        int height = 1 + random.nextInt(15);
        String tiles = "#.SGo";
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < height; r++) {
            for (int x = 0; x < width; x++) {
                text.append(r == 0 && x == 0 ? '.' : tiles.charAt(random.nextInt(tiles.length())));
            }
            if (r < height - 1) {
                text.append('\n');
            }
        }

        NavLevel level = NavLevel.parse("random", text.toString());

        assertEquals(text.toString(), level.toText());
        assertEquals(text.toString(), NavLevel.parse("again", level.toText()).toText());
    }

    @Test
    void aGeneratedLevelBecomesANavLevelByItsLegendsTags() {
        Legend legend = Legend.builder()
                .addTile('#', "solid", "wall").addTile('.', "passable", "floor").addTile('+', "passable", "door")
                .addTile('^', "passable", "hazard").addTile('S', "passable", "start").addTile('G', "passable", "goal")
                .build();
        TileGrid grid = TileGrid.of(
                "#####",
                "#S+^#",
                "#.xG#",
                "#####");

        NavLevel level = NavLevel.of("dungeon", grid, legend);

        // the grid's top row stays the top row; '^' (a hazard) is an obstacle; 'x' (unknown) and '+' are floor
        assertEquals("#####\n#S.o#\n#..G#\n#####", level.toText());
        assertEquals("dungeon", level.name());
        assertArrayEquals(new int[] {2 * 5 + 1}, level.starts());
        assertArrayEquals(new int[] {5 + 3}, level.goals());
        assertEquals(5, level.walkableCount());
        assertThrows(AnimataException.class, () -> NavLevel.of("walls", TileGrid.filled(3, 3, '#'), legend));
    }
}
