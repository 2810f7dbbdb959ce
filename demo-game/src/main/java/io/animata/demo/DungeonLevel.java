package io.animata.demo;

import io.animata.core.agent.env.NavLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;

/**
 * One generated dungeon of the demo, ready to play: its tiles, what they mean, the path the playability check found
 * from the start to the stairs, and the same tiles as a {@link NavLevel} for the bots. One tile is one metre; world
 * coordinates have the level's bottom-left corner at the origin and y up, while the grid's row 0 is its top row
 * ({@link #worldX}, {@link #worldY} and {@link #cellAt} convert).
 *
 * <p>Threading: immutable; made on the level thread, read on the game thread.
 */
public final class DungeonLevel {
    private final int index;
    private final long seed;
    private final String generator;
    private final int attempts;
    private final TileGrid grid;
    private final Legend legend;
    private final Playability playability;
    private final int[] path;
    private final NavLevel navLevel;

    /**
     * @param index the level's number in the run, from 0
     * @param seed the seed of the attempt that made it
     * @param generator how it was made, for the HUD ({@code "wfc"}, {@code "bsp"})
     * @param attempts attempts the pipeline spent on it
     * @param grid the tiles
     * @param legend what they mean
     * @param playability the verdict of the path check; must be playable
     */
    public DungeonLevel(int index, long seed, String generator, int attempts, TileGrid grid, Legend legend,
            Playability playability) {
        if (!playability.isPlayable()) {
            throw new IllegalArgumentException("level " + index + " is not playable: " + playability);
        }
        this.index = index;
        this.seed = seed;
        this.generator = generator;
        this.attempts = attempts;
        this.grid = grid;
        this.legend = legend;
        this.playability = playability;
        this.path = playability.path();
        this.navLevel = NavLevel.of("dungeon-" + index, grid, legend);
    }

    /** @return the level's number in the run, from 0 */
    public int index() {
        return index;
    }

    /** @return the seed of the attempt that made it */
    public long seed() {
        return seed;
    }

    /** @return how it was made: {@code wfc} (learned from the examples) or {@code bsp} */
    public String generator() {
        return generator;
    }

    /** @return attempts the level pipeline spent on it (rejected candidates + 1) */
    public int attempts() {
        return attempts;
    }

    /** @return the tiles (row 0 at the top) */
    public TileGrid grid() {
        return grid;
    }

    /** @return what the tiles mean */
    public Legend legend() {
        return legend;
    }

    /** @return the path check's verdict (playable, with its path) */
    public Playability playability() {
        return playability;
    }

    /** @return tiles across */
    public int width() {
        return grid.width();
    }

    /** @return tiles up */
    public int height() {
        return grid.height();
    }

    /** @return the same tiles for nav agents (walls, obstacle posts for hazards, floor) */
    public NavLevel navLevel() {
        return navLevel;
    }

    /** @return cells on the path from the start to the stairs ({@link #pathCell}) */
    public int pathLength() {
        return path.length;
    }

    /** @return the {@code i}-th cell of the path, a grid index {@code row * width + x}; 0 is the start */
    public int pathCell(int i) {
        return path[i];
    }

    /** @return the start's grid index */
    public int start() {
        return path[0];
    }

    /** @return the stairs' grid index (the goal the path reaches) */
    public int goal() {
        return path[path.length - 1];
    }

    /** @return the world x of a grid cell's centre, metres */
    public float worldX(int cell) {
        return cell % grid.width() + 0.5f;
    }

    /** @return the world y of a grid cell's centre, metres (the grid's top row is the highest) */
    public float worldY(int cell) {
        return grid.height() - 1 - cell / grid.width() + 0.5f;
    }

    /** @return the grid index of the tile under a world point, or -1 off the map */
    public int cellAt(float x, float y) {
        int tx = (int) Math.floor(x);
        int row = grid.height() - 1 - (int) Math.floor(y);
        return tx < 0 || row < 0 || tx >= grid.width() || row >= grid.height() ? -1 : row * grid.width() + tx;
    }

    @Override
    public String toString() {
        return "DungeonLevel[" + index + ", " + generator + ", seed " + seed + ", " + playability + "]";
    }
}
