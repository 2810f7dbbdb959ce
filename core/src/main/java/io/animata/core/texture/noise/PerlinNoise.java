package io.animata.core.texture.noise;

/**
 * Gradient noise on the square/cubic lattice with the quintic fade of K. Perlin's "Improving noise" (2002): each
 * lattice corner gets a pseudo-random gradient, and the sample blends the corners' dot products.
 *
 * <p>Gradients come from a hash of the corner: 16 unit vectors in 2D (at 11.25 + k * 22.5 degrees, so none is
 * axis-aligned), the 12 cube edges in 3D and the 32 tesseract edges in 4D, as in the paper. Each dimension is scaled
 * to reach about +-1 and clamped to [-1, 1].
 *
 * <p>Threading: stateless and thread-safe; use {@link #INSTANCE}.
 */
public final class PerlinNoise implements Noise {
    /** The one instance (the noise has no settings). */
    public static final PerlinNoise INSTANCE = new PerlinNoise();

    // with unit gradients the 2D extreme is sqrt(1/2); for the 3D/4D edge gradients the extremes were searched for
    // (hill climbing from 2 million random points) and scaled to 0.99 to 0.997
    static final double SCALE2 = Math.sqrt(2.0);
    static final double SCALE3 = 0.97;
    static final double SCALE4 = 0.80;

    private static final double[] GRAD2 = new double[32];
    private static final double[] GRAD3 = {
        1, 1, 0, -1, 1, 0, 1, -1, 0, -1, -1, 0,
        1, 0, 1, -1, 0, 1, 1, 0, -1, -1, 0, -1,
        0, 1, 1, 0, -1, 1, 0, 1, -1, 0, -1, -1,
        1, 1, 0, -1, 1, 0, 0, -1, 1, 0, -1, -1,
    };
    private static final double[] GRAD4 = new double[128];

    static {
        for (int k = 0; k < 16; k++) {
            double a = (k + 0.5) * 2 * Math.PI / 16;
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

    private PerlinNoise() {
    }

    @Override
    public float sample(int seed, double x, double y) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        double dx = x - fx;
        double dy = y - fy;
        int x0 = (int) fx;
        int y0 = (int) fy;
        double u = Lattice.fade(dx);
        double v = Lattice.fade(dy);
        double a = Lattice.lerp(grad(seed, x0, y0, dx, dy), grad(seed, x0 + 1, y0, dx - 1, dy), u);
        double b = Lattice.lerp(grad(seed, x0, y0 + 1, dx, dy - 1), grad(seed, x0 + 1, y0 + 1, dx - 1, dy - 1), u);
        return Lattice.clamp(Lattice.lerp(a, b, v) * SCALE2);
    }

    private static double grad(int seed, int x, int y, double dx, double dy) {
        int g = (Lattice.hash(seed, x, y) >>> 28) << 1;
        return GRAD2[g] * dx + GRAD2[g + 1] * dy;
    }

    @Override
    public float sample(int seed, double x, double y, double z) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        long fz = Lattice.floor(z);
        double dx = x - fx;
        double dy = y - fy;
        double dz = z - fz;
        int x0 = (int) fx;
        int y0 = (int) fy;
        int z0 = (int) fz;
        double u = Lattice.fade(dx);
        double v = Lattice.fade(dy);
        double w = Lattice.fade(dz);
        double near = Lattice.lerp(
                Lattice.lerp(grad(seed, x0, y0, z0, dx, dy, dz), grad(seed, x0 + 1, y0, z0, dx - 1, dy, dz), u),
                Lattice.lerp(grad(seed, x0, y0 + 1, z0, dx, dy - 1, dz),
                        grad(seed, x0 + 1, y0 + 1, z0, dx - 1, dy - 1, dz), u), v);
        double far = Lattice.lerp(
                Lattice.lerp(grad(seed, x0, y0, z0 + 1, dx, dy, dz - 1),
                        grad(seed, x0 + 1, y0, z0 + 1, dx - 1, dy, dz - 1), u),
                Lattice.lerp(grad(seed, x0, y0 + 1, z0 + 1, dx, dy - 1, dz - 1),
                        grad(seed, x0 + 1, y0 + 1, z0 + 1, dx - 1, dy - 1, dz - 1), u), v);
        return Lattice.clamp(Lattice.lerp(near, far, w) * SCALE3);
    }

    private static double grad(int seed, int x, int y, int z, double dx, double dy, double dz) {
        int g = (Lattice.hash(seed, x, y, z) >>> 28) * 3;
        return GRAD3[g] * dx + GRAD3[g + 1] * dy + GRAD3[g + 2] * dz;
    }

    @Override
    public float sample(int seed, double x, double y, double z, double w) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        long fz = Lattice.floor(z);
        long fw = Lattice.floor(w);
        double dx = x - fx;
        double dy = y - fy;
        double dz = z - fz;
        double dw = w - fw;
        int x0 = (int) fx;
        int y0 = (int) fy;
        int z0 = (int) fz;
        int w0 = (int) fw;
        double u = Lattice.fade(dx);
        double v = Lattice.fade(dy);
        double s = Lattice.fade(dz);
        double t = Lattice.fade(dw);
        // 16 corners: blend along x, then y, then z, then w, without arrays
        double result = 0;
        double wWeight0 = 1 - t;
        for (int cw = 0; cw < 2; cw++) {
            double zBlend = 0;
            for (int cz = 0; cz < 2; cz++) {
                double a = Lattice.lerp(grad(seed, x0, y0, z0 + cz, w0 + cw, dx, dy, dz - cz, dw - cw),
                        grad(seed, x0 + 1, y0, z0 + cz, w0 + cw, dx - 1, dy, dz - cz, dw - cw), u);
                double b = Lattice.lerp(grad(seed, x0, y0 + 1, z0 + cz, w0 + cw, dx, dy - 1, dz - cz, dw - cw),
                        grad(seed, x0 + 1, y0 + 1, z0 + cz, w0 + cw, dx - 1, dy - 1, dz - cz, dw - cw), u);
                zBlend += Lattice.lerp(a, b, v) * (cz == 0 ? 1 - s : s);
            }
            result += zBlend * (cw == 0 ? wWeight0 : t);
        }
        return Lattice.clamp(result * SCALE4);
    }

    private static double grad(int seed, int x, int y, int z, int w, double dx, double dy, double dz, double dw) {
        int g = (Lattice.hash(seed, x, y, z, w) >>> 27) << 2;
        return GRAD4[g] * dx + GRAD4[g + 1] * dy + GRAD4[g + 2] * dz + GRAD4[g + 3] * dw;
    }

    @Override
    public String toString() {
        return "perlin";
    }
}
