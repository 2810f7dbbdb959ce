package io.animata.core.level.wfc;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Wave Function Collapse solver both models share: a grid of cells, each holding the set of patterns (or tiles)
 * it may still become, and a propagator saying which pattern may sit next to which in each direction. It observes
 * the cell of least entropy, collapses it to one pattern drawn by weight, and propagates the consequences (arc
 * consistency with support counts). On a contradiction it backtracks chronologically: every ban is recorded on a
 * trail, so undoing a decision restores the exact state before it, and the refuted choice is then banned.
 * Backtracking is bounded: after {@code maxBacktracks} the attempt gives up.
 *
 * <p>Directions: 0 left, 1 down (+y), 2 right, 3 up (-y); the opposite of d is {@code (d + 2) % 4}.
 *
 * <p>Threading: one solver per thread; it owns its mutable state. Its inputs (propagator, weights) are shared,
 * read-only.
 */
final class WfcSolver {
    static final int[] DX = {-1, 0, 1, 0};
    static final int[] DY = {0, 1, 0, -1};

    /** How an attempt ended. */
    enum Status {
        /** Every cell holds exactly one pattern. */
        SOLVED,
        /** The initial bans (constraints) leave some cell without any pattern. */
        UNSATISFIABLE,
        /** Backtracking refuted every choice: no solution exists. */
        EXHAUSTED,
        /** The backtracking budget ran out. */
        BUDGET
    }

    private final int cellsX;
    private final int cellsY;
    private final int patterns;
    private final boolean periodic;
    /** propagator[d][t]: the patterns that may sit in direction d of pattern t. */
    private final int[][][] propagator;
    private final double[] weights;
    private final double[] weightLogWeights;
    private final int cells;

    private final boolean[] wave;
    private final int[] support;
    private final int[] count;
    private final double[] sumWeights;
    private final double[] sumWeightLogWeights;
    private final int[] neighbor;

    private int[] trail;
    private int trailSize;
    private int[] pending;
    private int pendingSize;
    private final int[] decisionTrail;
    private final int[] decisionCell;
    private final int[] decisionPattern;
    private int decisions;
    private boolean contradiction;
    private int backtracks;

    WfcSolver(int cellsX, int cellsY, boolean periodic, int[][][] propagator, double[] weights) {
        this.cellsX = cellsX;
        this.cellsY = cellsY;
        this.periodic = periodic;
        this.patterns = weights.length;
        this.propagator = propagator;
        this.weights = weights;
        this.weightLogWeights = new double[patterns];
        for (int t = 0; t < patterns; t++) {
            weightLogWeights[t] = weights[t] * Math.log(weights[t]);
        }
        this.cells = cellsX * cellsY;
        this.wave = new boolean[cells * patterns];
        this.support = new int[cells * patterns * 4];
        this.count = new int[cells];
        this.sumWeights = new double[cells];
        this.sumWeightLogWeights = new double[cells];
        this.neighbor = new int[cells * 4];
        for (int i = 0; i < cells; i++) {
            int x = i % cellsX;
            int y = i / cellsX;
            for (int d = 0; d < 4; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (periodic) {
                    nx = Math.floorMod(nx, cellsX);
                    ny = Math.floorMod(ny, cellsY);
                } else if (nx < 0 || ny < 0 || nx >= cellsX || ny >= cellsY) {
                    neighbor[i * 4 + d] = -1;
                    continue;
                }
                neighbor[i * 4 + d] = ny * cellsX + nx;
            }
        }
        this.trail = new int[Math.max(16, cells * 4)];
        this.pending = new int[Math.max(16, cells * 4)];
        this.decisionTrail = new int[cells + 1];
        this.decisionCell = new int[cells + 1];
        this.decisionPattern = new int[cells + 1];
    }

    /** @return backtracks made in the last {@link #solve} */
    int backtracks() {
        return backtracks;
    }

    /** @return the pattern cell {@code i} collapsed to (after {@link Status#SOLVED}) */
    int patternAt(int i) {
        int base = i * patterns;
        for (int t = 0; t < patterns; t++) {
            if (wave[base + t]) {
                return t;
            }
        }
        return -1;
    }

    /** @return whether pattern t is still possible in cell i */
    boolean possible(int i, int t) {
        return wave[i * patterns + t];
    }

    /**
     * One attempt from a clean state.
     *
     * @param initialBans {@code cell * patterns + pattern} pairs banned before the first observation (constraints)
     * @param rng the attempt's randomness
     * @param maxBacktracks the most backtracks before giving up
     * @return how it ended
     */
    Status solve(int[] initialBans, SplittableRandom rng, int maxBacktracks) {
        reset();
        for (int pair : initialBans) {
            if (wave[pair]) {
                ban(pair / patterns, pair % patterns);
            }
        }
        // a pattern without any partner in a direction where the cell has a neighbour can never sit there
        for (int i = 0; i < cells; i++) {
            for (int d = 0; d < 4; d++) {
                if (neighbor[i * 4 + d] < 0) {
                    continue;
                }
                for (int t = 0; t < patterns; t++) {
                    if (propagator[d][t].length == 0 && wave[i * patterns + t]) {
                        ban(i, t);
                    }
                }
            }
        }
        propagate();
        if (contradiction) {
            return Status.UNSATISFIABLE;
        }
        while (true) {
            int cell = lowestEntropyCell(rng);
            if (cell < 0) {
                return Status.SOLVED;
            }
            int chosen = choose(cell, rng);
            decisionTrail[decisions] = trailSize;
            decisionCell[decisions] = cell;
            decisionPattern[decisions] = chosen;
            decisions++;
            int base = cell * patterns;
            for (int t = 0; t < patterns; t++) {
                if (t != chosen && wave[base + t]) {
                    ban(cell, t);
                }
            }
            propagate();
            while (contradiction) {
                if (decisions == 0) {
                    return Status.EXHAUSTED;
                }
                if (backtracks >= maxBacktracks) {
                    return Status.BUDGET;
                }
                backtracks++;
                decisions--;
                undoTo(decisionTrail[decisions]);
                // the refuted choice is banned as a consequence of the decisions before it
                ban(decisionCell[decisions], decisionPattern[decisions]);
                propagate();
            }
        }
    }

    private void reset() {
        Arrays.fill(wave, true);
        for (int i = 0; i < cells; i++) {
            for (int t = 0; t < patterns; t++) {
                int s = (i * patterns + t) * 4;
                for (int d = 0; d < 4; d++) {
                    support[s + d] = propagator[d][t].length;
                }
            }
        }
        double sw = 0;
        double swl = 0;
        for (int t = 0; t < patterns; t++) {
            sw += weights[t];
            swl += weightLogWeights[t];
        }
        Arrays.fill(count, patterns);
        Arrays.fill(sumWeights, sw);
        Arrays.fill(sumWeightLogWeights, swl);
        trailSize = 0;
        pendingSize = 0;
        decisions = 0;
        contradiction = false;
        backtracks = 0;
    }

    /** Bans t at i, updates the neighbours' support counts and queues the bans that follow. */
    private void ban(int i, int t) {
        int pair = i * patterns + t;
        wave[pair] = false;
        if (trailSize == trail.length) {
            trail = Arrays.copyOf(trail, trail.length * 2);
        }
        trail[trailSize++] = pair;
        count[i]--;
        sumWeights[i] -= weights[t];
        sumWeightLogWeights[i] -= weightLogWeights[t];
        if (count[i] == 0) {
            contradiction = true;
        }
        for (int d = 0; d < 4; d++) {
            int n = neighbor[i * 4 + d];
            if (n < 0) {
                continue;
            }
            int back = (d + 2) & 3;
            int[] partners = propagator[d][t];
            int nBase = n * patterns;
            for (int p : partners) {
                int s = ((nBase + p) << 2) + back;
                if (--support[s] == 0 && wave[nBase + p]) {
                    if (pendingSize == pending.length) {
                        pending = Arrays.copyOf(pending, pending.length * 2);
                    }
                    pending[pendingSize++] = nBase + p;
                }
            }
        }
    }

    private void propagate() {
        while (pendingSize > 0 && !contradiction) {
            int pair = pending[--pendingSize];
            if (wave[pair]) {
                ban(pair / patterns, pair % patterns);
            }
        }
        pendingSize = 0;
    }

    /** Restores every ban made after trail position {@code mark}, newest first, with its support counts. */
    private void undoTo(int mark) {
        while (trailSize > mark) {
            int pair = trail[--trailSize];
            int i = pair / patterns;
            int t = pair % patterns;
            wave[pair] = true;
            count[i]++;
            sumWeights[i] += weights[t];
            sumWeightLogWeights[i] += weightLogWeights[t];
            for (int d = 0; d < 4; d++) {
                int n = neighbor[i * 4 + d];
                if (n < 0) {
                    continue;
                }
                int back = (d + 2) & 3;
                int nBase = n * patterns;
                for (int p : propagator[d][t]) {
                    support[((nBase + p) << 2) + back]++;
                }
            }
        }
        contradiction = false;
        pendingSize = 0;
    }

    private int lowestEntropyCell(SplittableRandom rng) {
        double min = Double.MAX_VALUE;
        int argmin = -1;
        for (int i = 0; i < cells; i++) {
            int c = count[i];
            if (c <= 1) {
                continue;
            }
            double sw = sumWeights[i];
            double entropy = Math.log(sw) - sumWeightLogWeights[i] / sw;
            // a little noise breaks ties between equal cells in a seeded way
            double noisy = entropy + 1e-6 * rng.nextDouble();
            if (noisy < min) {
                min = noisy;
                argmin = i;
            }
        }
        return argmin;
    }

    private int choose(int cell, SplittableRandom rng) {
        int base = cell * patterns;
        double r = rng.nextDouble() * sumWeights[cell];
        int last = -1;
        for (int t = 0; t < patterns; t++) {
            if (wave[base + t]) {
                last = t;
                r -= weights[t];
                if (r <= 0) {
                    return t;
                }
            }
        }
        return last; // rounding left a sliver: the last possible pattern
    }

    int cellsX() {
        return cellsX;
    }

    int cellsY() {
        return cellsY;
    }

    boolean periodic() {
        return periodic;
    }
}
