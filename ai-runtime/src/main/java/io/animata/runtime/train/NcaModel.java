package io.animata.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.NcaOnnxExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A neural cellular automaton for textures on DJL: a grid of cells with {@code C} state channels (the first three are
 * the colour, offset by -0.5) that all run the same small network each step. One step, as in E. Niklasson et al.,
 * "Self-organising textures" (Distill 2021):
 * <pre>
 * y  = depthwise 3x3 conv(wrap-pad(state))      // per channel: identity, Sobel x, Sobel y, Laplacian (fixed)
 * ds = w2 * relu(w1 * y + b1)                   // 1x1 convolutions: 4C -> hidden -> C
 * next = state + ds * mask                      // mask: which cells update this step (stochastic, or given)
 * </pre>
 * The grid wraps around (a torus), so what it grows tiles by construction. {@link #exportOnnx} writes the same step
 * as an ONNX graph ({@link NcaOnnxExporter}) that ONNX Runtime runs in games.
 *
 * <p>Threading: not thread-safe; use from one thread. It owns native memory: {@link #close()} it (idempotent).
 */
public final class NcaModel implements AutoCloseable {
    /** Filters per channel in the perception: identity, Sobel x, Sobel y, Laplacian. */
    static final int FILTERS = 4;
    private static final float[][] KERNELS = {
        {0, 0, 0, 0, 1, 0, 0, 0, 0},
        {-1 / 8f, 0, 1 / 8f, -2 / 8f, 0, 2 / 8f, -1 / 8f, 0, 1 / 8f},
        {-1 / 8f, -2 / 8f, -1 / 8f, 0, 0, 0, 1 / 8f, 2 / 8f, 1 / 8f},
        {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, -12 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f},
    };

    private final int channels;
    private final int hidden;
    private final NDManager manager;
    private final NDArray perception;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final List<NDArray> parameters;
    private boolean closed;

    private NcaModel(Builder b) {
        this.channels = b.channels;
        this.hidden = b.hidden;
        Engine engine = Torch.engine(b.torchThreads);
        this.manager = engine.newBaseManager(engine.defaultDevice());
        try {
            Random random = new Random(b.seed);
            perception = fixed(perceptionKernel(channels), new Shape(FILTERS * channels, 1, 3, 3));
            int fanIn = FILTERS * channels;
            float bound = (float) (1 / Math.sqrt(fanIn));
            w1 = parameter(uniform(random, hidden * fanIn, bound), new Shape(hidden, fanIn, 1, 1));
            b1 = parameter(uniform(random, hidden, bound), new Shape(hidden));
            // the last layer starts at zero (the automaton starts doing nothing), unless a test asks otherwise
            w2 = parameter(uniform(random, channels * hidden, (float) b.outputInitScale), new Shape(channels, hidden, 1,
                    1));
            parameters = List.of(w1, b1, w2);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** @return a builder; every setting has a default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the perception kernel {@code [4C, 1, 3, 3]} flattened: filter {@code k} of channel {@code c} at 4c + k */
    static float[] perceptionKernel(int channels) {
        float[] k = new float[FILTERS * channels * 9];
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < FILTERS; f++) {
                System.arraycopy(KERNELS[f], 0, k, (c * FILTERS + f) * 9, 9);
            }
        }
        return k;
    }

    private static float[] uniform(Random random, int n, float bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = bound == 0 ? 0 : (random.nextFloat() * 2 - 1) * bound;
        }
        return v;
    }

    private NDArray fixed(float[] values, Shape shape) {
        NDArray a = manager.create(values, shape);
        NDScope.unregister(a);
        return a;
    }

    private NDArray parameter(float[] values, Shape shape) {
        NDArray a = fixed(values, shape);
        a.setRequiresGradient(true);
        return a;
    }

    /** @return the state channels C (the first three are RGB - 0.5) */
    public int channels() {
        return channels;
    }

    /** @return the hidden layer's width */
    public int hidden() {
        return hidden;
    }

    /** @return the device the model trains on, e.g. {@code cpu()} */
    public String device() {
        return manager.getDevice().toString();
    }

    /** @return the trained parameters: w1, b1, w2 */
    List<NDArray> parameters() {
        return parameters;
    }

    /** @return the manager the parameters live in (and new arrays for this model should) */
    NDManager manager() {
        return manager;
    }

    /** @return {@code x} padded by one cell on each side of the last two axes, wrapping around */
    static NDArray wrapPad(NDArray x) {
        NDArray w = x.get(new NDIndex(":, :, :, -1:")).concat(x, 3).concat(x.get(new NDIndex(":, :, :, :1")), 3);
        return w.get(new NDIndex(":, :, -1:, :")).concat(w, 2).concat(w.get(new NDIndex(":, :, :1, :")), 2);
    }

    /**
     * One step of every cell.
     *
     * @param state {@code [B, C, H, W]}
     * @param mask {@code [B, 1, H, W]}: 1 where a cell updates, 0 where it keeps its state
     * @return the next state, {@code [B, C, H, W]}
     */
    public NDArray step(NDArray state, NDArray mask) {
        checkOpen();
        NDArray perceived = state.getNDArrayInternal().convolution(wrapPad(state), perception, null, new Shape(1, 1),
                new Shape(0, 0), new Shape(1, 1), channels).singletonOrThrow();
        NDArray h = perceived.getNDArrayInternal().convolution(perceived, w1, b1, new Shape(1, 1), new Shape(0, 0),
                new Shape(1, 1), 1).singletonOrThrow();
        NDArray relu = h.maximum(0f);
        NDArray ds = relu.getNDArrayInternal().convolution(relu, w2, null, new Shape(1, 1), new Shape(0, 0),
                new Shape(1, 1), 1).singletonOrThrow();
        return state.add(ds.mul(mask));
    }

    /** @return the step as an ONNX graph ({@link NcaOnnxExporter}) */
    public byte[] toOnnx(String docString) {
        checkOpen();
        return NcaOnnxExporter.export(channels, hidden, perceptionKernel(channels), w1.toFloatArray(),
                b1.toFloatArray(), w2.toFloatArray(), docString);
    }

    /**
     * Writes the step as an ONNX file.
     *
     * @throws AnimataException when the file cannot be written
     */
    public void exportOnnx(Path file, String docString) {
        byte[] bytes = toOnnx(docString);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new AnimataException("cannot write NCA model " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AnimataException("this NcaModel is closed");
        }
    }

    /** Frees the arrays. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    /** Settings of an {@link NcaModel}. */
    public static final class Builder {
        private int channels = 12;
        private int hidden = 64;
        private long seed = 1;
        private int torchThreads = 1;
        private double outputInitScale;

        private Builder() {
        }

        /** @param n state channels, at least 3 (RGB) (default 12) */
        public Builder optChannels(int n) {
            if (n < 3) {
                throw new IllegalArgumentException("an NCA needs at least 3 channels (RGB), got " + n);
            }
            this.channels = n;
            return this;
        }

        /** @param n hidden layer width, at least 1 (default 64) */
        public Builder optHidden(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("hidden width must be at least 1, got " + n);
            }
            this.hidden = n;
            return this;
        }

        /** @param value seed of the initial weights (default 1) */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** @param n PyTorch intra-op threads, process-wide (default 1) */
        public Builder optTorchThreads(int n) {
            this.torchThreads = n;
            return this;
        }

        /** @param scale the last layer's initial weights are uniform in +-scale; 0 (the default) starts at zero */
        public Builder optOutputInitScale(double scale) {
            this.outputInitScale = scale;
            return this;
        }

        /** @return the model on DJL's default device (the CPU unless DJL has a GPU) */
        public NcaModel build() {
            return new NcaModel(this);
        }
    }
}
