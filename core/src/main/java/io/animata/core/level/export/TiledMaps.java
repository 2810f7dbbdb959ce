package io.animata.core.level.export;

import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.maps.MapProperties;
import com.badlogic.gdx.maps.tiled.TiledMap;
import com.badlogic.gdx.maps.tiled.TiledMapTileLayer;
import com.badlogic.gdx.maps.tiled.TiledMapTileSet;
import com.badlogic.gdx.maps.tiled.tiles.StaticTiledMapTile;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.io.TmxReader;
import io.animata.runtime.AnimataException;
import java.util.function.Function;

/**
 * Builds a libGDX {@link TiledMap} from a level in memory, shaped like the maps {@code TmxMapLoader} loads from the
 * TMX files {@link TmxWriter} writes: one tileset named "level-tiles" with a tile per legend character (id = index +
 * 1, properties {@code char}, {@code tags}, {@code solid}, {@code hazard}, {@code climbable}), one tile layer named
 * {@value TmxWriter#LAYER}, and the map properties {@code width}, {@code height}, {@code tilewidth},
 * {@code tileheight}, {@code orientation}. As in every libGDX map, layer row 0 is the bottom row.
 *
 * <p>Threading: call on the game thread when the regions hold textures (a {@code TiledMap} is not thread-safe); with
 * textureless regions (logic only) any thread will do. The map does not own the regions' textures.
 *
 * <pre>{@code
 * TiledMap map = TiledMaps.create(level, legend, 16, 16, c -> atlas.findRegion("tile-" + c));
 * new OrthogonalTiledMapRenderer(map, 1 / 16f);
 * }</pre>
 */
public final class TiledMaps {
    private TiledMaps() {
    }

    /**
     * @param grid the level
     * @param legend what its tiles mean
     * @param tileWidth tile width in pixels
     * @param tileHeight tile height in pixels
     * @param regions the picture of each tile character; null gives empty regions (no texture), for logic only
     * @return the map
     * @throws AnimataException when a tile is not in the legend or a region is missing
     */
    public static TiledMap create(TileGrid grid, Legend legend, int tileWidth, int tileHeight,
            Function<Character, TextureRegion> regions) {
        TiledMap map = new TiledMap();
        MapProperties props = map.getProperties();
        props.put("orientation", "orthogonal");
        props.put("width", grid.width());
        props.put("height", grid.height());
        props.put("tilewidth", tileWidth);
        props.put("tileheight", tileHeight);

        TiledMapTileSet tileset = new TiledMapTileSet();
        tileset.setName("level-tiles");
        StaticTiledMapTile[] byIndex = new StaticTiledMapTile[legend.tiles().size()];
        int i = 0;
        char maxChar = 0;
        for (char c : legend.tiles()) {
            TextureRegion region = regions == null ? new TextureRegion() : regions.apply(c);
            if (region == null) {
                throw new AnimataException("No texture region for tile " + Legend.describe(c));
            }
            StaticTiledMapTile tile = new StaticTiledMapTile(region);
            tile.setId(i + 1);
            MapProperties tp = tile.getProperties();
            tp.put(TmxReader.CHAR_PROPERTY, String.valueOf(c));
            tp.put("tags", String.join(",", legend.tags(c)));
            tp.put("solid", legend.isSolid(c));
            tp.put("hazard", legend.isHazard(c));
            tp.put("climbable", legend.isClimbable(c));
            tileset.putTile(i + 1, tile);
            byIndex[i++] = tile;
            maxChar = (char) Math.max(maxChar, c);
        }
        StaticTiledMapTile[] byChar = new StaticTiledMapTile[maxChar + 1];
        i = 0;
        for (char c : legend.tiles()) {
            byChar[c] = byIndex[i++];
        }
        map.getTileSets().addTileSet(tileset);

        TiledMapTileLayer layer = new TiledMapTileLayer(grid.width(), grid.height(), tileWidth, tileHeight);
        layer.setName(TmxWriter.LAYER);
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                char c = grid.get(x, y);
                StaticTiledMapTile tile = c < byChar.length ? byChar[c] : null;
                if (tile == null) {
                    throw new AnimataException("Tile " + Legend.describe(c) + " at (" + x + ", " + y
                            + ") is not in the legend (its tiles: " + legend.describeTiles() + ")");
                }
                TiledMapTileLayer.Cell cell = new TiledMapTileLayer.Cell();
                cell.setTile(tile);
                layer.setCell(x, grid.height() - 1 - y, cell);
            }
        }
        map.getLayers().add(layer);
        return map;
    }

    /**
     * Reads a level back from a map's tile layer, through each tile's {@code char} property (what {@link #create}
     * and {@code TmxMapLoader} on a {@link TmxWriter} file give).
     *
     * @param map a map
     * @param layerName its tile layer
     * @return the level, row 0 at the top
     * @throws AnimataException when the layer is missing, or a cell is empty or its tile has no {@code char}
     */
    public static TileGrid toGrid(TiledMap map, String layerName) {
        if (!(map.getLayers().get(layerName) instanceof TiledMapTileLayer layer)) {
            throw new AnimataException("The map has no tile layer named \"" + layerName + "\"");
        }
        int w = layer.getWidth();
        int h = layer.getHeight();
        char[] cells = new char[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                TiledMapTileLayer.Cell cell = layer.getCell(x, h - 1 - y);
                Object c = cell == null || cell.getTile() == null ? null
                        : cell.getTile().getProperties().get(TmxReader.CHAR_PROPERTY);
                if (!(c instanceof String s) || s.length() != 1) {
                    throw new AnimataException("Map cell (" + x + ", " + y + ") has no tile with a one-character "
                            + "\"char\" property");
                }
                cells[y * w + x] = s.charAt(0);
            }
        }
        return TileGrid.of(w, h, cells);
    }
}
