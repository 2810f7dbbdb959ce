package io.animata.core.agent;

import io.animata.runtime.InferenceResult;

/** A test {@link InferenceResult} over plain arrays, one per output. */
final class ArrayResult implements InferenceResult {
    final float[][] outputs;

    ArrayResult(float[]... outputs) {
        this.outputs = outputs;
    }

    @Override
    public int outputCount() {
        return outputs.length;
    }

    @Override
    public int width(int output) {
        return outputs[output].length;
    }

    @Override
    public float get(int output, int column) {
        return outputs[output][column];
    }

    @Override
    public void copyTo(int output, float[] dst, int dstOffset) {
        System.arraycopy(outputs[output], 0, dst, dstOffset, outputs[output].length);
    }

    @Override
    public int argmax(int output) {
        int best = 0;
        for (int i = 1; i < outputs[output].length; i++) {
            if (outputs[output][i] > outputs[output][best]) {
                best = i;
            }
        }
        return best;
    }
}
