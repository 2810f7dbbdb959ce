package io.animata.core.texture.noise;

import java.util.Locale;
import java.util.Objects;

/**
 * Cellular (Worley) noise (S. Worley, "A cellular texture basis function", 1996): one feature point per lattice
 * cell, jittered inside it, and per sample the distances to the nearest ({@code F1}) and second-nearest ({@code F2})
 * feature points among the surrounding 3^N cells. Gives stones, cells, cracks and scales.
 *
 * <p>What a sample returns ({@link Output}), before clamping to [-1, 1]: {@code 2 F1 - 1}, {@code 2 F2 - 1},
 * {@code 2 (F2 - F1) - 1} (-1 on the borders between cells), or a random value per cell (flat patches, a Voronoi
 * mosaic). With {@code jitter} 1 a feature point may lie anywhere in its cell; 0 gives a regular grid.
 *
 * <p>Threading: immutable and thread-safe.
 */
public final class CellularNoise implements Noise {
    /** How distances are measured. */
    public enum Distance {
        /** Straight-line distance: round cells. */
        EUCLIDEAN,
        /** Sum of the axis distances: diamond-shaped cells. */
        MANHATTAN,
        /** Largest axis distance: square-ish cells. */
        CHEBYSHEV;

        /** @return the name as written in recipes ({@code euclidean}) */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a sample returns. */
    public enum Output {
        /** Distance to the nearest feature point: dark centres, bright borders. */
        F1,
        /** Distance to the second-nearest feature point. */
        F2,
        /** {@code F2 - F1}: -1 on the borders between cells (cracks, mortar). */
        EDGE,
        /** A random value per cell: a flat mosaic. */
        CELL;

        /** @return the name as written in recipes ({@code f1}) */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Distance distance;
    private final Output output;
    private final double jitter;

    /**
     * @param distance how distances are measured
     * @param output what a sample returns
     * @param jitter how far feature points may stray from their cell's centre, from 0 (a grid) to 1
     * @throws IllegalArgumentException when {@code jitter} is outside [0, 1]
     */
    public CellularNoise(Distance distance, Output output, double jitter) {
        this.distance = Objects.requireNonNull(distance, "distance");
        this.output = Objects.requireNonNull(output, "output");
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("cellular jitter must be from 0 to 1, was " + jitter);
        }
        this.jitter = jitter;
    }

    /** @return Euclidean F1 with full jitter: classic Worley noise */
    public static CellularNoise classic() {
        return new CellularNoise(Distance.EUCLIDEAN, Output.F1, 1.0);
    }

    /** @return how distances are measured */
    public Distance distance() {
        return distance;
    }

    /** @return what a sample returns */
    public Output output() {
        return output;
    }

    /** @return how far feature points may stray from their cell's centre, 0 to 1 */
    public double jitter() {
        return jitter;
    }

    private static double unit(int bits) {
        return (bits & 0x3FF) * (1.0 / 1023.0);
    }

    private double offset(int bits) {
        return 0.5 + jitter * (unit(bits) - 0.5);
    }

    private double measure(double dx, double dy) {
        switch (distance) {
            case MANHATTAN:
                return Math.abs(dx) + Math.abs(dy);
            case CHEBYSHEV:
                return Math.max(Math.abs(dx), Math.abs(dy));
            default:
                return dx * dx + dy * dy; // squared: the root is taken once, at the end
        }
    }

    private double measure(double dx, double dy, double dz, double dw) {
        switch (distance) {
            case MANHATTAN:
                return Math.abs(dx) + Math.abs(dy) + Math.abs(dz) + Math.abs(dw);
            case CHEBYSHEV:
                return Math.max(Math.max(Math.abs(dx), Math.abs(dy)), Math.max(Math.abs(dz), Math.abs(dw)));
            default:
                return dx * dx + dy * dy + dz * dz + dw * dw;
        }
    }

    private float result(double d1, double d2, int cellHash) {
        if (distance == Distance.EUCLIDEAN) {
            d1 = Math.sqrt(d1);
            d2 = Math.sqrt(d2);
        }
        switch (output) {
            case F1:
                return Lattice.clamp(2 * d1 - 1);
            case F2:
                return Lattice.clamp(2 * d2 - 1);
            case EDGE:
                return Lattice.clamp(2 * (d2 - d1) - 1);
            default:
                return Lattice.clamp(Lattice.toSigned(Lattice.mix(cellHash ^ 0x5BD1E995)));
        }
    }

    @Override
    public float sample(int seed, double x, double y) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        double rx = x - fx;
        double ry = y - fy;
        int cx = (int) fx;
        int cy = (int) fy;
        double d1 = Double.MAX_VALUE;
        double d2 = Double.MAX_VALUE;
        int nearest = 0;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                int h = Lattice.hash(seed, cx + i, cy + j);
                double d = measure(i + offset(h) - rx, j + offset(h >>> 10) - ry);
                if (d < d1) {
                    d2 = d1;
                    d1 = d;
                    nearest = h;
                } else if (d < d2) {
                    d2 = d;
                }
            }
        }
        return result(d1, d2, nearest);
    }

    @Override
    public float sample(int seed, double x, double y, double z) {
        return sample(seed, x, y, z, 0.5);
    }

    /** Neighbour offsets in visiting order: the sample's own cell first, so the nearest distances shrink early. */
    private static final int[] ORDER = {0, -1, 1};

    /**
     * {@inheritDoc}
     *
     * <p>The 81 surrounding cells are visited own cell first, and a cell (or a whole slab of cells) is skipped when
     * even its nearest corner is farther than the distance that matters (the nearest for {@code F1} and {@code CELL},
     * the second-nearest otherwise), which leaves a small fraction of the cells to look at.
     */
    @Override
    public float sample(int seed, double x, double y, double z, double w) {
        long fx = Lattice.floor(x);
        long fy = Lattice.floor(y);
        long fz = Lattice.floor(z);
        long fw = Lattice.floor(w);
        double rx = x - fx;
        double ry = y - fy;
        double rz = z - fz;
        double rw = w - fw;
        int cx = (int) fx;
        int cy = (int) fy;
        int cz = (int) fz;
        int cw = (int) fw;
        boolean secondMatters = output == Output.F2 || output == Output.EDGE;
        double d1 = Double.MAX_VALUE;
        double d2 = Double.MAX_VALUE;
        int nearest = 0;
        for (int l : ORDER) {
            double gw = gap(rw, l);
            if (measure(0, 0, 0, gw) >= (secondMatters ? d2 : d1)) {
                continue;
            }
            for (int k : ORDER) {
                double gz = gap(rz, k);
                if (measure(0, 0, gz, gw) >= (secondMatters ? d2 : d1)) {
                    continue;
                }
                for (int j : ORDER) {
                    double gy = gap(ry, j);
                    if (measure(0, gy, gz, gw) >= (secondMatters ? d2 : d1)) {
                        continue;
                    }
                    for (int i : ORDER) {
                        if (measure(gap(rx, i), gy, gz, gw) >= (secondMatters ? d2 : d1)) {
                            continue; // no point of that cell can be among the nearest that matter
                        }
                        int h = Lattice.hash(seed, cx + i, cy + j, cz + k, cw + l);
                        int h2 = Lattice.mix(h ^ 0x68E31DA4);
                        double d = measure(i + offset(h) - rx, j + offset(h >>> 10) - ry, k + offset(h >>> 20) - rz,
                                l + offset(h2) - rw);
                        if (d < d1) {
                            d2 = d1;
                            d1 = d;
                            nearest = h;
                        } else if (d < d2) {
                            d2 = d;
                        }
                    }
                }
            }
        }
        return result(d1, d2, nearest);
    }

    /** @return the distance along one axis from a point at {@code r} in its cell to the cell {@code offset} away */
    private static double gap(double r, int offset) {
        return offset < 0 ? r : offset > 0 ? 1 - r : 0;
    }

    @Override
    public String toString() {
        return "cellular(" + distance.id() + ", " + output.id() + ", jitter " + jitter + ")";
    }
}
