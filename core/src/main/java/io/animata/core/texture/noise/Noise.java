package io.animata.core.texture.noise;

/**
 * A basis noise function in 2, 3 and 4 dimensions: deterministic for a seed and a point, continuous, with
 * features about one lattice unit apart, and values in [-1, 1] everywhere, however far from the origin.
 *
 * <p>The 4D form is what makes textures seamless: {@link NoiseGenerator#sampleTileable} walks a torus in 4D, so the
 * texture's left edge meets its right edge (and top meets bottom) by construction.
 *
 * <p>Threading: implementations are immutable and thread-safe, and allocate nothing per call.
 */
public interface Noise {
    /** @return the noise at {@code (x, y)}, in [-1, 1] */
    float sample(int seed, double x, double y);

    /** @return the noise at {@code (x, y, z)}, in [-1, 1] */
    float sample(int seed, double x, double y, double z);

    /** @return the noise at {@code (x, y, z, w)}, in [-1, 1] */
    float sample(int seed, double x, double y, double z, double w);
}
