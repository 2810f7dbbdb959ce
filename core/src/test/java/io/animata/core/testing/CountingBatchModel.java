package io.animata.core.testing;

import io.animata.runtime.model.BatchModel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test fake {@link BatchModel}: one output of the same width as the input, each value doubled. Counts its runs,
 * rows and closes so tests can check what the runtime did with it.
 */
public final class CountingBatchModel implements BatchModel {
    private final String name;
    private final int width;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger rowsRun = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    /** @param width floats per input row and per output row */
    public CountingBatchModel(String name, int width) {
        this.name = name;
        this.width = width;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public int outputWidth(int output) {
        return width;
    }

    @Override
    public String outputName(int output) {
        return "doubled";
    }

    @Override
    public String device() {
        return "java";
    }

    @Override
    public void run(float[] input, int rows, float[][] outputs) {
        for (int i = 0; i < rows * width; i++) {
            outputs[0][i] = 2f * input[i];
        }
        rowsRun.addAndGet(rows);
        runs.incrementAndGet();
    }

    /** @return batches run */
    public int runs() {
        return runs.get();
    }

    /** @return rows run, over all batches */
    public int rowsRun() {
        return rowsRun.get();
    }

    /** @return times {@link #close} was called */
    public int closes() {
        return closes.get();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
