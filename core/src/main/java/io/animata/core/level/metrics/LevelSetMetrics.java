package io.animata.core.level.metrics;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality figures of a set of generated levels against the examples they were learned from: playability rate,
 * diversity (and the examples' own, for scale), novelty and near copies, the tile-pattern KL divergence for k = 2,
 * 3 and 4, and every level's expressive-range features.
 *
 * <p>Threading: immutable; {@link #evaluate} is thread-safe and uses the common fork-join pool for the pairwise
 * distances.
 *
 * @param count levels measured
 * @param playableShare share of playable levels
 * @param diversity mean pairwise distance of the levels
 * @param exampleDiversity mean pairwise distance of the examples
 * @param novelty distances to the nearest example
 * @param kl KL divergence of the levels' k x k patterns from the examples', for k = 2, 3, 4 (index k - 2)
 * @param exampleKl the same measured for each example against the other examples, averaged (leave one out): how far
 *     the examples are from each other, the scale to read {@code kl} against (0 with a single example)
 * @param features each level's features, in order
 * @param exampleFeatures each example's features
 */
public record LevelSetMetrics(int count, double playableShare, double diversity, double exampleDiversity,
        Novelty novelty, double[] kl, double[] exampleKl, List<LevelFeatures> features, List<LevelFeatures> exampleFeatures) {
    /** The pattern sizes the KL divergence is reported for. */
    public static final int[] KL_SIZES = {2, 3, 4};

    /**
     * @param levels generated levels
     * @param verdicts their playability, in the same order
     * @param examples the examples (with their markers)
     * @param legend what the tiles mean
     * @return the figures
     * @throws AnimataException when the lists do not match or there are no examples
     */
    public static LevelSetMetrics evaluate(List<TileGrid> levels, List<Playability> verdicts, List<TileGrid> examples,
            Legend legend) {
        if (levels.size() != verdicts.size()) {
            throw new AnimataException("Got " + levels.size() + " levels but " + verdicts.size() + " verdicts");
        }
        if (examples.isEmpty()) {
            throw new AnimataException("Level metrics need at least one example level");
        }
        int playable = 0;
        List<LevelFeatures> features = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            Playability p = verdicts.get(i);
            if (p.isPlayable()) {
                playable++;
            }
            features.add(LevelFeatures.measure(levels.get(i), legend, p));
        }
        PlayabilityCheck check = PlayabilityCheck.forLegend(legend);
        List<LevelFeatures> exampleFeatures = new ArrayList<>(examples.size());
        for (TileGrid e : examples) {
            exampleFeatures.add(LevelFeatures.measure(e, legend, check.check(e)));
        }
        double[] kl = new double[KL_SIZES.length];
        double[] exampleKl = new double[KL_SIZES.length];
        for (int i = 0; i < KL_SIZES.length; i++) {
            int k = KL_SIZES[i];
            kl[i] = levels.isEmpty() ? 0 : PatternDistribution.of(levels, k)
                    .klDivergence(PatternDistribution.of(examples, k));
            if (examples.size() > 1) {
                double sum = 0;
                for (int e = 0; e < examples.size(); e++) {
                    List<TileGrid> others = new ArrayList<>(examples);
                    TileGrid one = others.remove(e);
                    sum += PatternDistribution.of(List.of(one), k).klDivergence(PatternDistribution.of(others, k));
                }
                exampleKl[i] = sum / examples.size();
            }
        }
        return new LevelSetMetrics(levels.size(), levels.isEmpty() ? 0 : (double) playable / levels.size(),
                Diversity.meanPairwise(levels), Diversity.meanPairwise(examples),
                Novelty.of(levels, examples, Novelty.NEAR_COPY), kl, exampleKl, List.copyOf(features),
                List.copyOf(exampleFeatures));
    }

    /** @return the mean of the KL divergences over k = 2, 3, 4 */
    public double meanKl() {
        double s = 0;
        for (double v : kl) {
            s += v;
        }
        return s / kl.length;
    }
}
