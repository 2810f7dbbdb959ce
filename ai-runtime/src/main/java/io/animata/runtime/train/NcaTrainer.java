package io.animata.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.NcaRunner;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a texture {@link NcaModel} from an example image (E. Niklasson et al., "Self-organising textures", Distill
 * 2021): a pool of grids is grown from noise for a random number of steps with random update masks, the colour of
 * the result is scored by a texture loss against the example ({@link TextureLoss}: sliced Wasserstein distances of
 * the colours and of a fixed random CNN's features, plus a penalty on states outside [-1, 1]), and Adam follows the
 * gradient through all the steps. The grids go
 * back into the pool, so the automaton also learns to keep a grown texture stable; one grid per batch is reset to
 * fresh noise, so it keeps learning to grow one.
 *
 * <p>Everything random (pool, steps, masks, batches, weights) comes from the seed; with the same seed and thread
 * count a run is the same on the same machine.
 *
 * <p>Threading: not thread-safe; use from one thread. {@link #close()} frees the model and the loss (idempotent).
 *
 * <pre>{@code
 * try (NcaTrainer trainer = NcaTrainer.builder().setExample(rgb, 128, 128).optIterations(2000).build()) {
 *     trainer.train((it, total, loss) -> System.out.println(it + " " + loss));
 *     trainer.model().exportOnnx(Path.of("lava.onnx"), "lava");
 * }
 * }</pre>
 */
public final class NcaTrainer implements AutoCloseable {
    /** Told after each iteration, on the training thread. */
    @FunctionalInterface
    public interface Listener {
        /** @param iteration done so far, from 1 @param total iterations in the run @param loss this one's loss */
        void iteration(int iteration, int total, float loss);
    }

    /** What a run did. */
    public record Summary(int iterations, float firstLoss, float lastLoss, float bestRecentLoss, double seconds) {
    }

    private final Builder config;
    private final NcaModel model;
    private final TextureLoss loss;
    private final Adam adam;
    private final float[][] pool;
    private final SplittableRandom random;
    private final int cells;
    private boolean closed;

    private NcaTrainer(Builder b) {
        this.config = b;
        this.model = NcaModel.builder().optChannels(b.channels).optHidden(b.hidden).optSeed(b.seed)
                .optTorchThreads(b.torchThreads).build();
        try {
            this.loss = new TextureLoss(model.manager(), b.example, b.width, b.height, b.grid, b.seed + 1);
            this.adam = new Adam(model.parameters(), model.manager(), 0.9f, 0.999f, 1e-8f);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        this.random = new SplittableRandom(b.seed * 0x9E3779B97F4A7C15L + 3);
        this.cells = b.grid * b.grid;
        this.pool = new float[b.poolSize][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = seedState(b.channels, cells, random);
        }
    }

    /** @return a builder; {@code setExample} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a fresh state: grey with a little noise that breaks the symmetry ({@link NcaRunner#seedState}) */
    private static float[] seedState(int channels, int cells, SplittableRandom random) {
        return NcaRunner.seedState(channels, cells, random);
    }

    /** @return the chance a cell updates in a step */
    public double fireRate() {
        return config.fireRate;
    }

    /** @return the model being trained (owned by this trainer) */
    public NcaModel model() {
        return model;
    }

    /**
     * Runs the configured iterations.
     *
     * @param listener told after each iteration
     * @return what the run did
     */
    public Summary train(Listener listener) {
        checkOpen();
        Builder b = config;
        long start = System.nanoTime();
        float first = Float.NaN;
        float last = Float.NaN;
        float[] recent = new float[Math.min(50, b.iterations)];
        Arrays.fill(recent, Float.NaN);
        NDManager manager = model.manager();
        for (int it = 0; it < b.iterations; it++) {
            int[] batch = new int[b.batch];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = random.nextInt(pool.length);
            }
            pool[batch[0]] = seedState(b.channels, cells, random); // keep learning to grow from noise
            int steps = b.minSteps + random.nextInt(b.maxSteps - b.minSteps + 1);
            float[] flat = new float[b.batch * b.channels * cells];
            for (int i = 0; i < batch.length; i++) {
                System.arraycopy(pool[batch[i]], 0, flat, i * b.channels * cells, b.channels * cells);
            }
            float value;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(flat, new Shape(b.batch, b.channels, b.grid, b.grid));
                NDArray l;
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    for (int s = 0; s < steps; s++) {
                        x = model.step(x, manager.create(mask(b.batch * cells), new Shape(b.batch, 1, b.grid, b.grid)));
                    }
                    NDArray rgb = x.get(new NDIndex(":, 0:3")).add(0.5f);
                    NDArray overflow = x.sub(x.clip(-1f, 1f)).abs().mean();
                    l = loss.loss(rgb).add(overflow.mul(10f));
                    collector.backward(l);
                }
                value = l.getFloat();
                if (!Float.isFinite(value)) {
                    throw new AnimataException("NCA training diverged at iteration " + (it + 1) + " (loss " + value
                            + "); try a lower learning rate (was " + b.learningRate + ")");
                }
                double norm = adam.gradientNorm();
                float scale = norm > b.maxGradNorm ? (float) (b.maxGradNorm / norm) : 1f;
                float lr = it < b.iterations * 0.7 ? b.learningRate : b.learningRate * 0.3f;
                adam.step(lr, scale);
                float[] grown = x.toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    pool[batch[i]] = Arrays.copyOfRange(grown, i * b.channels * cells, (i + 1) * b.channels * cells);
                }
            }
            if (it == 0) {
                first = value;
            }
            last = value;
            recent[it % recent.length] = value;
            listener.iteration(it + 1, b.iterations, value);
        }
        float best = Float.NaN;
        for (float r : recent) {
            best = Float.isNaN(best) || r < best ? r : best;
        }
        return new Summary(b.iterations, first, last, best, (System.nanoTime() - start) / 1e9);
    }

    private float[] mask(int n) {
        float[] m = new float[n];
        NcaRunner.mask(m, 0, n, config.fireRate, random);
        return m;
    }

    /**
     * Grows a texture with the trained model on DJL (for previews and tests; games run the ONNX export with
     * {@link NcaRunner}, which draws the same start state and masks for a seed).
     *
     * @return {@code [3, height, width]} planar RGB, clamped to [0, 1]
     */
    public float[] grow(int width, int height, int steps, long seed) {
        checkOpen();
        SplittableRandom r = new SplittableRandom(seed);
        int n = width * height;
        float[] state = seedState(config.channels, n, r);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager manager = model.manager();
            NDArray x = manager.create(state, new Shape(1, config.channels, height, width));
            for (int s = 0; s < steps; s++) {
                float[] m = new float[n];
                NcaRunner.mask(m, 0, n, config.fireRate, r);
                x = model.step(x, manager.create(m, new Shape(1, 1, height, width)));
            }
            return x.get(new NDIndex(":, 0:3")).add(0.5f).clip(0f, 1f).toFloatArray();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AnimataException("this NcaTrainer is closed");
        }
    }

    /** Frees the model, the loss and the optimiser. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            adam.close();
            loss.close();
            model.close();
        }
    }

    /** Settings of an {@link NcaTrainer}; {@link #setExample} is required. */
    public static final class Builder {
        private float[] example;
        private int width;
        private int height;
        private int channels = 12;
        private int hidden = 64;
        private int grid = 48;
        private int batch = 4;
        private int poolSize = 64;
        private int minSteps = 32;
        private int maxSteps = 64;
        private int iterations = 1000;
        private float learningRate = 2e-3f;
        private double maxGradNorm = 1.0;
        private double fireRate = 0.5;
        private long seed = 1;
        // one thread: PyTorch's OpenMP pool spin-waits, and on a busy machine two threads ran 20 times slower than one
        private int torchThreads = 1;

        private Builder() {
        }

        /**
         * @param rgb the example, {@code [3, height, width]} planar, values in [0, 1] (copied)
         * @throws AnimataException when the size does not match or the example is smaller than 16 x 16
         */
        public Builder setExample(float[] rgb, int width, int height) {
            Objects.requireNonNull(rgb, "example");
            if (width < 16 || height < 16 || rgb.length != 3 * width * height) {
                throw new AnimataException("NCA example must be at least 16 x 16 RGB, [3, height, width] planar; got "
                        + rgb.length + " values for " + width + " x " + height);
            }
            this.example = rgb.clone();
            this.width = width;
            this.height = height;
            return this;
        }

        /** @param n state channels, at least 3 (default 12) */
        public Builder optChannels(int n) {
            this.channels = requireAtLeast("channels", n, 3);
            return this;
        }

        /** @param n hidden width (default 64) */
        public Builder optHidden(int n) {
            this.hidden = requireAtLeast("hidden", n, 1);
            return this;
        }

        /** @param side training grid side in cells, at least 16 (default 48) */
        public Builder optGrid(int side) {
            this.grid = requireAtLeast("grid", side, 16);
            return this;
        }

        /** @param n grids per iteration, at least 1 (default 4) */
        public Builder optBatch(int n) {
            this.batch = requireAtLeast("batch", n, 1);
            return this;
        }

        /** @param n grids in the pool, at least the batch (default 64) */
        public Builder optPoolSize(int n) {
            this.poolSize = requireAtLeast("pool", n, 1);
            return this;
        }

        /** @param min fewest steps per iteration @param max most (defaults 32 and 64) */
        public Builder optSteps(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("steps must satisfy 1 <= min <= max, got " + min + ", " + max);
            }
            this.minSteps = min;
            this.maxSteps = max;
            return this;
        }

        /** @param n training iterations, at least 1 (default 1000) */
        public Builder optIterations(int n) {
            this.iterations = requireAtLeast("iterations", n, 1);
            return this;
        }

        /** @param rate Adam's step size, cut to 30% for the last 30% of the run (default 0.002) */
        public Builder optLearningRate(float rate) {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("learning rate must be positive, got " + rate);
            }
            this.learningRate = rate;
            return this;
        }

        /** @param rate the chance a cell updates in a step, in (0, 1] (default 0.5) */
        public Builder optFireRate(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("fire rate must be in (0, 1], got " + rate);
            }
            this.fireRate = rate;
            return this;
        }

        /** @param value seed of everything random (default 1) */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** @param n PyTorch intra-op threads, process-wide (default 1) */
        public Builder optTorchThreads(int n) {
            this.torchThreads = requireAtLeast("threads", n, 1);
            return this;
        }

        private static int requireAtLeast(String what, int n, int min) {
            if (n < min) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", got " + n);
            }
            return n;
        }

        /**
         * @return the trainer, with its model initialised
         * @throws IllegalStateException when no example was set
         */
        public NcaTrainer build() {
            if (example == null) {
                throw new IllegalStateException("setExample is required");
            }
            if (poolSize < batch) {
                throw new IllegalArgumentException("the pool (" + poolSize + ") must hold at least a batch (" + batch
                        + ")");
            }
            return new NcaTrainer(this);
        }
    }
}
