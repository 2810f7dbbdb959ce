package io.animata.runtime.model;

import io.animata.runtime.AnimataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A multilayer perceptron in plain Java: optional input normalisation {@code (x - mean) / std}, then
 * {@link DenseLayer dense layers}, each followed by its {@link Activation}. It is the shape of every small policy and
 * value network Animata trains, runs on the CPU without ONNX Runtime (see {@link JavaMlpModel}), and is exported to
 * ONNX by {@code io.animata.runtime.onnx.MlpOnnxExporter}, which computes the same numbers.
 *
 * <p>Threading: immutable and thread-safe. {@link #forward(float[], int, float[], Scratch)} may run on several
 * threads at once as long as each thread has its own {@link Scratch}.
 *
 * <pre>{@code
 * Mlp mlp = Mlp.builder(2)
 *         .optNormalization(new float[] {0, 10}, new float[] {1, 5})
 *         .addLayer(hiddenWeights, hiddenBias, Activation.TANH)   // [8][2], [8]
 *         .addLayer(outWeights, outBias, Activation.SOFTMAX)      // [3][8], [3]
 *         .build();
 * Mlp.Scratch scratch = mlp.newScratch(64);                       // once, reused every frame
 * mlp.forward(observations, rows, actionProbabilities, scratch);  // no allocation
 * }</pre>
 */
public final class Mlp {
    /** Standard deviations below this are clamped, so a constant input feature maps to 0 instead of infinity. */
    public static final float MIN_STD = 1e-8f;

    private final int inputWidth;
    /** Both {@code null} when the MLP has no normalisation. */
    private final float[] mean;
    private final float[] inverseStd;
    private final DenseLayer[] layers;
    /** Widest row the forward pass keeps between steps: the normalised input and every hidden layer's output. */
    private final int scratchWidth;

    private Mlp(int inputWidth, float[] mean, float[] inverseStd, DenseLayer[] layers) {
        this.inputWidth = inputWidth;
        this.mean = mean;
        this.inverseStd = inverseStd;
        this.layers = layers;
        int width = mean != null ? inputWidth : 0;
        for (int l = 0; l < layers.length - 1; l++) {
            width = Math.max(width, layers[l].outputWidth());
        }
        this.scratchWidth = width;
    }

    /**
     * @param inputWidth number of floats in one input row, at least 1
     * @return a builder for an MLP reading rows of that width
     * @throws AnimataException if {@code inputWidth < 1}
     */
    public static Builder builder(int inputWidth) {
        return new Builder(inputWidth);
    }

    /**
     * Makes an MLP with seeded random weights and zero biases: He-uniform ({@code U(±sqrt(6 / in))}) before a
     * {@link Activation#RELU}, Xavier-uniform ({@code U(±sqrt(6 / (in + out)))}) before anything else. The same seed
     * gives the same weights on every JVM.
     *
     * @param seed random seed
     * @param hidden activation after every layer but the last
     * @param output activation after the last layer
     * @param widths input width, hidden widths, output width: at least two values, each at least 1
     * @return a new MLP without normalisation
     * @throws AnimataException if the widths are not valid
     */
    public static Mlp random(long seed, Activation hidden, Activation output, int... widths) {
        if (widths == null || widths.length < 2) {
            throw new AnimataException("Mlp.random needs at least an input and an output width, got "
                    + (widths == null ? "null" : widths.length + " width(s)"));
        }
        if (hidden == null || output == null) {
            throw new AnimataException("Mlp.random needs a hidden and an output activation, got "
                    + hidden + " and " + output);
        }
        Random random = new Random(seed);
        Builder builder = builder(widths[0]);
        for (int l = 1; l < widths.length; l++) {
            int in = widths[l - 1];
            int out = widths[l];
            if (out < 1) {
                throw new AnimataException("Mlp.random: width " + l + " is " + out + ", must be at least 1");
            }
            Activation activation = l == widths.length - 1 ? output : hidden;
            double limit = activation == Activation.RELU ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
            float[] weights = new float[out * in];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            builder.addLayer(weights, new float[out], activation);
        }
        return builder.build();
    }

    /** @return the number of floats in one input row */
    public int inputWidth() {
        return inputWidth;
    }

    /** @return the number of floats in one output row */
    public int outputWidth() {
        return layers[layers.length - 1].outputWidth();
    }

    /** @return every width from input to output: {@code layerCount() + 1} values */
    public int[] widths() {
        int[] widths = new int[layers.length + 1];
        widths[0] = inputWidth;
        for (int l = 0; l < layers.length; l++) {
            widths[l + 1] = layers[l].outputWidth();
        }
        return widths;
    }

    /** @return the number of dense layers, at least 1 */
    public int layerCount() {
        return layers.length;
    }

    /**
     * @param index in {@code [0, layerCount())}, from the input side
     * @return that layer
     */
    public DenseLayer layer(int index) {
        return layers[index];
    }

    /** @return the layers from input to output, unmodifiable */
    public List<DenseLayer> layers() {
        return List.of(layers);
    }

    /** @return whether inputs are normalised before the first layer */
    public boolean hasNormalization() {
        return mean != null;
    }

    /**
     * @return a copy of the per-feature mean subtracted from inputs
     * @throws AnimataException if the MLP has no normalisation
     */
    public float[] normalizationMean() {
        requireNormalization();
        return mean.clone();
    }

    /**
     * @return a copy of the per-feature {@code 1 / max(std, MIN_STD)} inputs are multiplied by after the mean is
     *     subtracted (a multiply, so Java and the ONNX graph round the same way)
     * @throws AnimataException if the MLP has no normalisation
     */
    public float[] normalizationInverseStd() {
        requireNormalization();
        return inverseStd.clone();
    }

    private void requireNormalization() {
        if (mean == null) {
            throw new AnimataException("this Mlp has no input normalisation; check hasNormalization() first");
        }
    }

    /**
     * @param maxRows the most rows one {@link #forward} call with this scratch will run, at least 1
     * @return working memory for forward passes of up to {@code maxRows} rows
     */
    public Scratch newScratch(int maxRows) {
        if (maxRows < 1) {
            throw new AnimataException("a scratch needs room for at least 1 row, asked for " + maxRows);
        }
        return new Scratch(maxRows, scratchWidth);
    }

    /**
     * Runs the network on {@code rows} rows, allocating a scratch for this call. For repeated calls use
     * {@link #forward(float[], int, float[], Scratch)}, which allocates nothing.
     *
     * @see #forward(float[], int, float[], Scratch)
     */
    public void forward(float[] input, int rows, float[] output) {
        forward(input, rows, output, newScratch(Math.max(rows, 1)));
    }

    /**
     * Runs the network on {@code rows} rows without allocating.
     *
     * @param input row-major, at least {@code rows * inputWidth()} floats; not modified
     * @param rows number of rows, at least 1
     * @param output row-major, at least {@code rows * outputWidth()} floats; a different array from {@code input}
     * @param scratch from {@link #newScratch} of this MLP (or one at least as wide) with room for {@code rows}
     * @throws AnimataException if an argument does not fit
     */
    public void forward(float[] input, int rows, float[] output, Scratch scratch) {
        checkForward(input, rows, output, scratch);
        float[] src = input;
        if (mean != null) {
            normalize(input, rows, scratch.a);
            src = scratch.a;
        }
        for (int l = 0; l < layers.length; l++) {
            // hidden rows ping-pong between the two scratch buffers; the last layer writes straight into output
            float[] dst = l == layers.length - 1 ? output : (src == scratch.a ? scratch.b : scratch.a);
            layers[l].forward(src, dst, rows);
            src = dst;
        }
    }

    private void normalize(float[] input, int rows, float[] dst) {
        for (int r = 0; r < rows; r++) {
            int row = r * inputWidth;
            for (int i = 0; i < inputWidth; i++) {
                dst[row + i] = (input[row + i] - mean[i]) * inverseStd[i];
            }
        }
    }

    private void checkForward(float[] input, int rows, float[] output, Scratch scratch) {
        if (rows < 1) {
            throw new AnimataException("forward needs at least 1 row, got " + rows);
        }
        if (input == null || (long) input.length < (long) rows * inputWidth) {
            throw new AnimataException(String.format(Locale.ROOT,
                    "input has %s floats, %d rows of width %d need %d", input == null ? "null" : input.length,
                    rows, inputWidth, (long) rows * inputWidth));
        }
        if (output == null || (long) output.length < (long) rows * outputWidth()) {
            throw new AnimataException(String.format(Locale.ROOT,
                    "output has %s floats, %d rows of width %d need %d", output == null ? "null" : output.length,
                    rows, outputWidth(), (long) rows * outputWidth()));
        }
        if (input == output) {
            throw new AnimataException("input and output must be different arrays");
        }
        if (scratch == null || rows > scratch.maxRows || scratch.width < scratchWidth) {
            throw new AnimataException(String.format(Locale.ROOT,
                    "scratch %s cannot run %d rows of width %d: make one with newScratch(%d)",
                    scratch == null ? "null" : scratch, rows, scratchWidth, rows));
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Mlp[").append(inputWidth);
        if (mean != null) {
            text.append(" normalised");
        }
        for (DenseLayer layer : layers) {
            text.append(" -> ").append(layer.outputWidth()).append(' ')
                    .append(layer.activation().name().toLowerCase(Locale.ROOT));
        }
        return text.append(']').toString();
    }

    /**
     * Working memory for one forward pass at a time: two buffers the hidden rows alternate between. Make it once
     * with {@link Mlp#newScratch} and reuse it, so the forward pass allocates nothing.
     *
     * <p>Threading: not thread-safe; give each thread that calls {@link Mlp#forward} its own.
     */
    public static final class Scratch {
        private final int maxRows;
        private final int width;
        private final float[] a;
        private final float[] b;

        private Scratch(int maxRows, int width) {
            this.maxRows = maxRows;
            this.width = width;
            this.a = new float[Math.multiplyExact(maxRows, width)];
            this.b = new float[a.length];
        }

        /** @return the most rows this scratch can run at once */
        public int maxRows() {
            return maxRows;
        }

        @Override
        public String toString() {
            return "Scratch[" + maxRows + " rows of width " + width + "]";
        }
    }

    /**
     * Builds an {@link Mlp}, checking every shape as it is added so that a mistake is reported at the layer that
     * made it. Required: at least one {@link #addLayer}; optional: {@link #optNormalization}.
     *
     * <p>Threading: not thread-safe; use from one thread. The arrays given are copied.
     */
    public static final class Builder {
        private final int inputWidth;
        private final List<DenseLayer> layers = new ArrayList<>();
        private float[] mean;
        private float[] inverseStd;

        private Builder(int inputWidth) {
            if (inputWidth < 1) {
                throw new AnimataException("an Mlp's input width must be at least 1, got " + inputWidth);
            }
            this.inputWidth = inputWidth;
        }

        /**
         * Normalises each input feature to {@code (x - mean) / max(std, MIN_STD)} before the first layer.
         *
         * @param mean one value per input feature, finite
         * @param std one value per input feature, finite and not negative
         * @return this builder
         * @throws AnimataException if the lengths differ from the input width or a value is not valid
         */
        public Builder optNormalization(float[] mean, float[] std) {
            checkLength("normalisation mean", mean, inputWidth);
            checkLength("normalisation std", std, inputWidth);
            checkFinite("normalisation mean", mean);
            checkFinite("normalisation std", std);
            float[] inverse = new float[inputWidth];
            for (int i = 0; i < inputWidth; i++) {
                if (std[i] < 0) {
                    throw new AnimataException("normalisation std[" + i + "] is " + std[i] + ", must not be negative");
                }
                inverse[i] = 1f / Math.max(std[i], MIN_STD);
            }
            this.mean = mean.clone();
            this.inverseStd = inverse;
            return this;
        }

        /**
         * Adds a dense layer reading the previous layer's output (or the input, for the first layer).
         *
         * @param weights row-major {@code [out][in]}: {@code bias.length * in} floats, finite
         * @param bias {@code out} floats, at least one, finite
         * @param activation applied after the affine map
         * @return this builder
         * @throws AnimataException if a shape does not match or a value is not finite
         */
        public Builder addLayer(float[] weights, float[] bias, Activation activation) {
            int index = layers.size();
            String what = "layer " + index;
            int in = index == 0 ? inputWidth : layers.get(index - 1).outputWidth();
            if (activation == null) {
                throw new AnimataException(what + ": activation is null; use Activation.IDENTITY for none");
            }
            if (bias == null || bias.length == 0) {
                throw new AnimataException(what + ": bias must have at least one value (one per output unit)");
            }
            int out = bias.length;
            if (weights == null || (long) weights.length != (long) out * in) {
                throw new AnimataException(String.format(Locale.ROOT,
                        "%s: weights has %s floats, but [out=%d][in=%d] needs %d (in is the %s width, out the bias"
                                + " length)", what, weights == null ? "null" : weights.length, out, in,
                        (long) out * in, index == 0 ? "input" : "previous layer's output"));
            }
            checkFinite(what + " weights", weights);
            checkFinite(what + " bias", bias);
            layers.add(new DenseLayer(in, weights.clone(), bias.clone(), activation));
            return this;
        }

        /**
         * @return the MLP
         * @throws AnimataException if no layer was added
         */
        public Mlp build() {
            if (layers.isEmpty()) {
                throw new AnimataException("an Mlp needs at least one layer: call addLayer before build");
            }
            return new Mlp(inputWidth, mean, inverseStd, layers.toArray(new DenseLayer[0]));
        }

        private static void checkLength(String what, float[] values, int expected) {
            if (values == null || values.length != expected) {
                throw new AnimataException(what + " has " + (values == null ? "null" : values.length + " values")
                        + ", the input width is " + expected);
            }
        }

        private static void checkFinite(String what, float[] values) {
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new AnimataException(what + "[" + i + "] is " + values[i] + ", must be finite");
                }
            }
        }
    }
}
