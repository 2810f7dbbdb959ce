package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Cellular-automata caves: fill the level with rock at random, then smooth it a few times (a tile becomes rock when
 * at least 5 of the 9 tiles around it, itself included, are rock), keep the largest open region and fill the rest.
 * A level with less open floor than {@code minOpen} is no level (empty). Decorations come from an
 * {@link ItemPlacer}. Walls are the legend's {@link Legend#wall()}, floor its {@link Legend#background()}; the border
 * is rock.
 *
 * <p>Threading: immutable; thread-safe.
 */
public final class CaveGenerator implements LevelGenerator {
    private final int width;
    private final int height;
    private final char wall;
    private final char floor;
    private final ItemPlacer items;
    private final double fill;
    private final int steps;
    private final double minOpen;

    /**
     * A cave with 45% initial rock, 5 smoothing steps, at least 35% open floor.
     *
     * @param legend a top-down legend
     * @param width level width, at least 5
     * @param height level height, at least 5
     * @param items the decorations to scatter
     * @throws io.animata.runtime.AnimataException for a side-view legend or a level too small
     */
    public CaveGenerator(Legend legend, int width, int height, ItemPlacer items) {
        this(legend, width, height, items, 0.45, 5, 0.35);
    }

    /**
     * @param fill the share of rock to start from
     * @param steps smoothing steps
     * @param minOpen the least share of the level that must be open floor
     */
    public CaveGenerator(Legend legend, int width, int height, ItemPlacer items, double fill, int steps,
            double minOpen) {
        TopDownGenerators.requireTopDown(legend, "The cave generator");
        TopDownGenerators.requireSize(width, height, 5, "The cave generator");
        this.width = width;
        this.height = height;
        this.wall = legend.wall();
        this.floor = legend.background();
        this.items = items;
        this.fill = fill;
        this.steps = steps;
        this.minOpen = minOpen;
    }

    @Override
    public Optional<TileGrid> generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        char[] cells = new char[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                cells[y * width + x] = border || rng.nextDouble() < fill ? wall : floor;
            }
        }
        char[] next = new char[cells.length];
        for (int s = 0; s < steps; s++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                    int rock = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            boolean outside = nx < 0 || ny < 0 || nx >= width || ny >= height;
                            rock += outside || cells[ny * width + nx] == wall ? 1 : 0;
                        }
                    }
                    next[y * width + x] = border || rock >= 5 ? wall : floor;
                }
            }
            System.arraycopy(next, 0, cells, 0, cells.length);
        }
        boolean[] keep = TopDownGenerators.largestRegion(cells, width, height, floor);
        int open = 0;
        for (int i = 0; i < cells.length; i++) {
            if (!keep[i]) {
                cells[i] = wall;
            } else {
                open++;
            }
        }
        if (open < minOpen * cells.length) {
            return Optional.empty();
        }
        items.place(cells, width, height, rng);
        return Optional.of(TileGrid.of(width, height, cells));
    }

    @Override
    public String toString() {
        return "cave " + width + "x" + height + ", fill " + fill + ", " + steps + " steps, min open " + minOpen;
    }
}
