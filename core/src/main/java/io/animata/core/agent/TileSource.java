package io.animata.core.agent;

import com.badlogic.gdx.maps.tiled.TiledMapTile;
import com.badlogic.gdx.maps.tiled.TiledMapTileLayer;
import io.animata.core.level.TileGrid;

/**
 * A rectangle of tiles, each an integer code (a tile id, or a game's own code for wall, floor, lava): what a
 * {@link GridSensor} reads. Views exist over a Tiled layer ({@link #of(TiledMapTileLayer)}) and over a level of
 * {@code io.animata.core.level} ({@link #of(TileGrid)}). Tile {@code (0, 0)} is the bottom-left one and {@code y} grows upward, as in libGDX's
 * {@link TiledMapTileLayer} and in world coordinates.
 *
 * <p>Threading: read on the game thread; implementations must not allocate in {@link #tileAt}.
 */
public interface TileSource {

    /** @return tiles across */
    int width();

    /** @return tiles up */
    int height();

    /** @return the code of tile {@code (x, y)}, {@code 0 <= x < width()}, {@code 0 <= y < height()} */
    int tileAt(int x, int y);

    /**
     * Reads a Tiled map layer: a tile's code is its id ({@link TiledMapTile#getId()}), an empty cell is 0. The view
     * is live: changes to the layer show at once.
     *
     * @param layer a tile layer of a loaded {@code TiledMap}
     * @return a grid over it
     */
    static TileSource of(TiledMapTileLayer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("layer is null");
        }
        return new TileSource() {
            @Override
            public int width() {
                return layer.getWidth();
            }

            @Override
            public int height() {
                return layer.getHeight();
            }

            @Override
            public int tileAt(int x, int y) {
                TiledMapTileLayer.Cell cell = layer.getCell(x, y);
                TiledMapTile tile = cell == null ? null : cell.getTile();
                return tile == null ? 0 : tile.getId();
            }
        };
    }

    /**
     * Reads a level made or loaded by {@code io.animata.core.level}: a tile's code is its character (e.g. {@code '#'}
     * for a wall), and rows are turned over, since a level's row 0 is its top row while here {@code y} grows
     * upward. Levels are immutable, so the view never changes.
     *
     * @param level a text-grid level
     * @return a grid over it
     */
    static TileSource of(TileGrid level) {
        if (level == null) {
            throw new IllegalArgumentException("level is null");
        }
        int top = level.height() - 1;
        return new TileSource() {
            @Override
            public int width() {
                return level.width();
            }

            @Override
            public int height() {
                return level.height();
            }

            @Override
            public int tileAt(int x, int y) {
                return level.get(x, top - y);
            }
        };
    }
}
