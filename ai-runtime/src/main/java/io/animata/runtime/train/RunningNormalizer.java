package io.animata.runtime.train;

import io.animata.runtime.model.Mlp;
import java.util.Arrays;

/**
 * Running mean and standard deviation of each observation feature (Welford's algorithm, in double precision), for
 * normalising a policy's inputs while it trains. The trainer freezes a {@link #snapshot()} for each rollout, so the
 * observations of one rollout are all normalised alike, and exports the snapshot the network was trained with as
 * the {@link Mlp}'s normalisation, where the exported graph applies it to raw observations.
 *
 * <p>Normalisation is {@code (x - mean) * inverseStd} with {@code inverseStd = 1 / max(std, Mlp.MIN_STD)} computed
 * in float, exactly as {@link Mlp} and its ONNX export compute it, so the trainer's inputs and the exported
 * policy's agree bit for bit. Before any observation the mean is 0 and the std 1 (no change).
 *
 * <p>Threading: not thread-safe; owned by one trainer.
 */
public final class RunningNormalizer {
    /** Added to the variance before the square root: a constant feature gets std 1e-4, not 0. */
    public static final double VARIANCE_EPSILON = 1e-8;

    private final int width;
    private long count;
    private final double[] mean;
    private final double[] m2;

    /** @param width features per observation, at least 1 */
    public RunningNormalizer(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a normaliser needs at least 1 feature, got " + width);
        }
        this.width = width;
        this.mean = new double[width];
        this.m2 = new double[width];
    }

    /** @return features per observation */
    public int width() {
        return width;
    }

    /** @return observations seen */
    public long count() {
        return count;
    }

    /**
     * Adds observations to the statistics.
     *
     * @param rows row-major observations, at least {@code count * width()} floats
     * @param offset index of the first float
     * @param rowCount observations to add
     */
    public void update(float[] rows, int offset, int rowCount) {
        for (int r = 0; r < rowCount; r++) {
            count++;
            int base = offset + r * width;
            for (int i = 0; i < width; i++) {
                double x = rows[base + i];
                double delta = x - mean[i];
                mean[i] += delta / count;
                m2[i] += delta * (x - mean[i]);
            }
        }
    }

    /** @return the current mean per feature, as floats */
    public float[] mean() {
        float[] out = new float[width];
        for (int i = 0; i < width; i++) {
            out[i] = (float) mean[i];
        }
        return out;
    }

    /** @return the current population standard deviation per feature ({@code sqrt(var + 1e-8)}), as floats; 1 before any data */
    public float[] std() {
        float[] out = new float[width];
        for (int i = 0; i < width; i++) {
            out[i] = count == 0 ? 1f : (float) Math.sqrt(m2[i] / count + VARIANCE_EPSILON);
        }
        return out;
    }

    /** @return the current statistics, frozen */
    public Snapshot snapshot() {
        return new Snapshot(mean(), std());
    }

    /**
     * Replaces the statistics (e.g. with those of demonstrations before a warm start).
     *
     * @param other statistics to copy
     */
    public void copyFrom(RunningNormalizer other) {
        if (other.width != width) {
            throw new IllegalArgumentException("normaliser widths differ: " + other.width + " vs " + width);
        }
        count = other.count;
        System.arraycopy(other.mean, 0, mean, 0, width);
        System.arraycopy(other.m2, 0, m2, 0, width);
    }

    /**
     * Frozen normalisation statistics.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Snapshot {
        private final float[] mean;
        private final float[] std;
        private final float[] inverseStd;

        /**
         * @param mean per-feature mean
         * @param std per-feature standard deviation, not negative
         */
        public Snapshot(float[] mean, float[] std) {
            if (mean.length != std.length) {
                throw new IllegalArgumentException("mean has " + mean.length + " values, std " + std.length);
            }
            this.mean = mean.clone();
            this.std = std.clone();
            this.inverseStd = new float[std.length];
            for (int i = 0; i < std.length; i++) {
                // the same float expression as Mlp.Builder.optNormalization, so both normalise identically
                inverseStd[i] = 1f / Math.max(std[i], Mlp.MIN_STD);
            }
        }

        /** @return a snapshot that changes nothing (mean 0, std 1) */
        public static Snapshot identity(int width) {
            float[] ones = new float[width];
            Arrays.fill(ones, 1f);
            return new Snapshot(new float[width], ones);
        }

        /** @return features per observation */
        public int width() {
            return mean.length;
        }

        /** @return a copy of the mean */
        public float[] mean() {
            return mean.clone();
        }

        /** @return a copy of the standard deviation */
        public float[] std() {
            return std.clone();
        }

        /**
         * Normalises {@code rows} observations.
         *
         * @param in raw observations, row-major
         * @param inOffset first float read
         * @param out receives normalised observations; may be {@code in} when the offsets are equal
         * @param outOffset first float written
         * @param rows observations
         */
        public void normalize(float[] in, int inOffset, float[] out, int outOffset, int rows) {
            int width = mean.length;
            for (int r = 0; r < rows; r++) {
                int src = inOffset + r * width;
                int dst = outOffset + r * width;
                for (int i = 0; i < width; i++) {
                    out[dst + i] = (in[src + i] - mean[i]) * inverseStd[i];
                }
            }
        }
    }
}
