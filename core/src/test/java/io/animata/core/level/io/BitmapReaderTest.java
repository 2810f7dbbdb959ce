package io.animata.core.level.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BitmapReaderTest {
    private static final Legend LEGEND = Legend.builder()
            .addTile('#', "solid").addTile('.', "passable").addTile('S', "start").addTile('G', "goal")
            .optColor('#', 0x000000).optColor('.', 0xffffff).optColor('S', 0x00ff00).optColor('G', 0xff0000)
            .build();

    @TempDir
    Path dir;

    private Path png(TileGrid g, Map<Character, Integer> colors, String name) throws Exception {
        BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                img.setRGB(x, y, 0xff000000 | colors.get(g.get(x, y)));
            }
        }
        Path f = dir.resolve(name);
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomBitmapsReadBackThroughTheLegendsColours(long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid g = TestLevels.random(rng, 1 + rng.nextInt(30), 1 + rng.nextInt(30), "#.SG");
        Map<Character, Integer> colors = Map.of('#', 0, '.', 0xffffff, 'S', 0x00ff00, 'G', 0xff0000);
        assertEquals(g, BitmapReader.read(png(g, colors, "r.png"), LEGEND));
    }

    @Test
    void withoutALegendEachColourIsANewCharacter() throws Exception {
        TileGrid g = TileGrid.of("#.#", "...");
        BitmapReader.Palette p = BitmapReader.readPalette(png(g, Map.of('#', 0x123456, '.', 0xabcdef), "p.png"));
        assertEquals(TileGrid.of("aba", "bbb"), p.grid());
        assertEquals(Map.of('a', 0x123456, 'b', 0xabcdef), p.colors());
    }

    @Test
    void anUnknownColourIsNamedWithItsPixel() throws Exception {
        TileGrid g = TileGrid.of("#.", ".?");
        Path f = png(g, Map.of('#', 0, '.', 0xffffff, '?', 0x0000ff), "u.png");
        AnimataException e = assertThrows(AnimataException.class, () -> BitmapReader.read(f, LEGEND));
        assertTrue(e.getMessage().startsWith(f + " pixel (1, 1): colour #0000ff is not one of the legend's colours"),
                e.getMessage());
    }

    @Test
    void aLegendWithoutColoursAndANonImageAreExplained() throws Exception {
        Path f = png(TileGrid.of("#"), Map.of('#', 0), "a.png");
        AnimataException noColors = assertThrows(AnimataException.class,
                () -> BitmapReader.read(f, TestLevels.dungeonLegend()));
        assertTrue(noColors.getMessage().contains("the legend has no \"colors\""), noColors.getMessage());
        Path text = dir.resolve("b.png");
        Files.writeString(text, "not a picture");
        AnimataException notImage = assertThrows(AnimataException.class, () -> BitmapReader.read(text, LEGEND));
        assertTrue(notImage.getMessage().contains("is not an image"), notImage.getMessage());
    }
}
