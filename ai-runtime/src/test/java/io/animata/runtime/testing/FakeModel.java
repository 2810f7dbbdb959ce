package io.animata.runtime.testing;

import io.animata.runtime.model.BatchModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic model for tests: output 0 is {@code 2x + 1} per input element, output 1 is the row's sum. It
 * counts calls, records batch sizes and threads, can be made to block until released, and can be made to fail.
 */
public final class FakeModel implements BatchModel {
    private final String name;
    private final int width;
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger closes = new AtomicInteger();
    public final CopyOnWriteArrayList<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public final CopyOnWriteArrayList<String> threads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile boolean failing;

    public FakeModel(String name, int width) {
        this.name = name;
        this.width = width;
    }

    /** Every later run waits until {@link #release()}. */
    public void block() {
        gate = new CountDownLatch(1);
        entered = new CountDownLatch(1);
    }

    /** Lets blocked runs go on. */
    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits until a run has started (and is blocked, if blocking). */
    public void awaitEntered() throws InterruptedException {
        entered.await();
    }

    public void setFailing(boolean failing) {
        this.failing = failing;
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
        return 2;
    }

    @Override
    public int outputWidth(int output) {
        return output == 0 ? width : 1;
    }

    @Override
    public String outputName(int output) {
        return output == 0 ? "affine" : "sum";
    }

    @Override
    public String device() {
        return "java";
    }

    @Override
    public void run(float[] input, int rows, float[][] outputs) {
        calls.incrementAndGet();
        batchSizes.add(rows);
        threads.add(Thread.currentThread().getName());
        entered.countDown();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while blocked", e);
            }
        }
        if (failing) {
            throw new IllegalStateException("fake failure");
        }
        for (int r = 0; r < rows; r++) {
            float sum = 0;
            for (int c = 0; c < width; c++) {
                float x = input[r * width + c];
                outputs[0][r * width + c] = 2 * x + 1;
                sum += x;
            }
            outputs[1][r] = sum;
        }
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
