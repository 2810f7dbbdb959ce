package io.animata.core.level.metrics;

import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.List;

/**
 * How new generated levels are: each level's distance to its nearest example ({@link LevelDistance}), their mean,
 * and the share of near copies (levels closer to an example than a threshold).
 *
 * <p>Threading: immutable result; {@link #of} is stateless and thread-safe.
 *
 * @param nearest each level's distance to its nearest example, in the levels' order
 * @param mean the mean of {@code nearest}
 * @param nearCopyShare the share of levels whose nearest example is closer than {@code threshold}
 * @param threshold the near-copy threshold used
 */
public record Novelty(double[] nearest, double mean, double nearCopyShare, double threshold) {
    /** Levels that differ from an example in fewer than this share of tiles are near copies. */
    public static final double NEAR_COPY = 0.1;

    /**
     * @param levels generated levels
     * @param examples the examples they were learned from
     * @param threshold the near-copy distance
     * @return the novelty
     * @throws AnimataException when there are no examples
     */
    public static Novelty of(List<TileGrid> levels, List<TileGrid> examples, double threshold) {
        if (examples.isEmpty()) {
            throw new AnimataException("Novelty needs at least one example to compare with");
        }
        double[] nearest = new double[levels.size()];
        java.util.stream.IntStream.range(0, levels.size()).parallel().forEach(i -> {
            double best = Double.MAX_VALUE;
            for (TileGrid e : examples) {
                best = Math.min(best, LevelDistance.hamming(levels.get(i), e));
            }
            nearest[i] = best;
        });
        double sum = 0;
        int copies = 0;
        for (double d : nearest) {
            sum += d;
            if (d < threshold) {
                copies++;
            }
        }
        int n = Math.max(1, levels.size());
        return new Novelty(nearest, sum / n, (double) copies / n, threshold);
    }
}
