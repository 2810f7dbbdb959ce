package io.animata.core.level.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.badlogic.gdx.maps.tiled.TiledMap;
import com.badlogic.gdx.maps.tiled.TiledMapTileLayer;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TiledMapsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aMapInMemoryHoldsTheLevel(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Legend legend = TestLevels.platformerLegend();
        TileGrid g = TestLevels.random(rng, 1 + rng.nextInt(30), 1 + rng.nextInt(20), "X-SG^H");
        TiledMap map = TiledMaps.create(g, legend, 32, 16, null);
        assertEquals(g, TiledMaps.toGrid(map, TmxWriter.LAYER));
        TiledMapTileLayer layer = (TiledMapTileLayer) map.getLayers().get(0);
        assertEquals(32f, layer.getTileWidth());
        assertEquals(g.height(), map.getProperties().get("height", Integer.class));
        assertEquals(String.valueOf(g.get(0, g.height() - 1)),
                layer.getCell(0, 0).getTile().getProperties().get("char"), "row 0 is the bottom");
        assertEquals(legend.tiles().size(), map.getTileSets().getTileSet(0).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q"})
    void aTileOutsideTheLegendIsNamed(String bad) {
        AnimataException e = assertThrows(AnimataException.class, () -> TiledMaps.create(
                TileGrid.of("X" + bad), TestLevels.platformerLegend(), 16, 16, null));
        assertEquals(true, e.getMessage().contains("'Q' at (1, 0)"), e.getMessage());
    }
}
