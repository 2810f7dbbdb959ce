package io.animata.core.texture.noise;

import java.util.Objects;

/**
 * Domain warping (I. Quilez, "Domain warping", 2002/2012): moves each sample point by a noise-driven offset before a
 * field is sampled there, {@code p' = p + amplitude * (nx(p), ny(p))}, which turns round blobs into flowing,
 * folded shapes (marble, lava, wood knots). The two offset fields are the given generator and the same generator
 * with another seed.
 *
 * <p>In tile space ({@link #warpTileable}) the offsets are themselves seamless and the result is sampled with
 * {@link NoiseGenerator#sampleTileable}, which wraps: a warped tile still tiles.
 *
 * <p>Threading: immutable and thread-safe; writes into a caller-owned array, allocating nothing.
 *
 * <pre>{@code
 * DomainWarp warp = new DomainWarp(NoiseGenerator.builder().setNoise(SimplexNoise.INSTANCE).optFrequency(3)
 *         .optFractal(Fractal.FBM).optOctaves(3).build(), 0.08);
 * double[] p = new double[2];                       // scratch, one per thread
 * warp.warpTileable(u, v, p);
 * float value = field.sampleTileable(p[0], p[1]);
 * }</pre>
 */
public final class DomainWarp {
    private final NoiseGenerator x;
    private final NoiseGenerator y;
    private final double amplitude;

    /**
     * @param offsets the noise that moves points (its seed drives x; seed + 7919 drives y)
     * @param amplitude the largest move, in the sampled coordinates' units (tile units for {@link #warpTileable})
     */
    public DomainWarp(NoiseGenerator offsets, double amplitude) {
        Objects.requireNonNull(offsets, "offsets");
        if (!Double.isFinite(amplitude)) {
            throw new IllegalArgumentException("warp amplitude must be finite, was " + amplitude);
        }
        this.x = offsets;
        this.y = offsets.toBuilder().optSeed(offsets.seed() + 7919).build();
        this.amplitude = amplitude;
    }

    /** @return the largest move */
    public double amplitude() {
        return amplitude;
    }

    /** Writes the warped plane point {@code (px, py)} into {@code out[0], out[1]}. */
    public void warp(double px, double py, double[] out) {
        double dx = x.sample(px, py);
        double dy = y.sample(px, py);
        out[0] = px + amplitude * dx;
        out[1] = py + amplitude * dy;
    }

    /** Writes the warped tile point {@code (u, v)} into {@code out[0], out[1]}; the offsets tile seamlessly. */
    public void warpTileable(double u, double v, double[] out) {
        double dx = x.sampleTileable(u, v);
        double dy = y.sampleTileable(u, v);
        out[0] = u + amplitude * dx;
        out[1] = v + amplitude * dy;
    }
}
