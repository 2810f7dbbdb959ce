package io.animata.runtime.model;

import io.animata.runtime.AnimataException;

import java.util.Locale;

/**
 * Runs an {@link Mlp} in plain Java as a {@link BatchModel}: device {@code "java"}, one output named
 * {@value #OUTPUT_NAME}. For the small networks of game agents this is often as fast as a native engine call
 * (no tensor copies, no JNI) and needs no native library at all, which also makes it the reference in tests.
 *
 * <p>Allocation-free in steady state: the scratch grows (doubling) only when a batch has more rows than any
 * before it.
 *
 * <p>Threading: follows {@link BatchModel}: {@link #run} from one thread at a time (it owns the scratch); the
 * describing methods and {@link #close} from any thread.
 *
 * <pre>{@code
 * Mlp mlp = Mlp.random(7, Activation.TANH, Activation.SOFTMAX, 6, 32, 4);
 * BatchModel policy = new JavaMlpModel("chaser-policy", mlp, maxRows);
 * float[][] outputs = {new float[maxRows * 4]};   // once, reused every frame
 * policy.run(observations, rows, outputs);        // no allocation
 * }</pre>
 */
public final class JavaMlpModel implements BatchModel {
    /** The name of the one output. */
    public static final String OUTPUT_NAME = "output";
    /** Rows the first scratch holds when no capacity is given. */
    private static final int DEFAULT_ROWS = 16;

    private final String name;
    private final Mlp mlp;
    private Mlp.Scratch scratch;
    private volatile boolean closed;

    /**
     * @param name used in logs and error messages
     * @param mlp the network to run
     */
    public JavaMlpModel(String name, Mlp mlp) {
        this(name, mlp, DEFAULT_ROWS);
    }

    /**
     * @param name used in logs and error messages
     * @param mlp the network to run
     * @param initialRows rows the scratch holds before it first grows, at least 1; give the expected batch size to
     *     avoid any allocation after construction
     */
    public JavaMlpModel(String name, Mlp mlp, int initialRows) {
        if (name == null || name.isEmpty()) {
            throw new AnimataException("a JavaMlpModel needs a name, got " + (name == null ? "null" : "\"\""));
        }
        if (mlp == null) {
            throw new AnimataException("JavaMlpModel '" + name + "' needs an Mlp, got null");
        }
        this.name = name;
        this.mlp = mlp;
        this.scratch = mlp.newScratch(initialRows);
    }

    /** @return the network this model runs */
    public Mlp mlp() {
        return mlp;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputWidth() {
        return mlp.inputWidth();
    }

    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public int outputWidth(int output) {
        checkOutputIndex(output);
        return mlp.outputWidth();
    }

    @Override
    public String outputName(int output) {
        checkOutputIndex(output);
        return OUTPUT_NAME;
    }

    @Override
    public String device() {
        return "java";
    }

    @Override
    public void run(float[] input, int rows, float[][] outputs) {
        if (closed) {
            throw new AnimataException("model '" + name + "' is closed");
        }
        if (outputs == null || outputs.length < 1) {
            throw new AnimataException("model '" + name + "' has 1 output, got "
                    + (outputs == null ? "null" : outputs.length + " output arrays"));
        }
        if (rows > scratch.maxRows()) {
            // doubling keeps the number of reallocations logarithmic when batch sizes creep up
            scratch = mlp.newScratch(Math.max(rows, 2 * scratch.maxRows()));
        }
        float[] output = outputs[0];
        try {
            mlp.forward(input, rows, output, scratch);
        } catch (AnimataException e) {
            throw new AnimataException("model '" + name + "': " + e.getMessage(), e);
        }
        checkFinite(output, rows * mlp.outputWidth());
    }

    private void checkFinite(float[] output, int length) {
        for (int i = 0; i < length; i++) {
            if (!Float.isFinite(output[i])) {
                int width = mlp.outputWidth();
                throw new AnimataException(String.format(Locale.ROOT,
                        "model '%s' produced %s at row %d, column %d of '%s'; check the input row for NaN or"
                                + " huge values", name, output[i], i / width, i % width, OUTPUT_NAME));
            }
        }
    }

    private void checkOutputIndex(int output) {
        if (output != 0) {
            throw new IndexOutOfBoundsException("model '" + name + "' has 1 output, asked for output " + output);
        }
    }

    /** Nothing native to release; marks the model closed so later {@link #run} calls fail clearly. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "JavaMlpModel[" + name + ", " + mlp + "]";
    }
}
