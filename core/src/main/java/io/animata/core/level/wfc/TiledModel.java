package io.animata.core.level.wfc;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wave Function Collapse, simple tiled model: a tileset (one character per tile, with a weight) and adjacency rules
 * saying which tile may sit to the right of which and which below which. Every pair of neighbours in a generated
 * level is an allowed pair. The rules can be written by hand ({@link #builder()}) or learned from examples
 * ({@link #learn}): then every pair the examples show is allowed, and tiles are weighted by frequency.
 *
 * <p>Threading: immutable once built; {@link #generate} may run on many threads at once.
 *
 * <pre>{@code
 * TiledModel model = TiledModel.builder()
 *         .addTile('#', 1).addTile('.', 3)
 *         .allowHorizontal('#', '.').allowHorizontal('.', '#').allowHorizontal('.', '.')
 *         .allowVertical('#', '#').allowVertical('.', '#').allowVertical('.', '.')
 *         .build();
 * }</pre>
 */
public final class TiledModel extends WfcModel {
    private final boolean[] horizontal;
    private final boolean[] vertical;

    private TiledModel(char[] tiles, double[] weights, int[][][] propagator, int[] seenAt, int[] seenAway,
            boolean[] horizontal, boolean[] vertical) {
        super(tiles, 1, weights, propagator, seenAt, seenAway);
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    /** @return a builder for hand-written rules */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param examples example levels
     * @return a model whose tiles are the examples' characters, weighted by frequency, that allows every pair of
     *     neighbours the examples show (and knows which tiles they show at each side)
     * @throws AnimataException when there are no examples
     */
    public static TiledModel learn(List<TileGrid> examples) {
        if (examples.isEmpty()) {
            throw new AnimataException("The tiled model needs at least one example level to learn from");
        }
        Builder b = builder();
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (TileGrid g : examples) {
            for (int i = 0; i < g.size(); i++) {
                counts.merge(g.at(i), 1, Integer::sum);
            }
        }
        counts.forEach((c, n) -> b.addTile(c, n));
        for (TileGrid g : examples) {
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    char c = g.get(x, y);
                    if (x + 1 < g.width()) {
                        b.allowHorizontal(c, g.get(x + 1, y));
                    }
                    if (y + 1 < g.height()) {
                        b.allowVertical(c, g.get(x, y + 1));
                    }
                    int edges = 0;
                    edges |= y == 0 ? Edge.TOP.bit() : 0;
                    edges |= y == g.height() - 1 ? Edge.BOTTOM.bit() : 0;
                    edges |= x == 0 ? Edge.LEFT.bit() : 0;
                    edges |= x == g.width() - 1 ? Edge.RIGHT.bit() : 0;
                    b.seen(c, edges);
                }
            }
        }
        return b.build();
    }

    /** @return the tiles, in the model's order */
    public List<Character> tiles() {
        List<Character> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            out.add(tiles[t]);
        }
        return out;
    }

    /** @return whether {@code right} may sit directly right of {@code left} */
    public boolean allowsHorizontal(char left, char right) {
        int a = indexOf(left);
        int b = indexOf(right);
        return a >= 0 && b >= 0 && horizontal[a * count + b];
    }

    /** @return whether {@code bottom} may sit directly below {@code top} */
    public boolean allowsVertical(char top, char bottom) {
        int a = indexOf(top);
        int b = indexOf(bottom);
        return a >= 0 && b >= 0 && vertical[a * count + b];
    }

    private int indexOf(char c) {
        for (int t = 0; t < count; t++) {
            if (tiles[t] == c) {
                return t;
            }
        }
        return -1;
    }

    /**
     * Builds a {@link TiledModel} from a tileset and adjacency rules.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private final Map<Character, Double> weights = new LinkedHashMap<>();
        private final Set<String> horizontal = new LinkedHashSet<>();
        private final Set<String> vertical = new LinkedHashSet<>();
        private final Map<Character, int[]> sides = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param tile a tile character
         * @param weight how often it should appear, relative to the others (positive)
         * @return this
         * @throws AnimataException for a duplicate tile or a weight that is not positive
         */
        public Builder addTile(char tile, double weight) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new AnimataException("Tile " + Legend.describe(tile) + " needs a positive weight, was " + weight);
            }
            if (weights.put(tile, weight) != null) {
                throw new AnimataException("Tile " + Legend.describe(tile) + " is in the tileset twice");
            }
            return this;
        }

        /** @return this, allowing {@code right} directly right of {@code left} */
        public Builder allowHorizontal(char left, char right) {
            horizontal.add("" + left + right);
            return this;
        }

        /** @return this, allowing {@code bottom} directly below {@code top} */
        public Builder allowVertical(char top, char bottom) {
            vertical.add("" + top + bottom);
            return this;
        }

        /**
         * @return this, where {@code tile} may appear at the given sides when they are anchored (without any call,
         *     a tile may appear at every side)
         */
        public Builder optEdgeTile(char tile, Edge... edges) {
            int[] s = sides.computeIfAbsent(tile, k -> new int[] {0, 0xf});
            for (Edge e : edges) {
                s[0] |= e.bit();
            }
            return this;
        }

        private void seen(char tile, int edges) {
            int[] s = sides.computeIfAbsent(tile, k -> new int[2]);
            s[0] |= edges;
            s[1] |= ~edges & 0xf;
        }

        /**
         * @return the model
         * @throws AnimataException when the tileset is empty or a rule names a tile it lacks
         */
        public TiledModel build() {
            if (weights.isEmpty()) {
                throw new AnimataException("The tiled model needs at least one tile");
            }
            List<Character> tiles = new ArrayList<>(weights.keySet());
            int count = tiles.size();
            boolean[] h = rules(horizontal, tiles, "horizontal");
            boolean[] v = rules(vertical, tiles, "vertical");
            int[][][] prop = new int[4][count][];
            for (int t = 0; t < count; t++) {
                List<List<Integer>> dirs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>());
                for (int u = 0; u < count; u++) {
                    if (h[u * count + t]) {
                        dirs.get(0).add(u); // u may sit left of t
                    }
                    if (v[t * count + u]) {
                        dirs.get(1).add(u); // u may sit below t
                    }
                    if (h[t * count + u]) {
                        dirs.get(2).add(u);
                    }
                    if (v[u * count + t]) {
                        dirs.get(3).add(u);
                    }
                }
                for (int d = 0; d < 4; d++) {
                    prop[d][t] = dirs.get(d).stream().mapToInt(Integer::intValue).toArray();
                }
            }
            char[] chars = new char[count];
            double[] w = new double[count];
            int[] at = new int[count];
            int[] away = new int[count];
            for (int t = 0; t < count; t++) {
                char c = tiles.get(t);
                chars[t] = c;
                w[t] = weights.get(c);
                int[] s = sides.getOrDefault(c, new int[] {0xf, 0xf});
                at[t] = s[0];
                away[t] = s[1];
            }
            return new TiledModel(chars, w, prop, at, away, h, v);
        }

        private static boolean[] rules(Set<String> pairs, List<Character> tiles, String kind) {
            int count = tiles.size();
            boolean[] out = new boolean[count * count];
            for (String p : pairs) {
                int a = tiles.indexOf(p.charAt(0));
                int b = tiles.indexOf(p.charAt(1));
                if (a < 0 || b < 0) {
                    char missing = a < 0 ? p.charAt(0) : p.charAt(1);
                    throw new AnimataException("A " + kind + " rule names tile " + Legend.describe(missing)
                            + ", which is not in the tileset; add it with addTile");
                }
                out[a * count + b] = true;
            }
            return out;
        }
    }
}
