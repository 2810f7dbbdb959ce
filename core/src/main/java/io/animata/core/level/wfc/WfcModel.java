package io.animata.core.level.wfc;

import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A learned Wave Function Collapse model: a set of N x N patterns (N = 1 for the simple tiled model) with weights,
 * the patterns allowed next to each in four directions, and the sides of the examples each pattern was seen at.
 * {@link #generate} fills a level of any size with them.
 *
 * <p>Threading: immutable once built; {@link #generate} may run on many threads at once (each call has its own
 * solver state).
 */
public abstract sealed class WfcModel permits OverlappingModel, TiledModel {
    /** Pattern tiles, {@code span * span} per pattern, row by row. */
    final char[] tiles;
    final int span;
    final int count;
    final double[] weights;
    /** propagator[d][t]: patterns allowed in direction d of t (0 left, 1 down, 2 right, 3 up). */
    final int[][][] propagator;
    /** Bit per {@link Edge}: the pattern was seen touching that side of an example. */
    final int[] seenAt;
    /** Bit per {@link Edge}: the pattern was seen away from that side. */
    final int[] seenAway;

    /** The bans of the last settings used: every level of a batch shares them. */
    private volatile PreparedBans lastBans;
    /** One solver per thread, reused while the level size stays the same (its arrays are megabytes). */
    private final ThreadLocal<WfcSolver> solvers = new ThreadLocal<>();

    private record PreparedBans(WfcSettings settings, int[] bans) {
    }

    WfcModel(char[] tiles, int span, double[] weights, int[][][] propagator, int[] seenAt, int[] seenAway) {
        this.tiles = tiles;
        this.span = span;
        this.count = weights.length;
        this.weights = weights;
        this.propagator = propagator;
        this.seenAt = seenAt;
        this.seenAway = seenAway;
    }

    /** @return how many patterns (tiles, for the tiled model) the model has */
    public int patternCount() {
        return count;
    }

    /** @return the side of a pattern, N (1 for the tiled model) */
    public int patternSize() {
        return span;
    }

    /** @return the patterns as N x N grids, in the model's order */
    public List<TileGrid> patterns() {
        List<TileGrid> out = new ArrayList<>(count);
        int n2 = span * span;
        for (int t = 0; t < count; t++) {
            char[] cells = new char[n2];
            System.arraycopy(tiles, t * n2, cells, 0, n2);
            out.add(TileGrid.of(span, span, cells));
        }
        return out;
    }

    /** @return pattern t's weight (how often the examples show it) */
    public double weight(int t) {
        return weights[t];
    }

    char tile(int pattern, int dx, int dy) {
        return tiles[pattern * span * span + dy * span + dx];
    }

    /**
     * Generates a level. Tries up to {@link WfcSettings#maxAttempts()} times with fresh randomness, each with at most
     * {@link WfcSettings#maxBacktracks()} backtracks; never loops forever.
     *
     * @param settings size, constraints, anchoring, budget
     * @param seed the same seed and settings give the same level
     * @return the level, or why there is none (budget spent, or the constraints cannot be met by these patterns)
     * @throws AnimataException when the settings cannot work with this model at all (a level smaller than a
     *     pattern, a fixed tile whose character the examples never show)
     */
    public final WfcResult generate(WfcSettings settings, long seed) {
        boolean periodic = settings.periodic();
        int w = settings.width();
        int h = settings.height();
        if (!periodic && (w < span || h < span)) {
            throw new AnimataException("A " + w + "x" + h + " level is smaller than the " + span + "x" + span
                    + " patterns; make it at least " + span + "x" + span);
        }
        int cellsX = periodic ? w : w - span + 1;
        int cellsY = periodic ? h : h - span + 1;
        PreparedBans prepared = lastBans;
        if (prepared == null || prepared.settings() != settings) {
            prepared = new PreparedBans(settings, initialBans(settings, cellsX, cellsY));
            lastBans = prepared;
        }
        int[] bans = prepared.bans();
        WfcSolver solver = solvers.get();
        if (solver == null || solver.cellsX() != cellsX || solver.cellsY() != cellsY || solver.periodic() != periodic) {
            solver = new WfcSolver(cellsX, cellsY, periodic, propagator, weights);
            solvers.set(solver);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int backtracks = 0;
        String failure = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            WfcSolver.Status status = solver.solve(bans, rng, settings.maxBacktracks());
            backtracks += solver.backtracks();
            switch (status) {
                case SOLVED -> {
                    return new WfcResult(Optional.of(decode(solver, w, h)), attempt, backtracks, Optional.empty());
                }
                case UNSATISFIABLE -> {
                    return new WfcResult(Optional.empty(), attempt, backtracks, Optional.of(String.format(Locale.ROOT,
                            "the constraints (fixed tiles, border, anchored sides) leave no pattern for some part "
                                    + "of the %dx%d level: the examples' %dx%d patterns cannot meet them", w, h,
                            span, span)));
                }
                case EXHAUSTED -> {
                    return new WfcResult(Optional.empty(), attempt, backtracks, Optional.of(String.format(Locale.ROOT,
                            "no %dx%d level can be made of these patterns with these constraints (backtracking "
                                    + "tried every choice)", w, h)));
                }
                case BUDGET -> failure = String.format(Locale.ROOT,
                        "no %dx%d level found in %d attempts of %d backtracks each: try a smaller pattern size, "
                                + "more examples, fewer constraints or a larger budget", w, h,
                        settings.maxAttempts(), settings.maxBacktracks());
                default -> throw new IllegalStateException(status.toString());
            }
        }
        return new WfcResult(Optional.empty(), settings.maxAttempts(), backtracks, Optional.of(failure));
    }

    private int[] initialBans(WfcSettings settings, int cellsX, int cellsY) {
        IntList bans = new IntList();
        boolean periodic = settings.periodic();
        if (!periodic && !settings.anchoredEdges().isEmpty()) {
            for (Edge e : settings.anchoredEdges()) {
                boolean any = false;
                for (int t = 0; t < count && !any; t++) {
                    any = (seenAt[t] & e.bit()) != 0;
                }
                if (!any) {
                    throw new AnimataException("The " + e.name().toLowerCase(Locale.ROOT) + " side is anchored, but "
                            + "no pattern was seen at an example's " + e.name().toLowerCase(Locale.ROOT) + " side "
                            + "(examples learned as periodic have no sides): learn without periodic input or drop "
                            + "the anchor");
                }
            }
            for (int cy = 0; cy < cellsY; cy++) {
                for (int cx = 0; cx < cellsX; cx++) {
                    int onEdges = 0;
                    onEdges |= cy == 0 ? Edge.TOP.bit() : 0;
                    onEdges |= cy == cellsY - 1 ? Edge.BOTTOM.bit() : 0;
                    onEdges |= cx == 0 ? Edge.LEFT.bit() : 0;
                    onEdges |= cx == cellsX - 1 ? Edge.RIGHT.bit() : 0;
                    int cell = cy * cellsX + cx;
                    for (Edge e : settings.anchoredEdges()) {
                        int bit = e.bit();
                        for (int t = 0; t < count; t++) {
                            boolean there = (onEdges & bit) != 0;
                            // at an anchored side: only patterns seen there; elsewhere: not those seen only there
                            boolean banned = there ? (seenAt[t] & bit) == 0
                                    : (seenAt[t] & bit) != 0 && (seenAway[t] & bit) == 0;
                            if (banned) {
                                bans.add(cell * count + t);
                            }
                        }
                    }
                }
            }
        }
        LevelConstraints constraints = settings.constraints();
        for (LevelConstraints.FixedTile f : constraints.pinnedTiles(settings.width(), settings.height())) {
            boolean known = false;
            for (int i = 0; i < tiles.length && !known; i++) {
                known = tiles[i] == f.tile();
            }
            if (!known) {
                throw new AnimataException("Fixed tile " + Legend.describe(f.tile()) + " at (" + f.x() + ", " + f.y()
                        + ") never occurs in the examples, so Wave Function Collapse cannot place it");
            }
            int px = periodic ? f.x() : Math.min(f.x(), cellsX - 1);
            int py = periodic ? f.y() : Math.min(f.y(), cellsY - 1);
            int cell = py * cellsX + px;
            for (int t = 0; t < count; t++) {
                if (tile(t, f.x() - px, f.y() - py) != f.tile()) {
                    bans.add(cell * count + t);
                }
            }
        }
        return bans.toArray();
    }

    /** A growable list of ints, without boxing. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private TileGrid decode(WfcSolver solver, int w, int h) {
        int cellsX = solver.cellsX();
        int cellsY = solver.cellsY();
        int[] chosen = new int[cellsX * cellsY];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = solver.patternAt(i);
        }
        char[] out = new char[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int px = solver.periodic() ? x : Math.min(x, cellsX - 1);
                int py = solver.periodic() ? y : Math.min(y, cellsY - 1);
                out[y * w + x] = tile(chosen[py * cellsX + px], x - px, y - py);
            }
        }
        return TileGrid.of(w, h, out);
    }
}
