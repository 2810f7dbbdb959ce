package io.animata.runtime.model;

import java.util.Locale;

/**
 * One fully connected layer of an {@link Mlp}: {@code y = activation(W x + b)} with {@code W} stored row-major as
 * {@code [outputWidth][inputWidth]} (the layout of a PyTorch {@code Linear} weight and of an ONNX {@code Gemm}
 * with {@code transB=1}), so weights move between trainer, Java and ONNX without transposing.
 *
 * <p>Threading: immutable and thread-safe. The arrays are copied in and copied out, so no caller can change a
 * layer after it is built.
 */
public final class DenseLayer {
    private final int inputWidth;
    private final int outputWidth;
    private final float[] weights;
    private final float[] bias;
    private final Activation activation;

    /** Takes ownership of the arrays: callers ({@link Mlp.Builder}) pass validated copies. */
    DenseLayer(int inputWidth, float[] weights, float[] bias, Activation activation) {
        this.inputWidth = inputWidth;
        this.outputWidth = bias.length;
        this.weights = weights;
        this.bias = bias;
        this.activation = activation;
    }

    /** @return the number of floats this layer reads per row */
    public int inputWidth() {
        return inputWidth;
    }

    /** @return the number of floats this layer writes per row */
    public int outputWidth() {
        return outputWidth;
    }

    /** @return the function applied after the affine map */
    public Activation activation() {
        return activation;
    }

    /** @return a copy of the weights, row-major {@code [outputWidth][inputWidth]} */
    public float[] weights() {
        return weights.clone();
    }

    /** @return a copy of the bias, {@code outputWidth} floats */
    public float[] bias() {
        return bias.clone();
    }

    /**
     * @param out output unit, in {@code [0, outputWidth())}
     * @param in input unit, in {@code [0, inputWidth())}
     * @return the weight from input {@code in} to output {@code out}, without copying the matrix
     */
    public float weight(int out, int in) {
        if (out < 0 || out >= outputWidth || in < 0 || in >= inputWidth) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "weight(%d, %d) is outside [%d][%d]", out, in, outputWidth, inputWidth));
        }
        return weights[out * inputWidth + in];
    }

    /**
     * Computes {@code rows} rows from {@code src} into {@code dst}; the arrays must not be the same.
     * Unchecked: {@link Mlp#forward} has validated the sizes once for the whole pass.
     */
    void forward(float[] src, float[] dst, int rows) {
        for (int r = 0; r < rows; r++) {
            int srcRow = r * inputWidth;
            int dstRow = r * outputWidth;
            for (int o = 0; o < outputWidth; o++) {
                int w = o * inputWidth;
                float sum = bias[o];
                for (int i = 0; i < inputWidth; i++) {
                    sum += weights[w + i] * src[srcRow + i];
                }
                dst[dstRow + o] = sum;
            }
            activation.apply(dst, dstRow, outputWidth);
        }
    }

    @Override
    public String toString() {
        return inputWidth + "->" + outputWidth + " " + activation.name().toLowerCase(Locale.ROOT);
    }
}
