package io.animata.runtime;

import io.animata.runtime.exec.Worker;
import io.animata.runtime.model.BatchModel;
import java.lang.System.Logger.Level;

/**
 * The requests for one model: callers {@link #submit} rows during a frame, the runtime hands them to the worker as
 * one batch at {@link AiRuntime#endFrame}, and routes each row of the results back to its listener at a later
 * {@link AiRuntime#beginFrame} ("request, then decide").
 *
 * <p>A few frame slots cycle between the game thread and the worker. In realtime mode, when the worker is still
 * busy with earlier batches and no slot is free, the current frame's requests stay queued and go out with the
 * next frame's: the game thread never waits, the batch simply grows.
 *
 * <p>Threading: game thread only (except {@link #metrics()} and {@link #model()}). Steady state allocates nothing.
 *
 * <pre>{@code
 * ModelQueue policy = runtime.queue(runtime.loadModel("policy", Path.of("policy.onnx")));
 * long id = policy.submit(observation, 0, (requestId, tag, result) -> act(tag, result.argmax(0)), agentIndex);
 * }</pre>
 */
public final class ModelQueue {
    private static final System.Logger LOG = System.getLogger(ModelQueue.class.getName());
    static final int SLOTS = 3;
    private static final int INITIAL_ROWS = 16;

    private final AiRuntime runtime;
    private final BatchModel model;
    private final Worker worker;
    private final ModelMetrics metrics;
    private final FrameSlot[] slots = new FrameSlot[SLOTS];
    /** Slots handed to the worker, oldest first (a ring). */
    private final FrameSlot[] inFlight = new FrameSlot[SLOTS];
    private int inFlightHead;
    private int inFlightCount;
    private FrameSlot filling;
    private final RowView view = new RowView();
    /** The model's widths, read once: routing reads them for every row. */
    private final int inputWidth;
    private final int[] outputWidths;
    private String lastLoggedFailure;
    private boolean released;

    ModelQueue(AiRuntime runtime, BatchModel model, Worker worker) {
        this.runtime = runtime;
        this.model = model;
        this.worker = worker;
        this.metrics = new ModelMetrics(model.name(), model.device());
        this.inputWidth = model.inputWidth();
        this.outputWidths = new int[model.outputCount()];
        for (int o = 0; o < outputWidths.length; o++) {
            outputWidths[o] = model.outputWidth(o);
        }
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new FrameSlot(model, metrics, INITIAL_ROWS);
        }
        filling = slots[0];
        filling.state = FrameSlot.FILLING;
    }

    /** @return the model this queue batches for */
    public BatchModel model() {
        return model;
    }

    /** @return this model's live figures; readable from any thread */
    public ModelMetrics metrics() {
        return metrics;
    }

    /** @return the worker thread this model runs on */
    public String workerName() {
        return worker.name();
    }

    /**
     * Queues one row for the next batch. The row is copied; the caller may reuse its array at once.
     *
     * @param row the caller's buffer
     * @param offset where this row's {@link BatchModel#inputWidth()} floats start
     * @param listener receives the result on the game thread, in a later {@link AiRuntime#beginFrame}
     * @param tag the caller's number for this request, handed back with the result (e.g. an agent index)
     * @return the request id, for {@link #cancel}
     * @throws AnimataException when the row is shorter than the model's input, the model was released, or the
     *     runtime is closed
     */
    public long submit(float[] row, int offset, InferenceListener listener, int tag) {
        runtime.checkOpen();
        if (released) {
            throw new AnimataException("model '" + model.name() + "' was released from the AI runtime");
        }
        int width = inputWidth;
        if (offset < 0 || offset + width > row.length) {
            throw new AnimataException("model '" + model.name() + "' takes rows of " + width + " floats (input shape [batch, "
                    + width + "]) but the row at offset " + offset + " of a " + row.length + "-float array is too short");
        }
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        long id = runtime.nextRequestId();
        filling.add(id, tag, listener, row, offset);
        return id;
    }

    /**
     * Drops the result of a request (entity removed, episode reset). Safe to call for a request that was already
     * delivered or cancelled.
     *
     * @return whether the request was still pending
     */
    public boolean cancel(long requestId) {
        if (filling.cancel(requestId)) {
            return true;
        }
        for (int i = 0; i < inFlightCount; i++) {
            if (inFlight[(inFlightHead + i) % SLOTS].cancel(requestId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the results of every pending request of a listener (a system being removed).
     *
     * @return how many requests were cancelled
     */
    public int cancelAll(InferenceListener listener) {
        int n = filling.cancelAll(listener);
        for (int i = 0; i < inFlightCount; i++) {
            n += inFlight[(inFlightHead + i) % SLOTS].cancelAll(listener);
        }
        return n;
    }

    /** @return requests submitted and not yet delivered (the current frame's included) */
    public int pendingRequests() {
        int n = filling.rows;
        for (int i = 0; i < inFlightCount; i++) {
            n += inFlight[(inFlightHead + i) % SLOTS].rows;
        }
        return n;
    }

    /** Game thread, from {@link AiRuntime#endFrame}: hands this frame's rows to the worker if a slot is free. */
    void handOver(long tick) {
        if (filling.rows == 0) {
            return;
        }
        FrameSlot next = freeSlot();
        if (next == null) {
            // the worker is behind: keep these rows and send them with the next frame's
            metrics.queueDepth = pendingRequests();
            return;
        }
        FrameSlot batch = filling;
        batch.handedOverTick = tick;
        batch.state = FrameSlot.QUEUED;
        inFlight[(inFlightHead + inFlightCount) % SLOTS] = batch;
        inFlightCount++;
        next.state = FrameSlot.FILLING;
        filling = next;
        worker.submit(batch);
        metrics.queueDepth = pendingRequests();
    }

    private FrameSlot freeSlot() {
        for (FrameSlot s : slots) {
            if (s.state == FrameSlot.FREE) {
                return s;
            }
        }
        return null;
    }

    /**
     * Game thread, from {@link AiRuntime#beginFrame}: routes every finished batch, oldest first. In lockstep mode
     * waits for all batches handed over.
     *
     * @throws AnimataException in lockstep mode, when a batch failed or did not finish before the deadline
     */
    void deliver(long tick, boolean waitForAll, long deadlineNanos) {
        while (inFlightCount > 0) {
            FrameSlot slot = inFlight[inFlightHead];
            if (slot.state == FrameSlot.QUEUED) {
                if (!waitForAll) {
                    break;
                }
                awaitOrThrow(slot, deadlineNanos);
            }
            inFlight[inFlightHead] = null;
            inFlightHead = (inFlightHead + 1) % SLOTS;
            inFlightCount--;
            RuntimeException failure = route(slot, tick);
            slot.clear();
            slot.state = FrameSlot.FREE;
            if (failure != null && waitForAll) {
                metrics.queueDepth = pendingRequests();
                throw failure instanceof AnimataException ? failure : new AnimataException(failure.getMessage(), failure);
            }
        }
        metrics.queueDepth = pendingRequests();
    }

    private void awaitOrThrow(FrameSlot slot, long deadlineNanos) {
        try {
            if (!slot.awaitDone(deadlineNanos)) {
                throw new AnimataException("model '" + model.name() + "' did not finish a batch of " + slot.rows
                        + " rows within the lockstep timeout; raise AiRuntime.Builder.optLockstepTimeout or check the model");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("interrupted while waiting for model '" + model.name() + "'", e);
        }
    }

    private RuntimeException route(FrameSlot slot, long tick) {
        if (slot.state == FrameSlot.FAILED) {
            RuntimeException error = slot.error;
            metrics.failures++;
            logFailureOnce(error);
            AnimataException asDomain = error instanceof AnimataException ? (AnimataException) error
                    : new AnimataException(error.getMessage(), error);
            for (int r = 0; r < slot.rows; r++) {
                if (!slot.cancelled[r]) {
                    slot.listeners[r].onFailure(slot.ids[r], slot.tags[r], asDomain);
                }
            }
            return error;
        }
        view.slot = slot;
        long delivered = 0;
        long dropped = 0;
        for (int r = 0; r < slot.rows; r++) {
            if (slot.cancelled[r]) {
                dropped++;
                continue;
            }
            view.row = r;
            slot.listeners[r].onResult(slot.ids[r], slot.tags[r], view);
            delivered++;
        }
        view.slot = null;
        metrics.resultsDelivered += delivered;
        metrics.resultsDropped += dropped;
        metrics.lastLagFrames = tick - slot.handedOverTick;
        return null;
    }

    private void logFailureOnce(RuntimeException error) {
        String message = String.valueOf(error.getMessage());
        if (!message.equals(lastLoggedFailure)) {
            lastLoggedFailure = message;
            LOG.log(Level.WARNING, "model '" + model.name() + "' failed: " + message, error);
        }
    }

    /** Game thread, from {@link AiRuntime#release}: drops everything pending and refuses new requests. */
    void markReleased() {
        released = true;
        filling.cancelAll();
        for (int i = 0; i < inFlightCount; i++) {
            inFlight[(inFlightHead + i) % SLOTS].cancelAll();
        }
        metrics.queueDepth = 0;
    }

    Worker worker() {
        return worker;
    }

    /** Game thread, from {@link AiRuntime#close}: forgets everything pending. */
    void discardPending() {
        filling.clear();
    }

    /** The reused view of one row of a finished slot. */
    private final class RowView implements InferenceResult {
        FrameSlot slot;
        int row;

        @Override
        public int outputCount() {
            return slot.outputs.length;
        }

        @Override
        public int width(int output) {
            return outputWidths[output];
        }

        @Override
        public float get(int output, int column) {
            int w = outputWidths[output];
            if (column < 0 || column >= w) {
                throw new IndexOutOfBoundsException("column " + column + " of output " + output + " (width " + w + ")");
            }
            return slot.outputs[output][row * w + column];
        }

        @Override
        public void copyTo(int output, float[] dst, int dstOffset) {
            int w = outputWidths[output];
            System.arraycopy(slot.outputs[output], row * w, dst, dstOffset, w);
        }

        @Override
        public int argmax(int output) {
            int w = outputWidths[output];
            float[] out = slot.outputs[output];
            int base = row * w;
            int best = 0;
            for (int c = 1; c < w; c++) {
                if (out[base + c] > out[base + best]) {
                    best = c;
                }
            }
            return best;
        }
    }
}
