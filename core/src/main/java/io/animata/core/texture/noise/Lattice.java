package io.animata.core.texture.noise;

/**
 * Integer lattice helpers shared by the noise bases: a floor that works far from the origin, and a hash of lattice
 * points.
 *
 * <p>Coordinates are doubles and lattice indices are floored to {@code long}, then only their low 32 bits are hashed:
 * the noise repeats every 2^32 lattice cells, and the fractional part stays exact to about 1e-7 up to 1e9 cells from
 * the origin, so values never blow up far away (float coordinates would lose the fraction past about 1e7).
 *
 * <p>The hash is a multiply-xorshift finaliser (the "lowbias32" constants published by C. Wellons) over the seed and
 * the coordinates multiplied by large odd constants; it is stateless and thread-safe.
 */
final class Lattice {
    static final int PX = 0x9E3779B1;
    static final int PY = 0x85EBCA77;
    static final int PZ = 0xC2B2AE3D;
    static final int PW = 0x27D4EB2F;

    private Lattice() {
    }

    /** @return the largest integer not greater than {@code v}, for |v| below about 9e18 */
    static long floor(double v) {
        long i = (long) v;
        return v < i ? i - 1 : i;
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return h;
    }

    static int hash(int seed, int x, int y) {
        return mix(seed ^ x * PX ^ y * PY);
    }

    static int hash(int seed, int x, int y, int z) {
        return mix(seed ^ x * PX ^ y * PY ^ z * PZ);
    }

    static int hash(int seed, int x, int y, int z, int w) {
        return mix(seed ^ x * PX ^ y * PY ^ z * PZ ^ w * PW);
    }

    /** @return a value in [-1, 1] from a hash */
    static double toSigned(int h) {
        return (h >> 8) * (1.0 / (1 << 23));
    }

    /** Quintic fade 6t^5 - 15t^4 + 10t^3: smooth to the second derivative at lattice lines (Perlin 2002). */
    static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    static float clamp(double v) {
        return v > 1 ? 1f : v < -1 ? -1f : (float) v;
    }
}
