package io.animata.core.level.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextGridReaderTest {
    private final Legend legend = TestLevels.dungeonLegend();

    @TempDir
    Path dir;

    @Test
    void readsRowsFromTheTop() {
        TileGrid g = TextGridReader.parse("#S#\n#.#\n#G#\n", "t.txt", legend);
        assertEquals(3, g.width());
        assertEquals(3, g.height());
        assertEquals('S', g.get(1, 0));
        assertEquals('G', g.get(1, 2));
    }

    @Test
    void acceptsWindowsLineEndingsATrailingBlankLineAndABom() {
        assertEquals(TileGrid.of("#S", "G#"), TextGridReader.parse("\uFEFF#S\r\nG#\r\n\r\n", "t.txt", legend));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomLevelsRoundTripThroughText(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid g = TestLevels.random(rng, 1 + rng.nextInt(40), 1 + rng.nextInt(20), "#.SG^");
        assertEquals(g, TextGridReader.parse(g.toText(), "r.txt", legend));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void anUnknownCharacterIsNamedWithItsLineAndColumn(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid g = TestLevels.random(rng, 2 + rng.nextInt(30), 2 + rng.nextInt(15), "#.");
        int x = rng.nextInt(g.width());
        int y = rng.nextInt(g.height());
        String text = g.with(x, y, 'Q').toText();
        AnimataException e = assertThrows(AnimataException.class, () -> TextGridReader.parse(text, "u.txt", legend));
        assertEquals("u.txt line " + (y + 1) + ", column " + (x + 1) + ": character 'Q' is not in the legend (its "
                + "tiles: '#' '.' 'S' 'G' '^'); add it to the legend or fix the level", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void raggedRowsAreNamed(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid g = TestLevels.random(rng, 3 + rng.nextInt(30), 2 + rng.nextInt(15), "#.");
        int y = 1 + rng.nextInt(g.height() - 1);
        String[] rows = g.toText().split("\n");
        rows[y] = rows[y].substring(1);
        String text = String.join("\n", rows);
        AnimataException e = assertThrows(AnimataException.class, () -> TextGridReader.parse(text, "r.txt", legend));
        assertTrue(e.getMessage().startsWith("r.txt line " + (y + 1) + " has " + (g.width() - 1)
                + " characters, line 1 has " + g.width()), e.getMessage());
    }

    @Test
    void aBlankLineInsideTheLevelIsARaggedRow() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> TextGridReader.parse("##\n\n##\n", "b.txt", legend));
        assertTrue(e.getMessage().startsWith("b.txt line 2 is blank"), e.getMessage());
    }

    @Test
    void anEmptyFileIsExplained() throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "\n\n");
        AnimataException e = assertThrows(AnimataException.class, () -> TextGridReader.read(file, legend));
        assertEquals(file + " is empty: a text level needs at least one row of tiles", e.getMessage());
    }

    @Test
    void aTabIsNamedAsWhitespace() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> TextGridReader.parse("#\t#\n", "t.txt", legend));
        assertTrue(e.getMessage().contains("character U+0009 (whitespace)"), e.getMessage());
    }

    @Test
    void invalidUtf8IsExplained() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "#\u00e9#".getBytes(StandardCharsets.ISO_8859_1));
        AnimataException e = assertThrows(AnimataException.class, () -> TextGridReader.read(file, legend));
        assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    }

    @Test
    void withoutALegendAnyCharacterIsATile() {
        assertEquals(TileGrid.of("ab", "cd"), TextGridReader.parse("ab\ncd", "t.txt", null));
    }
}
