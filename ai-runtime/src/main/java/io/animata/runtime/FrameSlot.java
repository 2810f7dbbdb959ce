package io.animata.runtime;

import io.animata.runtime.exec.WorkerTask;
import io.animata.runtime.model.BatchModel;

/**
 * One frame's batch of requests for one model: the rows the game thread gathered, and the outputs the worker
 * wrote. A {@link ModelQueue} cycles a few of these so the game thread fills one while the worker runs another.
 *
 * <p>Threading: the game thread owns a slot while it is {@link #FREE} or {@link #FILLING}; the worker owns it from
 * the hand-over until it sets {@link #state} to {@link #DONE} or {@link #FAILED} (a volatile write that publishes
 * the outputs); then the game thread owns it again.
 */
final class FrameSlot implements WorkerTask {
    static final int FREE = 0;
    static final int FILLING = 1;
    static final int QUEUED = 2;
    static final int DONE = 3;
    static final int FAILED = 4;

    private final BatchModel model;
    private final ModelMetrics metrics;
    private final int inputWidth;
    float[] input;
    long[] ids;
    int[] tags;
    InferenceListener[] listeners;
    boolean[] cancelled;
    final float[][] outputs;
    int rows;
    long handedOverTick;
    RuntimeException error;
    volatile int state = FREE;

    FrameSlot(BatchModel model, ModelMetrics metrics, int initialRows) {
        this.model = model;
        this.metrics = metrics;
        this.inputWidth = model.inputWidth();
        this.outputs = new float[model.outputCount()][];
        allocate(initialRows);
        for (int o = 0; o < outputs.length; o++) {
            outputs[o] = new float[initialRows * model.outputWidth(o)];
        }
    }

    private void allocate(int capacity) {
        input = new float[capacity * inputWidth];
        ids = new long[capacity];
        tags = new int[capacity];
        listeners = new InferenceListener[capacity];
        cancelled = new boolean[capacity];
    }

    int capacity() {
        return ids.length;
    }

    /** Game thread: appends one request, growing the arrays (rarely) when full. */
    void add(long id, int tag, InferenceListener listener, float[] row, int offset) {
        if (rows == ids.length) {
            grow(rows * 2);
        }
        System.arraycopy(row, offset, input, rows * inputWidth, inputWidth);
        ids[rows] = id;
        tags[rows] = tag;
        listeners[rows] = listener;
        cancelled[rows] = false;
        rows++;
    }

    private void grow(int capacity) {
        float[] oldInput = input;
        long[] oldIds = ids;
        int[] oldTags = tags;
        InferenceListener[] oldListeners = listeners;
        boolean[] oldCancelled = cancelled;
        allocate(capacity);
        System.arraycopy(oldInput, 0, input, 0, rows * inputWidth);
        System.arraycopy(oldIds, 0, ids, 0, rows);
        System.arraycopy(oldTags, 0, tags, 0, rows);
        System.arraycopy(oldListeners, 0, listeners, 0, rows);
        System.arraycopy(oldCancelled, 0, cancelled, 0, rows);
    }

    /** Game thread: marks a request so its result is dropped. */
    boolean cancel(long id) {
        for (int r = 0; r < rows; r++) {
            if (ids[r] == id) {
                cancelled[r] = true;
                return true;
            }
        }
        return false;
    }

    /** Game thread: cancels every request of a listener. */
    int cancelAll(InferenceListener listener) {
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (listeners[r] == listener && !cancelled[r]) {
                cancelled[r] = true;
                n++;
            }
        }
        return n;
    }

    /** Game thread: cancels every request in this slot. */
    void cancelAll() {
        for (int r = 0; r < rows; r++) {
            cancelled[r] = true;
        }
    }

    /** Game thread: back to empty, dropping references to listeners so they can be collected. */
    void clear() {
        for (int r = 0; r < rows; r++) {
            listeners[r] = null;
        }
        rows = 0;
        error = null;
    }

    @Override
    public void runOnWorker() {
        try {
            for (int o = 0; o < outputs.length; o++) {
                int needed = rows * model.outputWidth(o);
                if (outputs[o].length < needed) {
                    outputs[o] = new float[Math.max(needed, outputs[o].length * 2)];
                }
            }
            long start = System.nanoTime();
            model.run(input, rows, outputs);
            metrics.latency.record(System.nanoTime() - start);
            metrics.lastBatchSize = rows;
            metrics.batchesRun++;
            finish(DONE);
        } catch (RuntimeException e) {
            error = e instanceof AnimataException ? e
                    : new AnimataException("model '" + model.name() + "' failed on a batch of " + rows
                            + " rows: " + e.getMessage(), e);
            finish(FAILED);
        }
    }

    @Override
    public void onDiscarded() {
        error = new AnimataException("the AI runtime was closed before model '" + model.name()
                + "' ran this batch of " + rows + " rows");
        finish(FAILED);
    }

    private void finish(int finalState) {
        synchronized (this) {
            state = finalState;
            notifyAll();
        }
    }

    /** Game thread, lockstep: waits until the worker is done with this slot. */
    boolean awaitDone(long deadlineNanos) throws InterruptedException {
        synchronized (this) {
            while (state == QUEUED) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
        }
        return true;
    }
}
