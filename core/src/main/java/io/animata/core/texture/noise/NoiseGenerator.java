package io.animata.core.texture.noise;

import java.util.Objects;

/**
 * A configured noise field: a {@link Noise} basis, a seed, a frequency and a {@link Fractal} sum of octaves. Values
 * are in [-1, 1].
 *
 * <p>Three ways to sample it:
 * <ul>
 *   <li>{@link #sample(double, double)} and {@link #sample(double, double, double)}: the plane or space, with
 *       {@code frequency} features per unit;</li>
 *   <li>{@link #sampleTileable(double, double)}: one tile, {@code (u, v)} in [0, 1), with {@code frequency} features
 *       across it. The tile is seamless by construction: {@code (u, v)} is mapped onto a flat torus in 4D,
 *       {@code c + (Rx cos 2 pi u, Rx sin 2 pi u, Ry cos 2 pi v, Ry sin 2 pi v)} with {@code R = frequency / 2 pi}
 *       (and {@code c} half a lattice cell on every axis), and the
 *       4D basis is sampled there, so {@code u = 1} is the same point as {@code u = 0} for every octave and any
 *       frequency.</li>
 * </ul>
 *
 * <p>Octave {@code o} uses seed {@code seed + o}, so octaves are independent rather than scaled copies of each other.
 *
 * <p>Threading: immutable and thread-safe; sampling allocates nothing, so rows of a texture can be filled in
 * parallel from one generator.
 *
 * <pre>{@code
 * NoiseGenerator stone = NoiseGenerator.builder()
 *         .setNoise(SimplexNoise.INSTANCE)
 *         .optSeed(42).optFrequency(8).optFractal(Fractal.FBM).optOctaves(5)
 *         .build();
 * float v = stone.sampleTileable((x + 0.5) / width, (y + 0.5) / height);   // in [-1, 1], tiles seamlessly
 * }</pre>
 */
public final class NoiseGenerator {
    private static final double TAU = 2 * Math.PI;
    /**
     * Where the torus is centred on every axis. Not 0: a circle centred on a lattice point meets the lattice planes
     * {@code x = 0} exactly at the tile's edges, where lattice noises with a fade curve (value noise above all) are
     * flat, so the edge columns would differ from the rest. Half a cell puts the edges mid-cell for every octave.
     */
    private static final double CENTRE = 0.5;

    private final Noise noise;
    private final int seed;
    private final double frequencyX;
    private final double frequencyY;
    private final Fractal fractal;
    private final int octaves;
    private final double lacunarity;
    private final double gain;
    private final double pingPongStrength;
    /** 1 / the sum of the octaves' amplitudes. */
    private final double norm;

    private NoiseGenerator(Builder b) {
        this.noise = b.noise;
        this.seed = b.seed;
        this.frequencyX = b.frequencyX;
        this.frequencyY = b.frequencyY;
        this.fractal = b.fractal;
        this.octaves = b.fractal == Fractal.NONE ? 1 : b.octaves;
        this.lacunarity = b.lacunarity;
        this.gain = b.gain;
        this.pingPongStrength = b.pingPongStrength;
        double sum = 0;
        double amp = 1;
        for (int o = 0; o < octaves; o++) {
            sum += amp;
            amp *= gain;
        }
        this.norm = 1 / sum;
    }

    /** @return a builder: {@code setNoise} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with this generator's settings, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.noise = noise;
        b.seed = seed;
        b.frequencyX = frequencyX;
        b.frequencyY = frequencyY;
        b.fractal = fractal;
        b.octaves = octaves;
        b.lacunarity = lacunarity;
        b.gain = gain;
        b.pingPongStrength = pingPongStrength;
        return b;
    }

    /** @return the basis noise */
    public Noise noise() {
        return noise;
    }

    /** @return the seed */
    public int seed() {
        return seed;
    }

    /** @return how octaves are summed */
    public Fractal fractal() {
        return fractal;
    }

    /** @return octaves summed (1 without a fractal) */
    public int octaves() {
        return octaves;
    }

    /** @return the noise on the plane at {@code (x, y)} times the frequency, in [-1, 1] */
    public float sample(double x, double y) {
        double fx = frequencyX;
        double fy = frequencyY;
        double sum = 0;
        double amp = 1;
        for (int o = 0; o < octaves; o++) {
            sum += amp * octave(noise.sample(seed + o, x * fx, y * fy));
            amp *= gain;
            fx *= lacunarity;
            fy *= lacunarity;
        }
        return finish(sum);
    }

    /** @return the noise in space at {@code (x, y, z)} times the frequency (x's frequency for z), in [-1, 1] */
    public float sample(double x, double y, double z) {
        double fx = frequencyX;
        double fy = frequencyY;
        double sum = 0;
        double amp = 1;
        for (int o = 0; o < octaves; o++) {
            sum += amp * octave(noise.sample(seed + o, x * fx, y * fy, z * fx));
            amp *= gain;
            fx *= lacunarity;
            fy *= lacunarity;
        }
        return finish(sum);
    }

    /**
     * @param u across the tile, [0, 1) (any value works; the tile repeats with period 1)
     * @param v down the tile, [0, 1)
     * @return the seamless tile's value at {@code (u, v)}, in [-1, 1]
     */
    public float sampleTileable(double u, double v) {
        double au = u * TAU;
        double av = v * TAU;
        double cu = Math.cos(au);
        double su = Math.sin(au);
        double cv = Math.cos(av);
        double sv = Math.sin(av);
        double rx = frequencyX / TAU;
        double ry = frequencyY / TAU;
        double sum = 0;
        double amp = 1;
        for (int o = 0; o < octaves; o++) {
            sum += amp * octave(noise.sample(seed + o, CENTRE + rx * cu, CENTRE + rx * su, CENTRE + ry * cv,
                    CENTRE + ry * sv));
            amp *= gain;
            rx *= lacunarity;
            ry *= lacunarity;
        }
        return finish(sum);
    }

    /** Folds one octave's value for ridged and ping-pong fractals. */
    private double octave(float n) {
        return fractal == Fractal.RIDGED ? 1 - 2 * Math.abs(n) : n;
    }

    private float finish(double sum) {
        double v = sum * norm;
        if (fractal == Fractal.PINGPONG) {
            double t = (v + 1) * pingPongStrength;
            t -= 2 * Math.floor(t * 0.5); // [0, 2)
            v = 2 * (t < 1 ? t : 2 - t) - 1;
        }
        return Lattice.clamp(v);
    }

    @Override
    public String toString() {
        return "NoiseGenerator[" + noise + ", seed " + seed + ", frequency " + frequencyX + "x" + frequencyY + ", "
                + fractal.id() + (octaves > 1 ? " " + octaves + " octaves" : "") + "]";
    }

    /** Settings of a {@link NoiseGenerator}; {@link #setNoise} is required. */
    public static final class Builder {
        private Noise noise;
        private int seed;
        private double frequencyX = 1;
        private double frequencyY = 1;
        private Fractal fractal = Fractal.NONE;
        private int octaves = 4;
        private double lacunarity = 2;
        private double gain = 0.5;
        private double pingPongStrength = 2;

        private Builder() {
        }

        /** @param basis the basis noise, e.g. {@link SimplexNoise#INSTANCE} */
        public Builder setNoise(Noise basis) {
            this.noise = Objects.requireNonNull(basis, "noise");
            return this;
        }

        /** @param value the seed (default 0) */
        public Builder optSeed(int value) {
            this.seed = value;
            return this;
        }

        /** @param features features per unit (or per tile), both axes; positive (default 1) */
        public Builder optFrequency(double features) {
            return optFrequency(features, features);
        }

        /** @param x features per unit (or per tile) along x; @param y along y; both positive (default 1) */
        public Builder optFrequency(double x, double y) {
            if (!(x > 0 && y > 0) || Double.isInfinite(x) || Double.isInfinite(y)) {
                throw new IllegalArgumentException("frequency must be positive and finite, was " + x + " x " + y);
            }
            this.frequencyX = x;
            this.frequencyY = y;
            return this;
        }

        /** @param type how octaves are summed (default {@link Fractal#NONE}) */
        public Builder optFractal(Fractal type) {
            this.fractal = Objects.requireNonNull(type, "fractal");
            return this;
        }

        /** @param count octaves for a fractal, 1 to 16 (default 4) */
        public Builder optOctaves(int count) {
            if (count < 1 || count > 16) {
                throw new IllegalArgumentException("octaves must be from 1 to 16, was " + count);
            }
            this.octaves = count;
            return this;
        }

        /** @param factor frequency factor from one octave to the next, above 1 (default 2) */
        public Builder optLacunarity(double factor) {
            if (!(factor > 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("lacunarity must be above 1, was " + factor);
            }
            this.lacunarity = factor;
            return this;
        }

        /** @param factor amplitude factor from one octave to the next, in (0, 1] (default 0.5) */
        public Builder optGain(double factor) {
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("gain must be in (0, 1], was " + factor);
            }
            this.gain = factor;
            return this;
        }

        /** @param strength how many times a ping-pong fractal folds, positive (default 2) */
        public Builder optPingPongStrength(double strength) {
            if (!(strength > 0) || Double.isInfinite(strength)) {
                throw new IllegalArgumentException("ping-pong strength must be positive, was " + strength);
            }
            this.pingPongStrength = strength;
            return this;
        }

        /**
         * @return the generator
         * @throws IllegalStateException when no basis noise was set
         */
        public NoiseGenerator build() {
            if (noise == null) {
                throw new IllegalStateException("setNoise is required");
            }
            return new NoiseGenerator(this);
        }
    }
}
