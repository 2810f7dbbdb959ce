package io.animata.demo;

import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.math.Matrix4;
import com.badlogic.gdx.utils.Disposable;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.texture.Pixmaps;

/**
 * Draws a dungeon's floor, walls and hazard tiles with the textures {@link LevelTextures} generated for it: the GL
 * side of the generated textures. Each texture is tileable and spans {@value #TILES_PER_TEXTURE} x
 * {@value #TILES_PER_TEXTURE} tiles; every tile shows the part of it under the tile's world position (texture
 * coordinates from world coordinates, with {@code Repeat} wrapping), so neighbouring tiles join without seams. Walls
 * are drawn darker on top, with a lit face where floor lies below them, as the flat-colour look did.
 *
 * <p>When a new set of pixels arrives ({@link LevelTextures#version()} changes) the textures are made from it and
 * the previous level's are disposed at once. Until the first set arrives {@link #draw} draws nothing and returns
 * false, and the caller draws flat colours.
 *
 * <p>Threading: GL thread only. {@link #draw} allocates nothing; {@link #dispose()} is idempotent.
 */
final class TileTextures implements Disposable {
    /** Tiles one texture spans on each axis: 128 px over 4 tiles is 1:1 in a 1280 x 720 window. */
    static final int TILES_PER_TEXTURE = 4;
    /** Height of a wall's lit face, tiles (as the flat-colour look). */
    static final float FACE = 0.38f;

    private static final float UV = 1f / TILES_PER_TEXTURE;

    private final SpriteBatch batch = new SpriteBatch();
    private Texture wall;
    private Texture floor;
    private Texture hazard;
    private int version = Integer.MIN_VALUE;
    private boolean disposed;

    /**
     * Makes the textures of the newest set, disposing the last ones, when {@code source} has a new set.
     *
     * @return whether textures are ready to draw
     */
    boolean update(LevelTextures source) {
        LevelTextures.TextureSet set = source.current();
        if (set != null && source.version() != version) {
            disposeTextures();
            wall = Pixmaps.toTexture(set.wall());
            floor = Pixmaps.toTexture(set.floor());
            hazard = Pixmaps.toTexture(set.hazard());
            version = source.version();
        }
        return wall != null;
    }

    /**
     * Draws the level's floor, walls and hazard tiles (markers, doors, treasure and the stairs are the caller's).
     *
     * @param projection the world camera's matrix (one unit per tile, y up)
     * @return false when there are no textures yet (nothing was drawn)
     */
    boolean draw(Matrix4 projection, DungeonLevel level) {
        if (wall == null) {
            return false;
        }
        TileGrid grid = level.grid();
        Legend legend = level.legend();
        int w = grid.width();
        int h = grid.height();
        batch.setProjectionMatrix(projection);
        batch.begin();
        // the floor in one quad under everything (walls cover their tiles): no seams between floor tiles at all
        batch.setColor(0.78f, 0.78f, 0.78f, 1f);
        batch.draw(floor, 0f, 0f, w, h, 0f, 0f, w * UV, h * UV);
        for (int row = 0; row < h; row++) {
            float y = h - 1 - row;
            for (int x = 0; x < w; x++) {
                int cell = row * w + x;
                char c = grid.at(cell);
                if (legend.isSolid(c)) {
                    batch.setColor(0.52f, 0.53f, 0.60f, 1f);
                    tile(wall, x, y, 1f);
                    if (row + 1 < h && !legend.isSolid(grid.at(cell + w))) {
                        batch.setColor(1f, 1f, 1f, 1f);
                        tile(wall, x, y, FACE);
                    }
                } else if (legend.isHazard(c)) {
                    batch.setColor(1f, 1f, 1f, 1f);
                    tile(hazard, x, y, 1f);
                }
            }
        }
        batch.setColor(1f, 1f, 1f, 1f);
        batch.end();
        return true;
    }

    /** Draws the bottom {@code height} of tile (x, y) with the texture's part under it. */
    private void tile(Texture texture, float x, float y, float height) {
        batch.draw(texture, x, y, 1f, height, x * UV, y * UV, (x + 1f) * UV, (y + height) * UV);
    }

    private void disposeTextures() {
        if (wall != null) {
            wall.dispose();
            floor.dispose();
            hazard.dispose();
            wall = null;
            floor = null;
            hazard = null;
        }
    }

    /** Disposes the textures and the batch. Idempotent. */
    @Override
    public void dispose() {
        disposeTextures();
        if (!disposed) {
            disposed = true;
            batch.dispose();
        }
    }
}
