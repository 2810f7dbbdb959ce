/**
 * Quality figures for generated levels: {@link io.animata.core.level.metrics.LevelDistance} (normalised Hamming),
 * {@link io.animata.core.level.metrics.Diversity} (mean pairwise distance), {@link
 * io.animata.core.level.metrics.Novelty} (distance to the nearest example, share of near copies), {@link
 * io.animata.core.level.metrics.PatternDistribution} (tile-pattern KL divergence), {@link
 * io.animata.core.level.metrics.LevelFeatures} (density, linearity, leniency: the expressive range) and {@link
 * io.animata.core.level.metrics.LevelSetMetrics}, which gathers them all for a batch.
 *
 * <p>Threading: everything is stateless or immutable and thread-safe; pairwise measures use the common fork-join
 * pool.
 */
package io.animata.core.level.metrics;
