package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The drunkard's walk: start in the middle of solid rock and stagger about, one random step at a time, digging,
 * until a share of the level is open. What it digs is always connected. The border stays rock; decorations come from
 * an {@link ItemPlacer}.
 *
 * <p>Threading: immutable; thread-safe.
 */
public final class DrunkardWalkGenerator implements LevelGenerator {
    private static final int[] DX = {1, -1, 0, 0};
    private static final int[] DY = {0, 0, 1, -1};

    private final int width;
    private final int height;
    private final char wall;
    private final char floor;
    private final ItemPlacer items;
    private final double open;

    /**
     * @param legend a top-down legend
     * @param width level width, at least 5
     * @param height level height, at least 5
     * @param items the decorations to scatter
     * @param open the share of the level to dig out, in (0, 0.8]
     * @throws io.animata.runtime.AnimataException for a side-view legend, a level too small or a share out of range
     */
    public DrunkardWalkGenerator(Legend legend, int width, int height, ItemPlacer items, double open) {
        TopDownGenerators.requireTopDown(legend, "The drunkard's walk");
        TopDownGenerators.requireSize(width, height, 5, "The drunkard's walk");
        if (!(open > 0 && open <= 0.8)) {
            throw new io.animata.runtime.AnimataException("The drunkard's walk digs out a share in (0, 0.8] of the "
                    + "level, was " + open);
        }
        this.width = width;
        this.height = height;
        this.wall = legend.wall();
        this.floor = legend.background();
        this.items = items;
        this.open = open;
    }

    @Override
    public Optional<TileGrid> generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        char[] cells = new char[width * height];
        Arrays.fill(cells, wall);
        int target = (int) (open * (width - 2) * (height - 2));
        int x = width / 2;
        int y = height / 2;
        int dug = 0;
        // a bounded walk: it always ends, even where the target cannot be met
        for (long steps = 0; dug < target && steps < 200L * width * height; steps++) {
            if (cells[y * width + x] == wall) {
                cells[y * width + x] = floor;
                dug++;
            }
            int d = rng.nextInt(4);
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx > 0 && ny > 0 && nx < width - 1 && ny < height - 1) {
                x = nx;
                y = ny;
            }
        }
        items.place(cells, width, height, rng);
        return Optional.of(TileGrid.of(width, height, cells));
    }
}
