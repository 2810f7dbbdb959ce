/**
 * Procedural textures: {@link io.animata.core.texture.PixelBuffer} (RGBA pixels in plain Java memory, written off
 * the GL thread), {@link io.animata.core.texture.ColorRamp} (values to colours),
 * {@link io.animata.core.texture.NormalMap} (normal maps from heights), {@link io.animata.core.texture.RowExecutor}
 * (rows in parallel on a fixed pool, deterministic) and quality measures
 * ({@link io.animata.core.texture.TextureMetrics}: seam error of tiles); {@link io.animata.core.texture.Pixmaps}
 * turns pixels into libGDX pixmaps and tiling textures. Noise lives in {@code texture.noise},
 * JSON material recipes in {@code texture.recipe}.
 *
 * <p>Threading: generators run on worker threads and fill pixel buffers; only the game thread turns them into
 * libGDX {@code Texture}s (see {@code core.assets}).
 */
package io.animata.core.texture;
