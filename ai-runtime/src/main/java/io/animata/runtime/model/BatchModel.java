package io.animata.runtime.model;

/**
 * A model that maps a batch of float rows to one or more batches of float rows: a policy, a value network, an
 * embedding head. The runtime batches every request made for a model during a frame into one {@link #run} call.
 *
 * <p>Threading: {@link #run} is called by one worker thread at a time (never by the game thread once the model is
 * registered with an {@link io.animata.runtime.AiRuntime}); the describing methods may be called from any thread.
 */
public interface BatchModel extends AutoCloseable {

    /** @return the name used in logs, metrics and error messages */
    String name();

    /** @return the number of floats in one input row */
    int inputWidth();

    /** @return the number of outputs each row produces (e.g. action logits and a value) */
    int outputCount();

    /**
     * @param output index in {@code [0, outputCount())}
     * @return the number of floats in one row of that output
     */
    int outputWidth(int output);

    /**
     * @param output index in {@code [0, outputCount())}
     * @return the output's name (the graph's output name for ONNX models)
     */
    String outputName(int output);

    /** @return where the model runs: {@code "cpu"}, {@code "cuda"} or {@code "java"} */
    String device();

    /**
     * Runs {@code rows} rows.
     *
     * @param input row-major, at least {@code rows * inputWidth()} floats
     * @param rows number of rows, at least 1
     * @param outputs one array per output, each at least {@code rows * outputWidth(o)} floats, written row-major
     * @throws io.animata.runtime.AnimataException when the engine fails or produces non-finite values
     */
    void run(float[] input, int rows, float[][] outputs);

    /** Releases native memory. Idempotent. */
    @Override
    void close();
}
