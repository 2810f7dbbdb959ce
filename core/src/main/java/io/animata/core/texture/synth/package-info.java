/**
 * Texture by example: {@link io.animata.core.texture.synth.ImageQuilting} makes a larger, tileable texture from a
 * small example image (patches matched on their overlaps and cut in along minimum-error boundaries, on a torus).
 * How close the result's statistics are to the example's, against a baseline of the example's pixels shuffled, is
 * measured by {@link io.animata.core.texture.TextureMetrics#statisticsDistance}.
 *
 * <p>Threading: synthesis blocks the calling thread (a worker, never the game thread) and scores candidates on a
 * {@link io.animata.core.texture.RowExecutor}; the result depends only on the example, the settings and the seed.
 */
package io.animata.core.texture.synth;
