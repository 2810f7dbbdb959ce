package io.animata.core.level.metrics;

import io.animata.core.level.TileGrid;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Diversity of a set of levels: the mean normalised Hamming distance over all pairs ({@link LevelDistance}).
 * 0 means all levels are the same.
 *
 * <p>Threading: stateless; thread-safe. Large sets are measured on the common fork-join pool.
 */
public final class Diversity {
    private Diversity() {
    }

    /** @return the mean pairwise distance, 0 for fewer than two levels */
    public static double meanPairwise(List<TileGrid> levels) {
        int n = levels.size();
        if (n < 2) {
            return 0;
        }
        double sum = IntStream.range(0, n - 1).parallel().mapToDouble(i -> {
            double s = 0;
            TileGrid a = levels.get(i);
            for (int j = i + 1; j < n; j++) {
                s += LevelDistance.hamming(a, levels.get(j));
            }
            return s;
        }).sum();
        return sum / ((double) n * (n - 1) / 2);
    }
}
