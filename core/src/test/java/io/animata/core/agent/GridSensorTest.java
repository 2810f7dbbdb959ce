package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.maps.tiled.TiledMapTileLayer;
import com.badlogic.gdx.maps.tiled.tiles.StaticTiledMapTile;
import com.badlogic.gdx.math.Vector2;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GridSensorTest {
    private static final int WALL = 1;
    private static final int LAVA = 2;

    /** A grid from text rows, the first row at the top: '#' wall, '~' lava, anything else 0. */
    private static TileSource grid(String... rows) {
        int height = rows.length;
        int width = rows[0].length();
        int[] codes = new int[width * height];
        for (int r = 0; r < height; r++) {
            for (int x = 0; x < width; x++) {
                char c = rows[r].charAt(x);
                codes[(height - 1 - r) * width + x] = c == '#' ? WALL : c == '~' ? LAVA : 0;
            }
        }
        return new TileSource() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int tileAt(int x, int y) {
                return codes[y * width + x];
            }
        };
    }

    @Test
    void seesTheThreeByThreeTilesAroundTheAgentBottomRowFirst() {
        TileSource level = grid(
                "#####",
                "#..~#",
                "#.#.#",
                "#####");
        // agent in tile (2, 2): the '.' right of '#' on the second row from the top... the tile at x=2, y=2 is '.'
        GridSensor sensor = new GridSensor(level, new Vector2(2.5f, 2.5f),
                GridSensor.config().setTileCodes(WALL, LAVA).optRadius(1));
        float[] out = new float[sensor.width()];

        sensor.observe(out, 0);

        assertEquals(18, sensor.width());
        assertArrayEquals(new float[] {
                0, 0, 1, 0, 0, 0,   // y = 1: '.', '#', '.'
                0, 0, 0, 0, 0, 1,   // y = 2: '.', '.', '~'
                1, 0, 1, 0, 1, 0,   // y = 3: '#', '#', '#'
        }, out);
    }

    @Test
    void cellsOffTheMapReadAsTheOutsideCodeOrAsNothing() {
        TileSource level = grid("..", "..");
        float[] walled = new float[9];
        float[] open = new float[9];

        new GridSensor(level, new Vector2(0.5f, 0.5f), GridSensor.config().setTileCodes(WALL).optRadius(1)
                .optOutside(WALL)).observe(walled, 0);
        new GridSensor(level, new Vector2(0.5f, 0.5f), GridSensor.config().setTileCodes(WALL).optRadius(1))
                .observe(open, 0);

        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 1, 0, 0}, walled);
        assertArrayEquals(new float[9], open);
    }

    @Test
    void cellSizeAndOriginMapWorldPositionsToTiles() {
        TileSource level = grid("#.", "..");
        float[] out = new float[1];
        // tiles of 2 m from (-4, -4): (-3.5, -1) is in tile (0, 1), the wall
        new GridSensor(level, new Vector2(-3.5f, -1f), GridSensor.config().setTileCodes(WALL).optRadius(0)
                .optCellSize(2f).optOrigin(-4f, -4f)).observe(out, 0);

        assertArrayEquals(new float[] {1}, out);
    }

    @Test
    void readsAGeneratedLevelTopRowLast() {
        io.animata.core.level.TileGrid level = io.animata.core.level.TileGrid.of(
                "#G#",
                "#.#",
                "#S#");
        TileSource tiles = TileSource.of(level);
        assertEquals(3, tiles.width());
        assertEquals(3, tiles.height());
        assertEquals('S', tiles.tileAt(1, 0));
        assertEquals('.', tiles.tileAt(1, 1));
        assertEquals('G', tiles.tileAt(1, 2));
        assertEquals('#', tiles.tileAt(0, 2));
    }

    @Test
    void readsATiledMapLayerByTileId() {
        TiledMapTileLayer layer = new TiledMapTileLayer(3, 3, 16, 16);
        StaticTiledMapTile wall = new StaticTiledMapTile(new TextureRegion());
        wall.setId(7);
        TiledMapTileLayer.Cell cell = new TiledMapTileLayer.Cell();
        cell.setTile(wall);
        layer.setCell(2, 1, cell);
        TileSource grid = TileSource.of(layer);
        float[] out = new float[9];

        new GridSensor(grid, new Vector2(1.5f, 1.5f), GridSensor.config().setTileCodes(7).optRadius(1)).observe(out, 0);

        assertEquals(7, grid.tileAt(2, 1));
        assertEquals(0, grid.tileAt(0, 0));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 0, 0, 0}, out);
    }

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyCellMatchesTheTileUnderIt(long seed) {
        Random random = new Random(seed);
        int width = 1 + random.nextInt(12);
        int height = 1 + random.nextInt(12);
        int[][] tiles = new int[width][height];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                tiles[x][y] = random.nextInt(4);
            }
        }
        TileSource level = new TileSource() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int tileAt(int x, int y) {
                return tiles[x][y];
            }
        };
        int radius = random.nextInt(4);
        Vector2 position = new Vector2(random.nextFloat() * (width + 4) - 2, random.nextFloat() * (height + 4) - 2);
        GridSensor sensor = new GridSensor(level, position, GridSensor.config().setTileCodes(1, 3).optRadius(radius)
                .optOutside(3));
        float[] out = new float[sensor.width()];

        sensor.observe(out, 0);

        int cx = (int) Math.floor(position.x);
        int cy = (int) Math.floor(position.y);
        int cell = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++, cell++) {
                int x = cx + dx;
                int y = cy + dy;
                int code = x >= 0 && y >= 0 && x < width && y < height ? tiles[x][y] : 3;
                assertArrayEquals(new float[] {code == 1 ? 1 : 0, code == 3 ? 1 : 0},
                        new float[] {out[2 * cell], out[2 * cell + 1]}, "cell " + dx + "," + dy);
            }
        }
    }
}
