package io.animata.runtime;

/**
 * A view of one row of a finished batch, handed to {@link InferenceListener#onResult}. The same instance is
 * reused for every row: read what you need inside the callback and do not keep a reference.
 */
public interface InferenceResult {

    /** @return number of outputs of the model */
    int outputCount();

    /** @return floats in this row of the given output */
    int width(int output);

    /** @return one value of this row of the given output */
    float get(int output, int column);

    /** Copies this row of the given output into {@code dst} at {@code dstOffset}. */
    void copyTo(int output, float[] dst, int dstOffset);

    /** @return the column with the largest value in this row of the given output (the first on ties) */
    int argmax(int output);
}
