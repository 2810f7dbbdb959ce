package io.animata.core.level.markov;

import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.gen.LevelGenerator;
import io.animata.runtime.AnimataException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A multi-dimensional Markov chain learned from text levels (after Snodgrass and Ontañón): each tile is drawn given
 * the tiles already placed next to it. Side-view levels are made column by column, left to right, each column from
 * the bottom up, so a tile depends on the tile to its left, the one below and the one below-left (ground grows up
 * from the floor); top-down levels row by row, top to bottom, on the left, above and above-left neighbours. Two more
 * things join the context: the row's band (a quarter of the level's height, so that sky stays up and ground down),
 * and whether the tile is on the last row or column (so that borders close). Outside the level counts as a tile of
 * its own, so borders are learned too. A context the examples never showed backs off to a shorter one (left and
 * vertical neighbours, then the vertical one, then the band), and finally to the tiles' overall frequencies.
 *
 * <p>Fixed tiles and the border of {@link LevelConstraints} are set rather than drawn, and the chain continues from
 * them.
 *
 * <p>Threading: immutable once learned; {@link #generate} may run on many threads at once.
 *
 * <pre>{@code
 * MarkovModel chain = MarkovModel.learn(examples, legend);
 * TileGrid level = chain.generate(48, 12, LevelConstraints.NONE, seed);
 * }</pre>
 */
public final class MarkovModel {
    /** Stands for outside the level in a context. */
    static final char OUTSIDE = '\u0000';
    private static final int BANDS = 4;

    private final boolean sideView;
    /** contexts by level of detail: 0 full, 1 left+vertical, 2 vertical, 3 band only */
    private final List<Map<String, Distribution>> tables;
    private final Distribution unigram;

    private MarkovModel(boolean sideView, List<Map<String, Distribution>> tables, Distribution unigram) {
        this.sideView = sideView;
        this.tables = tables;
        this.unigram = unigram;
    }

    /** Tiles seen after one context, with their counts, ready to sample. */
    private static final class Distribution {
        private final char[] tiles;
        private final int[] cumulative;

        Distribution(Map<Character, Integer> counts) {
            tiles = new char[counts.size()];
            cumulative = new int[counts.size()];
            int i = 0;
            int sum = 0;
            for (Map.Entry<Character, Integer> e : counts.entrySet()) {
                tiles[i] = e.getKey();
                sum += e.getValue();
                cumulative[i++] = sum;
            }
        }

        char sample(SplittableRandom rng) {
            int r = rng.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return tiles[i];
                }
            }
            return tiles[tiles.length - 1];
        }
    }

    /**
     * @param examples example levels (take their starts and goals out first if they are to be placed afterwards)
     * @param legend decides the generation order by its view
     * @return the learned chain
     * @throws AnimataException when there are no examples
     */
    public static MarkovModel learn(List<TileGrid> examples, Legend legend) {
        if (examples.isEmpty()) {
            throw new AnimataException("The Markov generator needs at least one example level to learn from");
        }
        boolean side = legend.view() == Legend.View.SIDE;
        List<Map<String, Map<Character, Integer>>> counts = List.of(new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>());
        Map<Character, Integer> all = new LinkedHashMap<>();
        for (TileGrid g : examples) {
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    char c = g.get(x, y);
                    for (int level = 0; level < 4; level++) {
                        counts.get(level).computeIfAbsent(context(g, null, x, y, side, level), k -> new LinkedHashMap<>())
                                .merge(c, 1, Integer::sum);
                    }
                    all.merge(c, 1, Integer::sum);
                }
            }
        }
        List<Map<String, Distribution>> tables = counts.stream().map(m -> {
            Map<String, Distribution> t = new HashMap<>();
            m.forEach((k, v) -> t.put(k, new Distribution(v)));
            return t;
        }).toList();
        return new MarkovModel(side, tables, new Distribution(all));
    }

    /**
     * The context of (x, y): from {@code grid} when learning, from {@code cells} (of the same size, being filled)
     * when generating.
     */
    private static String context(TileGrid grid, char[] cells, int x, int y, boolean side, int level) {
        int w = grid.width();
        int h = grid.height();
        int vy = side ? y + 1 : y - 1; // the neighbour generated before this tile in its column or row
        char left = tileAt(grid, cells, x - 1, y, w, h);
        char vertical = tileAt(grid, cells, x, vy, w, h);
        char diagonal = tileAt(grid, cells, x - 1, vy, w, h);
        int band = side ? Math.min(BANDS - 1, y * BANDS / h) : 0;
        int last = (x == w - 1 ? 1 : 0) | ((side ? y == 0 : y == h - 1) ? 2 : 0);
        char tail = (char) ('0' + band * 4 + last);
        return switch (level) {
            case 0 -> new String(new char[] {left, vertical, diagonal, tail});
            case 1 -> new String(new char[] {left, vertical, tail});
            case 2 -> new String(new char[] {vertical, tail});
            default -> String.valueOf(tail);
        };
    }

    private static char tileAt(TileGrid grid, char[] cells, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return OUTSIDE;
        }
        return cells == null ? grid.get(x, y) : cells[y * w + x];
    }

    /**
     * @param width level width
     * @param height level height
     * @param constraints fixed tiles and border to set (other constraints are the pipeline's to check)
     * @param seed the same seed gives the same level
     * @return the level
     * @throws AnimataException when the size is below 1x1 or a fixed tile lies outside
     */
    public TileGrid generate(int width, int height, LevelConstraints constraints, long seed) {
        if (width < 1 || height < 1) {
            throw new AnimataException("A level needs at least 1x1 tiles, was " + width + "x" + height);
        }
        char[] pinned = new char[width * height];
        for (LevelConstraints.FixedTile f : constraints.pinnedTiles(width, height)) {
            pinned[f.y() * width + f.x()] = f.tile();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        char[] cells = new char[width * height];
        TileGrid shape = TileGrid.filled(width, height, OUTSIDE);
        if (sideView) {
            for (int x = 0; x < width; x++) {
                for (int y = height - 1; y >= 0; y--) {
                    cells[y * width + x] = draw(shape, cells, pinned, x, y, rng);
                }
            }
        } else {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    cells[y * width + x] = draw(shape, cells, pinned, x, y, rng);
                }
            }
        }
        return TileGrid.of(width, height, cells);
    }

    private char draw(TileGrid shape, char[] cells, char[] pinned, int x, int y, SplittableRandom rng) {
        char fixed = pinned[y * shape.width() + x];
        if (fixed != 0) {
            return fixed;
        }
        for (int level = 0; level < tables.size(); level++) {
            Distribution d = tables.get(level).get(context(shape, cells, x, y, sideView, level));
            if (d != null) {
                return d.sample(rng);
            }
        }
        return unigram.sample(rng);
    }

    /** @return a generator of {@code width x height} levels with these constraints set */
    public LevelGenerator generator(int width, int height, LevelConstraints constraints) {
        return seed -> Optional.of(generate(width, height, constraints, seed));
    }
}
