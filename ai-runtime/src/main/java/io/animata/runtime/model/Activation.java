package io.animata.runtime.model;

/**
 * The function applied to a dense layer's output, row by row. The set is kept to what maps onto a single ONNX
 * operator, so that an {@link Mlp} computes in Java exactly what its exported graph computes in ONNX Runtime.
 *
 * <p>Threading: an enum, immutable and thread-safe; {@link #apply} writes only into the array it is given.
 */
public enum Activation {
    /** Leaves values as they are (a linear output layer: regression, value heads, logits). */
    IDENTITY,
    /** {@code max(0, x)}. */
    RELU,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic function {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** Normalises each row to probabilities that sum to 1, over the row's last (only) axis. */
    SOFTMAX;

    /**
     * Applies the activation in place to one row.
     *
     * @param values the array holding the row
     * @param offset index of the row's first value
     * @param width number of values in the row
     */
    public void apply(float[] values, int offset, int width) {
        int end = offset + width;
        switch (this) {
            case IDENTITY:
                break;
            case RELU:
                for (int i = offset; i < end; i++) {
                    // max() rather than a branch keeps NaN propagating as ONNX Runtime's Relu does
                    values[i] = Math.max(0f, values[i]);
                }
                break;
            case TANH:
                for (int i = offset; i < end; i++) {
                    values[i] = (float) Math.tanh(values[i]);
                }
                break;
            case SIGMOID:
                for (int i = offset; i < end; i++) {
                    values[i] = (float) (1.0 / (1.0 + Math.exp(-values[i])));
                }
                break;
            case SOFTMAX:
                softmax(values, offset, end);
                break;
            default:
                throw new AssertionError(this);
        }
    }

    private static void softmax(float[] values, int offset, int end) {
        // subtracting the row maximum keeps exp() from overflowing on large logits
        float max = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < end; i++) {
            max = Math.max(max, values[i]);
        }
        double sum = 0;
        for (int i = offset; i < end; i++) {
            float e = (float) Math.exp(values[i] - max);
            values[i] = e;
            sum += e;
        }
        float inverse = (float) (1.0 / sum);
        for (int i = offset; i < end; i++) {
            values[i] *= inverse;
        }
    }
}
