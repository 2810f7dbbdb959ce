package io.animata.core.agent;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import java.util.Arrays;

/**
 * Sees the tiles around the agent (ML-Agents' grid sensor, on a tile map): the {@code (2r + 1) x (2r + 1)} tiles
 * centred on the tile under the agent, each as a one-hot over the detectable tile codes (all zeros for any other
 * code). Cells are written row by row from the bottom ({@code dy = -r}) to the top, each row from left
 * ({@code dx = -r}) to right, in world axes: {@code (2r + 1)² * codes.length} floats.
 *
 * <p>The tile under a world position {@code (x, y)} is {@code floor((x - originX) / cellSize)},
 * {@code floor((y - originY) / cellSize)}. Cells off the map read as the code given by {@link Config#optOutside}
 * (e.g. wall), or as nothing (zeros) by default.
 *
 * <pre>{@code
 * GridSensor.Config grid = GridSensor.config().setTileCodes(WALL, LAVA, COIN).optRadius(3);
 * agent.sensors.add(new GridSensor(level, body, grid));   // 7 * 7 * 3 floats
 * }</pre>
 *
 * <p>Threading: game thread. Allocation-free.
 */
public final class GridSensor implements Sensor {
    private final TileSource grid;
    private final Body body;
    private final Vector2 position;
    private final Config config;
    private final int[] codes;
    private final int side;

    /**
     * A grid around a Box2D body's centre.
     *
     * @param grid the tiles
     * @param body the agent's body
     * @param config what to see (shareable between agents)
     */
    public GridSensor(TileSource grid, Body body, Config config) {
        this(grid, body, null, config);
    }

    /**
     * A grid around a position the game keeps up to date (e.g. a position component's vector), read at each
     * observation.
     *
     * @param grid the tiles
     * @param position the agent's world position, read (not copied) at every observation
     * @param config what to see (shareable between agents)
     */
    public GridSensor(TileSource grid, Vector2 position, Config config) {
        this(grid, null, position, config);
    }

    private GridSensor(TileSource grid, Body body, Vector2 position, Config config) {
        if (grid == null || config == null || (body == null && position == null)) {
            throw new IllegalArgumentException("a grid sensor needs a grid, a body or position, and a config");
        }
        if (config.codes == null) {
            throw new IllegalStateException("GridSensor.Config.setTileCodes(...) is required");
        }
        this.grid = grid;
        this.body = body;
        this.position = position;
        this.config = config;
        this.codes = config.codes.clone();
        this.side = 2 * config.radius + 1;
    }

    /** @return a new grid configuration; {@link Config#setTileCodes} is required */
    public static Config config() {
        return new Config();
    }

    @Override
    public int width() {
        return side * side * codes.length;
    }

    /** @return cells per side, {@code 2 * radius + 1} */
    public int side() {
        return side;
    }

    @Override
    public void observe(float[] out, int offset) {
        Vector2 p = body != null ? body.getPosition() : position;
        int cx = (int) Math.floor((p.x - config.originX) / config.cellSize);
        int cy = (int) Math.floor((p.y - config.originY) / config.cellSize);
        int r = config.radius;
        int channels = codes.length;
        Arrays.fill(out, offset, offset + width(), 0f);
        int gw = grid.width();
        int gh = grid.height();
        int cell = 0;
        for (int dy = -r; dy <= r; dy++) {
            int y = cy + dy;
            for (int dx = -r; dx <= r; dx++, cell++) {
                int x = cx + dx;
                boolean inside = x >= 0 && y >= 0 && x < gw && y < gh;
                if (!inside && !config.hasOutside) {
                    continue;
                }
                int code = inside ? grid.tileAt(x, y) : config.outside;
                for (int c = 0; c < channels; c++) {
                    if (codes[c] == code) {
                        out[offset + cell * channels + c] = 1f;
                        break;
                    }
                }
            }
        }
    }

    /**
     * What a {@link GridSensor} sees: the tile codes (required), the radius, how tiles map to the world. Shareable
     * between agents; not thread-safe while being set.
     */
    public static final class Config {
        private int[] codes;
        private int radius = 2;
        private float cellSize = 1f;
        private float originX;
        private float originY;
        private boolean hasOutside;
        private int outside;

        private Config() {
        }

        /** Required: the tile codes to report, one channel each in this order. */
        public Config setTileCodes(int... tileCodes) {
            if (tileCodes == null || tileCodes.length == 0) {
                throw new IllegalArgumentException("a grid sensor needs at least one tile code to see");
            }
            this.codes = tileCodes.clone();
            return this;
        }

        /** Tiles seen on each side of the agent's tile (default 2: a 5 x 5 window). */
        public Config optRadius(int tiles) {
            if (tiles < 0) {
                throw new IllegalArgumentException("radius must be >= 0, was " + tiles);
            }
            this.radius = tiles;
            return this;
        }

        /** World units per tile (default 1). */
        public Config optCellSize(float size) {
            if (!(size > 0f)) {
                throw new IllegalArgumentException("cell size must be positive, was " + size);
            }
            this.cellSize = size;
            return this;
        }

        /** World position of tile (0, 0)'s bottom-left corner (default 0, 0). */
        public Config optOrigin(float x, float y) {
            this.originX = x;
            this.originY = y;
            return this;
        }

        /** The code cells off the map read as (e.g. a wall code); without it they read as nothing. */
        public Config optOutside(int code) {
            this.hasOutside = true;
            this.outside = code;
            return this;
        }

        /** @return tiles seen on each side of the agent's tile */
        public int radius() {
            return radius;
        }
    }
}
