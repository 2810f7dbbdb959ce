package io.animata.core.level.wfc;

import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wave Function Collapse, overlapping model: learns every N x N pattern of one or more example levels (with their
 * frequencies, the sides of the examples they touch, and optionally their rotations and reflections) and generates
 * levels in which every N x N window is one of those patterns. Two patterns may be neighbours when they agree on
 * their overlap.
 *
 * <p>Threading: immutable once built; {@link #generate} may run on many threads at once.
 *
 * <pre>{@code
 * OverlappingModel model = OverlappingModel.builder().addExamples(grids).setPatternSize(3).optSymmetry(2).build();
 * TileGrid level = model.generate(WfcSettings.builder().setSize(40, 12).optGround().build(), seed).orThrow();
 * }</pre>
 */
public final class OverlappingModel extends WfcModel {
    private OverlappingModel(char[] tiles, int span, double[] weights, int[][][] propagator, int[] seenAt,
            int[] seenAway) {
        super(tiles, span, weights, propagator, seenAt, seenAway);
    }

    /** @return a builder; {@link Builder#addExample} (at least once) and {@link Builder#setPatternSize} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Learns an {@link OverlappingModel} from examples.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private final List<TileGrid> examples = new ArrayList<>();
        private int n = -1;
        private int symmetry = 1;
        private boolean periodicInput;
        private double frequencyExponent = 1;

        private Builder() {
        }

        /** Required (once or more): an example level. */
        public Builder addExample(TileGrid example) {
            examples.add(example);
            return this;
        }

        /** Adds every example of a list. */
        public Builder addExamples(List<TileGrid> grids) {
            examples.addAll(grids);
            return this;
        }

        /** Required: N, the side of the patterns (2 to 5; 3 is typical). */
        public Builder setPatternSize(int n) {
            this.n = n;
            return this;
        }

        /**
         * Optional: how many of the eight rotations and reflections of each pattern to learn (default 1, the
         * pattern as it is). 2 adds the mirror image (left-right), which keeps gravity; 8 adds every rotation.
         */
        public Builder optSymmetry(int symmetry) {
            this.symmetry = symmetry;
            return this;
        }

        /** Optional: treat the examples as wrapping around (default false); their sides are then not learned. */
        public Builder optPeriodicInput(boolean periodicInput) {
            this.periodicInput = periodicInput;
            return this;
        }

        /**
         * Optional: a pattern's weight is its count in the examples raised to this power (default 1, the classic
         * model). Levels have a few very common patterns (solid rock, open air) that, at full weight, grow into
         * featureless masses; 0.5 keeps the frequency order but lets the rarer, structured patterns through, and 0
         * weighs every pattern the same.
         */
        public Builder optFrequencyExponent(double exponent) {
            this.frequencyExponent = exponent;
            return this;
        }

        /**
         * @return the learned model
         * @throws AnimataException when there are no examples, N is out of range or larger than an example, or the
         *     symmetry is not 1 to 8
         */
        public OverlappingModel build() {
            if (examples.isEmpty()) {
                throw new AnimataException("The overlapping model needs at least one example level");
            }
            if (n < 1 || n > 8) {
                throw new AnimataException("The pattern size N must be between 1 and 8 (3 is typical), was " + n);
            }
            if (!(frequencyExponent >= 0 && frequencyExponent <= 4)) {
                throw new AnimataException("The frequency exponent must be between 0 and 4, was " + frequencyExponent);
            }
            if (symmetry < 1 || symmetry > 8) {
                throw new AnimataException("Symmetry must be 1 to 8, was " + symmetry);
            }
            for (int i = 0; i < examples.size(); i++) {
                TileGrid g = examples.get(i);
                if (g.width() < n || g.height() < n) {
                    throw new AnimataException("Example " + (i + 1) + " is " + g.width() + "x" + g.height()
                            + ", smaller than the " + n + "x" + n + " patterns");
                }
            }
            return learn();
        }

        private OverlappingModel learn() {
            int n2 = n * n;
            Map<String, Integer> index = new LinkedHashMap<>();
            List<Double> counts = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            List<Integer> away = new ArrayList<>();
            char[] block = new char[n2];
            for (TileGrid g : examples) {
                int maxX = periodicInput ? g.width() : g.width() - n + 1;
                int maxY = periodicInput ? g.height() : g.height() - n + 1;
                for (int y = 0; y < maxY; y++) {
                    for (int x = 0; x < maxX; x++) {
                        for (int dy = 0; dy < n; dy++) {
                            for (int dx = 0; dx < n; dx++) {
                                block[dy * n + dx] = g.get((x + dx) % g.width(), (y + dy) % g.height());
                            }
                        }
                        int edges = 0;
                        if (!periodicInput) {
                            edges |= y == 0 ? Edge.TOP.bit() : 0;
                            edges |= y == maxY - 1 ? Edge.BOTTOM.bit() : 0;
                            edges |= x == 0 ? Edge.LEFT.bit() : 0;
                            edges |= x == maxX - 1 ? Edge.RIGHT.bit() : 0;
                        }
                        char[] p = block.clone();
                        int e = edges;
                        for (int s = 0; s < symmetry; s++) {
                            // the order of the eight variants: p, reflect(p), rotate(p), reflect(rotate(p)), ...
                            char[] variant = p;
                            int variantEdges = e;
                            if (s % 2 == 1) {
                                variant = reflect(p, n);
                                variantEdges = reflectEdges(e);
                            }
                            String key = new String(variant);
                            Integer t = index.get(key);
                            if (t == null) {
                                t = index.size();
                                index.put(key, t);
                                counts.add(0.0);
                                at.add(0);
                                away.add(0);
                            }
                            counts.set(t, counts.get(t) + 1);
                            at.set(t, at.get(t) | variantEdges);
                            away.set(t, away.get(t) | (~variantEdges & 0xf));
                            if (s % 2 == 1) {
                                p = rotate(p, n);
                                e = rotateEdges(e);
                            }
                        }
                    }
                }
            }
            int count = index.size();
            char[] tiles = new char[count * n2];
            int t = 0;
            for (String key : index.keySet()) {
                key.getChars(0, n2, tiles, t * n2);
                t++;
            }
            double[] weights = new double[count];
            int[] seenAt = new int[count];
            int[] seenAway = new int[count];
            for (int i = 0; i < count; i++) {
                weights[i] = Math.pow(counts.get(i), frequencyExponent);
                seenAt[i] = at.get(i);
                seenAway[i] = away.get(i);
            }
            return new OverlappingModel(tiles, n, weights, propagator(tiles, count, n), seenAt, seenAway);
        }

        /**
         * For each direction, groups patterns by the part a neighbour there must share, so that building the
         * propagator takes time linear in the number of agreeing pairs rather than quadratic in patterns.
         */
        private static int[][][] propagator(char[] tiles, int count, int n) {
            int[][][] prop = new int[4][count][];
            for (int d = 0; d < 4; d++) {
                int dx = WfcSolver.DX[d];
                int dy = WfcSolver.DY[d];
                // the overlap, in the first pattern's coordinates
                int x0 = Math.max(0, dx);
                int x1 = n + Math.min(0, dx);
                int y0 = Math.max(0, dy);
                int y1 = n + Math.min(0, dy);
                Map<String, List<Integer>> byOverlap = new HashMap<>();
                for (int b = 0; b < count; b++) {
                    byOverlap.computeIfAbsent(part(tiles, b, n, x0 - dx, x1 - dx, y0 - dy, y1 - dy),
                            k -> new ArrayList<>()).add(b);
                }
                for (int a = 0; a < count; a++) {
                    List<Integer> partners = byOverlap.get(part(tiles, a, n, x0, x1, y0, y1));
                    int[] arr = partners == null ? new int[0] : new int[partners.size()];
                    for (int i = 0; i < arr.length; i++) {
                        arr[i] = partners.get(i);
                    }
                    prop[d][a] = arr;
                }
            }
            return prop;
        }

        private static String part(char[] tiles, int t, int n, int x0, int x1, int y0, int y1) {
            StringBuilder sb = new StringBuilder((x1 - x0) * (y1 - y0));
            int base = t * n * n;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    sb.append(tiles[base + y * n + x]);
                }
            }
            return sb.toString();
        }

        /** Left-right mirror: (x, y) goes to (n-1-x, y). */
        private static char[] reflect(char[] p, int n) {
            char[] out = new char[p.length];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    out[y * n + (n - 1 - x)] = p[y * n + x];
                }
            }
            return out;
        }

        /** Quarter turn: (x, y) goes to (y, n-1-x); the top row becomes the left column. */
        private static char[] rotate(char[] p, int n) {
            char[] out = new char[p.length];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    out[(n - 1 - x) * n + y] = p[y * n + x];
                }
            }
            return out;
        }

        private static int reflectEdges(int e) {
            int out = e & (Edge.TOP.bit() | Edge.BOTTOM.bit());
            out |= (e & Edge.LEFT.bit()) != 0 ? Edge.RIGHT.bit() : 0;
            out |= (e & Edge.RIGHT.bit()) != 0 ? Edge.LEFT.bit() : 0;
            return out;
        }

        private static int rotateEdges(int e) {
            int out = 0;
            out |= (e & Edge.TOP.bit()) != 0 ? Edge.LEFT.bit() : 0;
            out |= (e & Edge.LEFT.bit()) != 0 ? Edge.BOTTOM.bit() : 0;
            out |= (e & Edge.BOTTOM.bit()) != 0 ? Edge.RIGHT.bit() : 0;
            out |= (e & Edge.RIGHT.bit()) != 0 ? Edge.TOP.bit() : 0;
            return out;
        }
    }
}
