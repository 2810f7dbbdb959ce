package io.animata.core.texture.noise;

/**
 * Value noise: a pseudo-random value in [-1, 1] at every lattice corner, blended with the quintic fade. Softer and
 * blockier than gradient noise; useful for blotches and as a cheap base for fractals.
 *
 * <p>Always within [-1, 1]: a blend of corner values never leaves their range.
 *
 * <p>Threading: stateless and thread-safe; use {@link #INSTANCE}.
 */
public final class ValueNoise implements Noise {
    /** The one instance (the noise has no settings). */
    public static final ValueNoise INSTANCE = new ValueNoise();

    private ValueNoise() {
    }

    @Override
    public float sample(int seed, double x, double y) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        int x0 = (int) fx;
        int y0 = (int) fy;
        double u = Lattice.fade(x - fx);
        double v = Lattice.fade(y - fy);
        double a = Lattice.lerp(value(seed, x0, y0), value(seed, x0 + 1, y0), u);
        double b = Lattice.lerp(value(seed, x0, y0 + 1), value(seed, x0 + 1, y0 + 1), u);
        return Lattice.clamp(Lattice.lerp(a, b, v));
    }

    private static double value(int seed, int x, int y) {
        return Lattice.toSigned(Lattice.hash(seed, x, y));
    }

    @Override
    public float sample(int seed, double x, double y, double z) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        long fz = Lattice.floor(z);
        int x0 = (int) fx;
        int y0 = (int) fy;
        int z0 = (int) fz;
        double u = Lattice.fade(x - fx);
        double v = Lattice.fade(y - fy);
        double w = Lattice.fade(z - fz);
        double result = 0;
        for (int cz = 0; cz < 2; cz++) {
            double a = Lattice.lerp(value(seed, x0, y0, z0 + cz), value(seed, x0 + 1, y0, z0 + cz), u);
            double b = Lattice.lerp(value(seed, x0, y0 + 1, z0 + cz), value(seed, x0 + 1, y0 + 1, z0 + cz), u);
            result += Lattice.lerp(a, b, v) * (cz == 0 ? 1 - w : w);
        }
        return Lattice.clamp(result);
    }

    private static double value(int seed, int x, int y, int z) {
        return Lattice.toSigned(Lattice.hash(seed, x, y, z));
    }

    @Override
    public float sample(int seed, double x, double y, double z, double w) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        long fz = Lattice.floor(z);
        long fw = Lattice.floor(w);
        int x0 = (int) fx;
        int y0 = (int) fy;
        int z0 = (int) fz;
        int w0 = (int) fw;
        double u = Lattice.fade(x - fx);
        double v = Lattice.fade(y - fy);
        double s = Lattice.fade(z - fz);
        double t = Lattice.fade(w - fw);
        double result = 0;
        for (int cw = 0; cw < 2; cw++) {
            double zBlend = 0;
            for (int cz = 0; cz < 2; cz++) {
                double a = Lattice.lerp(value(seed, x0, y0, z0 + cz, w0 + cw), value(seed, x0 + 1, y0, z0 + cz, w0 + cw), u);
                double b = Lattice.lerp(value(seed, x0, y0 + 1, z0 + cz, w0 + cw),
                        value(seed, x0 + 1, y0 + 1, z0 + cz, w0 + cw), u);
                zBlend += Lattice.lerp(a, b, v) * (cz == 0 ? 1 - s : s);
            }
            result += zBlend * (cw == 0 ? 1 - t : t);
        }
        return Lattice.clamp(result);
    }

    private static double value(int seed, int x, int y, int z, int w) {
        return Lattice.toSigned(Lattice.hash(seed, x, y, z, w));
    }

    @Override
    public String toString() {
        return "value";
    }
}
