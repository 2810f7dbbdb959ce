package io.animata.core.level.metrics;

import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frequencies of the k x k tile patterns of a set of levels (every window, not wrapping), and the
 * Kullback-Leibler divergence between two such distributions (Lucas and Volz's tile-pattern KL divergence).
 *
 * <p>Threading: immutable once built; thread-safe.
 */
public final class PatternDistribution {
    /**
     * The smoothing added to every probability before the divergence is taken, so that a pattern one distribution
     * lacks costs a large but finite amount.
     */
    public static final double EPSILON = 1e-6;

    private final int k;
    private final Map<String, Integer> counts;
    private final long total;

    private PatternDistribution(int k, Map<String, Integer> counts, long total) {
        this.k = k;
        this.counts = counts;
        this.total = total;
    }

    /**
     * @param levels levels (those smaller than k x k add nothing)
     * @param k the pattern side, at least 1
     * @return the pattern counts
     * @throws AnimataException when k is less than 1
     */
    public static PatternDistribution of(List<TileGrid> levels, int k) {
        if (k < 1) {
            throw new AnimataException("The pattern size k must be at least 1, was " + k);
        }
        Map<String, Integer> counts = new HashMap<>();
        long total = 0;
        char[] window = new char[k * k];
        for (TileGrid g : levels) {
            for (int y = 0; y + k <= g.height(); y++) {
                for (int x = 0; x + k <= g.width(); x++) {
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            window[dy * k + dx] = g.get(x + dx, y + dy);
                        }
                    }
                    counts.merge(new String(window), 1, Integer::sum);
                    total++;
                }
            }
        }
        return new PatternDistribution(k, counts, total);
    }

    /** @return the pattern side */
    public int k() {
        return k;
    }

    /** @return how many windows were counted */
    public long total() {
        return total;
    }

    /** @return how many distinct patterns there are */
    public int distinct() {
        return counts.size();
    }

    /** @return the probability of a pattern (its k*k tiles row by row), 0 when unseen */
    public double probability(String pattern) {
        return total == 0 ? 0 : counts.getOrDefault(pattern, 0) / (double) total;
    }

    /**
     * @param other the reference distribution (the examples')
     * @return KL(this || other) in nats, over the union of both supports, each probability smoothed by
     *     {@link #EPSILON} and renormalised; 0 when the two are the same
     * @throws AnimataException when the pattern sizes differ or either distribution is empty
     */
    public double klDivergence(PatternDistribution other) {
        if (other.k != k) {
            throw new AnimataException("Cannot compare " + k + "x" + k + " with " + other.k + "x" + other.k
                    + " pattern distributions");
        }
        if (total == 0 || other.total == 0) {
            throw new AnimataException("A pattern distribution is empty: the levels are smaller than " + k + "x" + k);
        }
        Set<String> union = new HashSet<>(counts.keySet());
        union.addAll(other.counts.keySet());
        double norm = 1 + EPSILON * union.size();
        double kl = 0;
        for (String pattern : union) {
            double p = (probability(pattern) + EPSILON) / norm;
            double q = (other.probability(pattern) + EPSILON) / norm;
            kl += p * Math.log(p / q);
        }
        return Math.max(0, kl);
    }
}
