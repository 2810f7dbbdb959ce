package io.animata.core.level.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.maps.MapObject;
import com.badlogic.gdx.maps.MapObjects;
import com.badlogic.gdx.maps.tiled.TiledMap;
import com.badlogic.gdx.maps.tiled.TiledMapTileLayer;
import com.badlogic.gdx.maps.tiled.TmxMapLoader;
import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.io.TmxReader;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.testing.HeadlessGl;
import io.animata.core.level.testing.TestLevels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TmxWriterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomLevelsRoundTripThroughTmxReader(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Legend legend = TestLevels.dungeonLegend();
        TileGrid g = TestLevels.random(rng, 1 + rng.nextInt(40), 1 + rng.nextInt(30), "#.S^G");
        TmxWriter writer = TmxWriter.builder().setLegend(legend).build();
        Path file = dir.resolve("r" + seed + ".tmx");
        writer.write(g, file);
        assertEquals(g, TmxReader.read(file, legend));
    }

    @Test
    void libgdxTmxMapLoaderLoadsTheMapsHeadless() throws Exception {
        Legend legend = Examples.legend("platformer");
        TmxWriter writer = TmxWriter.builder().setLegend(legend).optTileSize(16, 16).build();
        TilesetImage.write(legend, 16, 16, dir.resolve(writer.tilesetImage()));
        for (ExampleLevel e : Examples.levels("platformer")) {
            Path file = dir.resolve(e.name().replace(".txt", ".tmx"));
            writer.write(e.grid(), file);
            try (HeadlessGl gl = HeadlessGl.install()) {
                TiledMap map = new TmxMapLoader(FileHandle::new).load(file.toString());
                try {
                    assertEquals(1, gl.texturesMade(), "the tileset picture");
                    assertEquals(e.grid().width(), map.getProperties().get("width", Integer.class));
                    assertEquals(e.grid().height(), map.getProperties().get("height", Integer.class));
                    assertEquals(16, map.getProperties().get("tilewidth", Integer.class));
                    TiledMapTileLayer layer = (TiledMapTileLayer) map.getLayers().get(TmxWriter.LAYER);
                    assertEquals(e.grid().width(), layer.getWidth());
                    assertEquals(e.grid(), TiledMaps.toGrid(map, TmxWriter.LAYER), e.name());
                    // libGDX rows count from the bottom
                    char bottomLeft = e.grid().get(0, e.grid().height() - 1);
                    assertEquals(String.valueOf(bottomLeft),
                            layer.getCell(0, 0).getTile().getProperties().get("char"));
                    assertEquals(legend.isSolid(bottomLeft),
                            layer.getCell(0, 0).getTile().getProperties().get("solid", Boolean.class));
                    MapObjects markers = map.getLayers().get(TmxWriter.MARKERS).getObjects();
                    assertEquals(2, markers.getCount());
                    MapObject start = markers.get("start");
                    int s = e.grid().indexOf('S');
                    // y-down pixels in the file; libGDX flips them to y-up
                    assertEquals(s % e.grid().width() * 16 + 8, start.getProperties().get("x", Float.class), 1e-3);
                } finally {
                    map.dispose();
                }
            }
        }
    }

    @Test
    void theTilesetPictureHasATilePerLegendCharacterInItsColour() throws Exception {
        Legend legend = Examples.legend("dungeon");
        Path png = dir.resolve("t.png");
        TilesetImage.write(legend, 8, 8, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(legend.tiles().size() * 8, img.getWidth());
        assertEquals(8, img.getHeight());
        int i = 0;
        for (char c : legend.tiles()) {
            assertEquals(legend.colorOrDefault(c), img.getRGB(i * 8 + 4, 4) & 0xffffff, Legend.describe(c));
            i++;
        }
    }

    @Test
    void theXmlIsCsvOrthogonalAndFinite() {
        String xml = TmxWriter.builder().setLegend(TestLevels.dungeonLegend()).build().toXml(TestLevels.dungeon());
        assertTrue(xml.contains("orientation=\"orthogonal\""), xml);
        assertTrue(xml.contains("infinite=\"0\""), xml);
        assertTrue(xml.contains("<data encoding=\"csv\">"), xml);
    }
}
