package io.animata.core.testing;

import io.animata.runtime.model.BatchModel;
import io.animata.runtime.rl.PolicySpec;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test fake policy model: its one output, named like an exported policy's ({@code logits} or {@code mean}),
 * repeats the input row. Counts batches and rows; can be made to wait on a gate before each batch (to keep results
 * in flight in realtime tests).
 */
public final class LogitsModel implements BatchModel {
    private final String name;
    private final String output;
    private final int width;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger rowsRun = new AtomicInteger();
    private final java.util.List<Integer> batchSizes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private volatile CountDownLatch gate;

    /** @param width floats per row in and out; the output is named {@link PolicySpec#LOGITS} */
    public LogitsModel(String name, int width) {
        this(name, PolicySpec.LOGITS, width);
    }

    /** @param output the output's name ({@link PolicySpec#LOGITS} or {@link PolicySpec#MEAN}) */
    public LogitsModel(String name, String output, int width) {
        this.name = name;
        this.output = output;
        this.width = width;
    }

    /** Makes every later batch wait until {@code gate} opens (at most 10 s). */
    public void holdBatches(CountDownLatch gate) {
        this.gate = gate;
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
    public int outputWidth(int o) {
        return width;
    }

    @Override
    public String outputName(int o) {
        return output;
    }

    @Override
    public String device() {
        return "java";
    }

    @Override
    public void run(float[] input, int rows, float[][] outputs) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.arraycopy(input, 0, outputs[0], 0, rows * width);
        batchSizes.add(rows);
        runs.incrementAndGet();
        rowsRun.addAndGet(rows);
    }

    /** @return batches run */
    public int runs() {
        return runs.get();
    }

    /** @return the rows of each batch run so far, in order (a copy) */
    public java.util.List<Integer> batchSizes() {
        synchronized (batchSizes) {
            return new java.util.ArrayList<>(batchSizes);
        }
    }

    /** @return rows run over all batches */
    public int rowsRun() {
        return rowsRun.get();
    }

    @Override
    public void close() {
    }
}
