/**
 * Noise for procedural textures, written for this project from the published algorithms: basis noises
 * ({@link io.animata.core.texture.noise.SimplexNoise}, {@link io.animata.core.texture.noise.PerlinNoise},
 * {@link io.animata.core.texture.noise.ValueNoise}, {@link io.animata.core.texture.noise.CellularNoise}) in 2, 3
 * and 4 dimensions; fractal sums ({@link io.animata.core.texture.noise.Fractal}: fBm, ridged, ping-pong) and seamless
 * tiles by sampling a 4D torus ({@link io.animata.core.texture.noise.NoiseGenerator}); and domain warping
 * ({@link io.animata.core.texture.noise.DomainWarp}).
 *
 * <p>Every value is in [-1, 1], also far from the origin (coordinates are doubles, lattice indices longs).
 *
 * <p>Threading: everything here is immutable and thread-safe, and sampling allocates nothing, so a texture's rows can
 * be filled on many threads at once. Heavy filling belongs on a worker thread, never the game thread.
 */
package io.animata.core.texture.noise;
