package io.animata.core.level;

import io.animata.runtime.AnimataException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every generated level must satisfy, whatever generated it:
 * <ul>
 *   <li>fixed tiles: this character at this position</li>
 *   <li>a border: every tile on the outer ring is one character</li>
 *   <li>tile counts: between min and max tiles of a character (e.g. exactly one start)</li>
 *   <li>connected markers: every start and goal tile can reach each other through passable, non-hazard tiles in
 *       four directions (the view-aware check, with jumps, is {@code level.play})</li>
 * </ul>
 * Generators that can build fixed tiles and borders in (Wave Function Collapse) do so; everything is checked again
 * by {@link #violation}, and a level that fails is rejected and generated again.
 *
 * <p>Threading: immutable; {@link #violation} may run on many threads at once.
 *
 * <pre>{@code
 * LevelConstraints c = LevelConstraints.builder().optBorder('#').optCount('S', 1, 1).optConnectedMarkers().build();
 * Optional<String> why = c.violation(grid, legend);
 * }</pre>
 */
public final class LevelConstraints {
    /** No constraints at all. */
    public static final LevelConstraints NONE = builder().build();

    /**
     * A tile that must be {@code tile}. Threading: immutable.
     *
     * @param x column
     * @param y row (0 at the top)
     * @param tile the character
     */
    public record FixedTile(int x, int y, char tile) {
    }

    /**
     * How many tiles of a character a level may have. Threading: immutable.
     *
     * @param tile the character
     * @param min at least
     * @param max at most
     */
    public record TileCount(char tile, int min, int max) {
    }

    private final List<FixedTile> fixed;
    private final Character border;
    private final Map<Character, TileCount> counts;
    private final boolean connectedMarkers;

    private LevelConstraints(Builder b) {
        this.fixed = List.copyOf(b.fixed);
        this.border = b.border;
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(b.counts));
        this.connectedMarkers = b.connectedMarkers;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the fixed tiles */
    public List<FixedTile> fixedTiles() {
        return fixed;
    }

    /** @return the border character, if a border is asked for */
    public Optional<Character> border() {
        return Optional.ofNullable(border);
    }

    /** @return the tile counts, by character */
    public Map<Character, TileCount> counts() {
        return counts;
    }

    /** @return whether starts and goals must be connected */
    public boolean connectedMarkers() {
        return connectedMarkers;
    }

    /**
     * @return every tile that must have a given character in a {@code width x height} level: the fixed tiles and the
     *     border ring (a fixed tile wins over the border where both name a position)
     * @throws AnimataException when a fixed tile lies outside the level
     */
    public List<FixedTile> pinnedTiles(int width, int height) {
        List<FixedTile> out = new ArrayList<>();
        boolean[] taken = new boolean[width * height];
        for (FixedTile f : fixed) {
            if (f.x() < 0 || f.y() < 0 || f.x() >= width || f.y() >= height) {
                throw new AnimataException("Fixed tile " + Legend.describe(f.tile()) + " at (" + f.x() + ", " + f.y()
                        + ") lies outside the " + width + "x" + height + " level");
            }
            if (!taken[f.y() * width + f.x()]) {
                taken[f.y() * width + f.x()] = true;
                out.add(f);
            }
        }
        if (border != null) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean edge = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                    if (edge && !taken[y * width + x]) {
                        out.add(new FixedTile(x, y, border));
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param grid a level
     * @param legend what its tiles mean (for connectivity)
     * @return the first constraint the level breaks, in words, or empty when it satisfies them all
     */
    public Optional<String> violation(TileGrid grid, Legend legend) {
        for (FixedTile f : pinnedTiles(grid.width(), grid.height())) {
            char c = grid.get(f.x(), f.y());
            if (c != f.tile()) {
                return Optional.of("tile (" + f.x() + ", " + f.y() + ") is " + Legend.describe(c) + ", must be "
                        + Legend.describe(f.tile()));
            }
        }
        for (TileCount tc : counts.values()) {
            int n = grid.count(tc.tile());
            if (n < tc.min() || n > tc.max()) {
                return Optional.of(n + " tiles " + Legend.describe(tc.tile()) + ", must be "
                        + (tc.min() == tc.max() ? "exactly " + tc.min() : "between " + tc.min() + " and " + tc.max()));
            }
        }
        if (connectedMarkers) {
            return disconnectedMarker(grid, legend);
        }
        return Optional.empty();
    }

    private static Optional<String> disconnectedMarker(TileGrid grid, Legend legend) {
        int w = grid.width();
        int first = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (legend.isMarker(grid.at(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        boolean[] seen = new boolean[grid.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[first] = true;
        queue.add(first);
        int[] dx = {1, -1, 0, 0};
        int[] dy = {0, 0, 1, -1};
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % w;
            int y = i / w;
            for (int d = 0; d < 4; d++) {
                int nx = x + dx[d];
                int ny = y + dy[d];
                if (!grid.contains(nx, ny)) {
                    continue;
                }
                int j = ny * w + nx;
                char c = grid.at(j);
                if (!seen[j] && legend.isPassable(c) && !legend.isHazard(c)) {
                    seen[j] = true;
                    queue.add(j);
                }
            }
        }
        for (int i = 0; i < grid.size(); i++) {
            if (legend.isMarker(grid.at(i)) && !seen[i]) {
                return Optional.of("marker " + Legend.describe(grid.at(i)) + " at (" + i % w + ", " + i / w
                        + ") cannot be reached from " + Legend.describe(grid.at(first)) + " at (" + first % w + ", "
                        + first / w + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Builds {@link LevelConstraints}; every part is optional.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private final List<FixedTile> fixed = new ArrayList<>();
        private Character border;
        private final Map<Character, TileCount> counts = new LinkedHashMap<>();
        private boolean connectedMarkers;

        private Builder() {
        }

        /** @return this, with tile (x, y) fixed to {@code tile} */
        public Builder optFixed(int x, int y, char tile) {
            fixed.add(new FixedTile(x, y, tile));
            return this;
        }

        /** @return this, with the outer ring of every level made of {@code tile} */
        public Builder optBorder(char tile) {
            border = tile;
            return this;
        }

        /**
         * @return this, with between {@code min} and {@code max} tiles {@code tile} in every level
         * @throws AnimataException when {@code min > max} or {@code min < 0}
         */
        public Builder optCount(char tile, int min, int max) {
            if (min < 0 || min > max) {
                throw new AnimataException("A tile count for " + Legend.describe(tile)
                        + " needs 0 <= min <= max, was min " + min + ", max " + max);
            }
            counts.put(tile, new TileCount(tile, min, max));
            return this;
        }

        /** @return this, with every start and goal connected to the others in four directions */
        public Builder optConnectedMarkers() {
            connectedMarkers = true;
            return this;
        }

        /** @return the constraints */
        public LevelConstraints build() {
            return new LevelConstraints(this);
        }
    }
}
