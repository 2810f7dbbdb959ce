package io.animata.runtime.onnx;

import java.util.Arrays;

/**
 * The name, shape and element type of one model input or output, as the model declares it. A dimension of
 * {@code -1} is symbolic (any size, usually the batch).
 *
 * <p>Immutable and thread-safe.
 */
public final class TensorSpec {
    private final String name;
    private final long[] shape;
    private final String type;

    /**
     * @param name the graph's name for the tensor
     * @param shape dimensions, {@code -1} for symbolic ones; copied
     * @param type element type in ONNX Runtime's words, e.g. {@code FLOAT}, {@code INT64}
     */
    public TensorSpec(String name, long[] shape, String type) {
        this.name = name;
        this.shape = shape.clone();
        this.type = type;
    }

    /** @return the tensor's name */
    public String name() {
        return name;
    }

    /** @return a copy of the shape, {@code -1} for symbolic dimensions */
    public long[] shape() {
        return shape.clone();
    }

    /** @return number of dimensions */
    public int rank() {
        return shape.length;
    }

    /** @return one dimension, {@code -1} when symbolic */
    public long dim(int i) {
        return shape[i];
    }

    /** @return element type, e.g. {@code FLOAT} */
    public String type() {
        return type;
    }

    /** @return whether {@code actual} fits this shape: same rank, and equal wherever this shape is fixed */
    public boolean accepts(long[] actual) {
        if (actual.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && shape[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the shape as people write it, {@code [batch, 32]} with symbolic dimensions shown as {@code batch}/{@code ?} */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i] < 0 ? (i == 0 ? "batch" : "?") : Long.toString(shape[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return name + " " + type + " " + shapeText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && type.equals(t.type) && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type.hashCode()) + Arrays.hashCode(shape);
    }
}
