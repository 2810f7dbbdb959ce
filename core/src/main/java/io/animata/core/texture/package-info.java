/**
 * Procedural textures: {@link io.animata.core.texture.PixelBuffer} (RGBA pixels in plain Java memory, written off
 * the GL thread) and quality measures ({@link io.animata.core.texture.TextureMetrics}: seam error of tiles). The
 * noise lives in {@code texture.noise}.
 *
 * <p>Threading: generators run on worker threads and fill pixel buffers; only the game thread turns them into
 * libGDX {@code Texture}s (see {@code core.assets}).
 */
package io.animata.core.texture;
