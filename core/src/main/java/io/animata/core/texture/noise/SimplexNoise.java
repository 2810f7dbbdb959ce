package io.animata.core.texture.noise;

/**
 * Simplex noise (K. Perlin 2001, as explained in S. Gustavson, "Simplex noise demystified", 2005): gradient noise on
 * a skewed simplex lattice, so each sample sums only N + 1 corner contributions and shows no axis-aligned artefacts.
 *
 * <p>Differences from the paper's reference: gradients come from a hash of the corner (no permutation table, so any
 * 32-bit seed works); the kernel radius is {@code r^2 = 0.5} in every dimension, which makes each contribution fall
 * to zero before the edge of its simplex (the paper's 0.6 in 3D and 4D leaves small discontinuities); each
 * dimension is scaled so its extremes come close to +-1, then clamped to [-1, 1].
 *
 * <p>Threading: stateless and thread-safe; use {@link #INSTANCE}.
 */
public final class SimplexNoise implements Noise {
    /** The one instance (the noise has no settings). */
    public static final SimplexNoise INSTANCE = new SimplexNoise();

    private static final double F2 = 0.5 * (Math.sqrt(3.0) - 1.0);
    private static final double G2 = (3.0 - Math.sqrt(3.0)) / 6.0;
    private static final double F3 = 1.0 / 3.0;
    private static final double G3 = 1.0 / 6.0;
    private static final double F4 = (Math.sqrt(5.0) - 1.0) / 4.0;
    private static final double G4 = (5.0 - Math.sqrt(5.0)) / 20.0;
    private static final double R2 = 0.5;

    // chosen so the extremes found by a hill-climbing search from 2 million random points are 0.99 to 0.997
    static final double SCALE2 = 99.0;
    static final double SCALE3 = 76.0;
    static final double SCALE4 = 62.0;

    /** 32 unit vectors at angles (k + 0.5) * 360 / 32 degrees. */
    private static final double[] GRAD2 = new double[64];
    /** The 12 edge midpoints of a cube, the first four repeated so the table has 16 entries. */
    private static final double[] GRAD3 = {
        1, 1, 0, -1, 1, 0, 1, -1, 0, -1, -1, 0,
        1, 0, 1, -1, 0, 1, 1, 0, -1, -1, 0, -1,
        0, 1, 1, 0, -1, 1, 0, 1, -1, 0, -1, -1,
        1, 1, 0, -1, 1, 0, 1, -1, 0, -1, -1, 0,
    };
    /** The 32 edge midpoints of a tesseract: one coordinate 0, the others +-1. */
    private static final double[] GRAD4 = new double[128];

    static {
        for (int k = 0; k < 32; k++) {
            double a = (k + 0.5) * 2 * Math.PI / 32;
            GRAD2[2 * k] = Math.cos(a);
            GRAD2[2 * k + 1] = Math.sin(a);
        }
        int n = 0;
        for (int zero = 0; zero < 4; zero++) {
            for (int signs = 0; signs < 8; signs++) {
                int bit = 0;
                for (int d = 0; d < 4; d++) {
                    GRAD4[4 * n + d] = d == zero ? 0 : ((signs >> bit++) & 1) == 0 ? 1 : -1;
                }
                n++;
            }
        }
    }

    private SimplexNoise() {
    }

    @Override
    public float sample(int seed, double x, double y) {
        double s = (x + y) * F2;
        long i = Lattice.floor(x + s);
        long j = Lattice.floor(y + s);
        double t = (i + j) * G2;
        double x0 = x - (i - t);
        double y0 = y - (j - t);
        int i1 = x0 > y0 ? 1 : 0;
        int j1 = 1 - i1;
        int ii = (int) i;
        int jj = (int) j;
        double n = corner(seed, ii, jj, x0, y0)
                + corner(seed, ii + i1, jj + j1, x0 - i1 + G2, y0 - j1 + G2)
                + corner(seed, ii + 1, jj + 1, x0 - 1 + 2 * G2, y0 - 1 + 2 * G2);
        return Lattice.clamp(n * SCALE2);
    }

    private static double corner(int seed, int i, int j, double x, double y) {
        double t = R2 - x * x - y * y;
        if (t <= 0) {
            return 0;
        }
        int g = (Lattice.hash(seed, i, j) >>> 27) << 1;
        t *= t;
        return t * t * (GRAD2[g] * x + GRAD2[g + 1] * y);
    }

    @Override
    public float sample(int seed, double x, double y, double z) {
        double s = (x + y + z) * F3;
        long i = Lattice.floor(x + s);
        long j = Lattice.floor(y + s);
        long k = Lattice.floor(z + s);
        double t = (i + j + k) * G3;
        double x0 = x - (i - t);
        double y0 = y - (j - t);
        double z0 = z - (k - t);
        // which of the six tetrahedra of the skewed cube: order the offsets
        int i1;
        int j1;
        int k1;
        int i2;
        int j2;
        int k2;
        if (x0 >= y0) {
            if (y0 >= z0) {
                i1 = 1; j1 = 0; k1 = 0; i2 = 1; j2 = 1; k2 = 0;
            } else if (x0 >= z0) {
                i1 = 1; j1 = 0; k1 = 0; i2 = 1; j2 = 0; k2 = 1;
            } else {
                i1 = 0; j1 = 0; k1 = 1; i2 = 1; j2 = 0; k2 = 1;
            }
        } else {
            if (y0 < z0) {
                i1 = 0; j1 = 0; k1 = 1; i2 = 0; j2 = 1; k2 = 1;
            } else if (x0 < z0) {
                i1 = 0; j1 = 1; k1 = 0; i2 = 0; j2 = 1; k2 = 1;
            } else {
                i1 = 0; j1 = 1; k1 = 0; i2 = 1; j2 = 1; k2 = 0;
            }
        }
        int ii = (int) i;
        int jj = (int) j;
        int kk = (int) k;
        double n = corner(seed, ii, jj, kk, x0, y0, z0)
                + corner(seed, ii + i1, jj + j1, kk + k1, x0 - i1 + G3, y0 - j1 + G3, z0 - k1 + G3)
                + corner(seed, ii + i2, jj + j2, kk + k2, x0 - i2 + 2 * G3, y0 - j2 + 2 * G3, z0 - k2 + 2 * G3)
                + corner(seed, ii + 1, jj + 1, kk + 1, x0 - 1 + 3 * G3, y0 - 1 + 3 * G3, z0 - 1 + 3 * G3);
        return Lattice.clamp(n * SCALE3);
    }

    private static double corner(int seed, int i, int j, int k, double x, double y, double z) {
        double t = R2 - x * x - y * y - z * z;
        if (t <= 0) {
            return 0;
        }
        int g = (Lattice.hash(seed, i, j, k) >>> 28) * 3;
        t *= t;
        return t * t * (GRAD3[g] * x + GRAD3[g + 1] * y + GRAD3[g + 2] * z);
    }

    @Override
    public float sample(int seed, double x, double y, double z, double w) {
        double s = (x + y + z + w) * F4;
        long i = Lattice.floor(x + s);
        long j = Lattice.floor(y + s);
        long k = Lattice.floor(z + s);
        long l = Lattice.floor(w + s);
        double t = (i + j + k + l) * G4;
        double x0 = x - (i - t);
        double y0 = y - (j - t);
        double z0 = z - (k - t);
        double w0 = w - (l - t);
        // rank each offset among the four: the simplex's corners step along the axes from largest to smallest
        int rx = 0;
        int ry = 0;
        int rz = 0;
        int rw = 0;
        if (x0 > y0) { rx++; } else { ry++; }
        if (x0 > z0) { rx++; } else { rz++; }
        if (x0 > w0) { rx++; } else { rw++; }
        if (y0 > z0) { ry++; } else { rz++; }
        if (y0 > w0) { ry++; } else { rw++; }
        if (z0 > w0) { rz++; } else { rw++; }
        int ii = (int) i;
        int jj = (int) j;
        int kk = (int) k;
        int ll = (int) l;
        double n = corner(seed, ii, jj, kk, ll, x0, y0, z0, w0);
        for (int c = 1; c <= 3; c++) {
            int threshold = 4 - c; // corner c steps along the axes ranked at least 4 - c
            int i1 = rx >= threshold ? 1 : 0;
            int j1 = ry >= threshold ? 1 : 0;
            int k1 = rz >= threshold ? 1 : 0;
            int l1 = rw >= threshold ? 1 : 0;
            double g = c * G4;
            n += corner(seed, ii + i1, jj + j1, kk + k1, ll + l1, x0 - i1 + g, y0 - j1 + g, z0 - k1 + g, w0 - l1 + g);
        }
        double g = 4 * G4;
        n += corner(seed, ii + 1, jj + 1, kk + 1, ll + 1, x0 - 1 + g, y0 - 1 + g, z0 - 1 + g, w0 - 1 + g);
        return Lattice.clamp(n * SCALE4);
    }

    private static double corner(int seed, int i, int j, int k, int l, double x, double y, double z, double w) {
        double t = R2 - x * x - y * y - z * z - w * w;
        if (t <= 0) {
            return 0;
        }
        int g = (Lattice.hash(seed, i, j, k, l) >>> 27) << 2;
        t *= t;
        return t * t * (GRAD4[g] * x + GRAD4[g + 1] * y + GRAD4[g + 2] * z + GRAD4[g + 3] * w);
    }

    @Override
    public String toString() {
        return "simplex";
    }
}
