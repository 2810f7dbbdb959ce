package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scatters decorations (hazards, treasure, any passable tile that is not plain floor, a marker, a ladder or a door)
 * over the open floor of a top-down level, as densely as the examples have them: each decoration's share of the
 * examples' passable tiles. A decoration only goes on floor whose eight neighbours are all floor: the ring around it
 * is then a way round, so a hazard never cuts a level in two (and two decorations never touch).
 *
 * <p>Threading: immutable; thread-safe.
 */
public final class ItemPlacer {
    private final Map<Character, Double> densities;
    private final char floor;
    private final Legend legend;

    /**
     * @param legend what the tiles mean
     * @param densities each decoration's share of the passable tiles
     */
    public ItemPlacer(Legend legend, Map<Character, Double> densities) {
        this.legend = legend;
        this.floor = legend.background();
        this.densities = Collections.unmodifiableMap(new LinkedHashMap<>(densities));
    }

    /** @return a placer with no decorations */
    public static ItemPlacer none(Legend legend) {
        return new ItemPlacer(legend, Map.of());
    }

    /**
     * @param examples example levels
     * @param legend what their tiles mean
     * @return a placer with the examples' densities
     * @throws AnimataException when there are no examples
     */
    public static ItemPlacer learn(List<TileGrid> examples, Legend legend) {
        if (examples.isEmpty()) {
            throw new AnimataException("Learning item densities needs at least one example level");
        }
        char floor = legend.background();
        Map<Character, Long> counts = new LinkedHashMap<>();
        long passable = 0;
        for (TileGrid g : examples) {
            for (int i = 0; i < g.size(); i++) {
                char c = g.at(i);
                if (legend.isPassable(c)) {
                    passable++;
                    if (isDecoration(legend, c, floor)) {
                        counts.merge(c, 1L, Long::sum);
                    }
                }
            }
        }
        Map<Character, Double> densities = new LinkedHashMap<>();
        for (Map.Entry<Character, Long> e : counts.entrySet()) {
            densities.put(e.getKey(), passable == 0 ? 0 : (double) e.getValue() / passable);
        }
        return new ItemPlacer(legend, densities);
    }

    private static boolean isDecoration(Legend legend, char c, char floor) {
        return legend.isPassable(c) && c != floor && !legend.isMarker(c) && !legend.isClimbable(c)
                && !legend.hasTag(c, "door");
    }

    /** @return each decoration's density */
    public Map<Character, Double> densities() {
        return densities;
    }

    /**
     * Places decorations into {@code cells} (a {@code width x height} level, row by row), in place.
     *
     * @param rng the level's randomness
     */
    public void place(char[] cells, int width, int height, SplittableRandom rng) {
        if (densities.isEmpty()) {
            return;
        }
        int passable = 0;
        for (char c : cells) {
            passable += legend.isPassable(c) ? 1 : 0;
        }
        for (Map.Entry<Character, Double> e : densities.entrySet()) {
            double expected = e.getValue() * passable;
            // the examples' mean, give or take half of it
            int n = (int) Math.round(expected * (0.5 + rng.nextDouble()));
            for (int tries = 0; n > 0 && tries < 50 * (n + 1); tries++) {
                int i = rng.nextInt(cells.length);
                if (cells[i] == floor && open(cells, width, height, i)) {
                    cells[i] = e.getKey();
                    n--;
                }
            }
        }
    }

    private boolean open(char[] cells, int width, int height, int i) {
        int x = i % width;
        int y = i / width;
        if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
            return false;
        }
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if ((dx != 0 || dy != 0) && cells[i + dy * width + dx] != floor) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return a copy of {@code grid} with decorations placed */
    public TileGrid place(TileGrid grid, SplittableRandom rng) {
        char[] cells = grid.cells();
        place(cells, grid.width(), grid.height(), rng);
        return TileGrid.of(grid.width(), grid.height(), cells);
    }
}
