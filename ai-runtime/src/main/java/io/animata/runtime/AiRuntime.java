package io.animata.runtime;

import io.animata.runtime.exec.Worker;
import io.animata.runtime.model.BatchModel;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.LanguageModel;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AI runtime: worker threads that run models, and the frame contract that ties them to the game loop.
 *
 * <pre>
 * game thread, frame t                          worker thread(s)
 *   systems submit rows to ModelQueues     ──▶  one model call per model per batch
 *   endFrame(t): hand the batches over           results written into the batch's slot
 * game thread, frame t+1
 *   beginFrame(t+1): route finished results ◀──
 * </pre>
 *
 * <p>In {@link RunMode#REALTIME} the game thread never waits: results land at the first {@code beginFrame} after
 * they are ready. In {@link RunMode#LOCKSTEP} {@code beginFrame} waits for every batch handed over, so runs repeat
 * bit for bit.
 *
 * <p>Language models have their own queues ({@link #textQueue}): their conversations are decoded on the worker a few
 * steps per frame, and the text decoded in a frame reaches its listeners at a later {@code beginFrame}, by the same
 * rules.
 *
 * <p>Other background work (embeddings, texture growth) goes through {@link #jobs()}, on a worker of its own.
 *
 * <p>Threading: {@link #beginFrame}, {@link #endFrame}, {@link #queue}, {@link #textQueue} and the queues' methods
 * are called on the game thread. {@link #loadModel} may be called from any thread (it is slow: use an asset loader or a background
 * thread in a running game). {@link #close} is idempotent, stops the workers within the shutdown timeout and
 * closes every model the runtime holds.
 *
 * <pre>{@code
 * try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
 *     ModelQueue policy = runtime.queue(runtime.loadModel("policy", Path.of("assets/models/policy.onnx")));
 *     for (long tick = 1; running; tick++) {
 *         runtime.beginFrame(tick);   // listeners get last frames' results
 *         policy.submit(observation, 0, listener, agentIndex);
 *         runtime.endFrame(tick);     // the batch goes to the worker
 *     }
 * }
 * }</pre>
 */
public final class AiRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AiRuntime.class.getName());
    private static final int WORKER_QUEUE_CAPACITY = 4096;

    private final RunMode mode;
    private final OnnxSessionConfig sessionConfig;
    private final long lockstepTimeoutNanos;
    private final long shutdownTimeoutMillis;
    private final Worker[] workers;
    private final Object registryLock = new Object();
    /** Copy-on-write so the game thread can iterate without locking or allocating. */
    private volatile ModelQueue[] queues = new ModelQueue[0];
    /** Copy-on-write, like {@link #queues}. */
    private volatile TextGenerationQueue[] textQueues = new TextGenerationQueue[0];
    private final List<BatchModel> ownedModels = new ArrayList<>();
    private final List<LanguageModel> ownedLanguageModels = new ArrayList<>();
    private int nextWorker;
    private final String threadNamePrefix;
    /** Made on first use, with a worker thread of its own; read by the game thread only. */
    private volatile JobQueue jobs;
    private long nextRequestId = 1;
    private long currentTick;
    private volatile boolean closed;

    private AiRuntime(Builder b) {
        this.mode = b.mode;
        this.sessionConfig = new OnnxSessionConfig(b.intraOpThreads, b.device, b.cudaDeviceId);
        this.lockstepTimeoutNanos = b.lockstepTimeout.toNanos();
        this.shutdownTimeoutMillis = b.shutdownTimeout.toMillis();
        this.threadNamePrefix = b.threadNamePrefix;
        this.workers = new Worker[b.workerThreads];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(b.threadNamePrefix + "-" + i, WORKER_QUEUE_CAPACITY);
        }
    }

    /** @return a builder; {@link Builder#setMode} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return realtime or lockstep */
    public RunMode mode() {
        return mode;
    }

    /** @return the ONNX Runtime session settings models are loaded with */
    public OnnxSessionConfig sessionConfig() {
        return sessionConfig;
    }

    /** @return the tick of the last {@link #beginFrame} */
    public long currentTick() {
        return currentTick;
    }

    /** @return the number of worker threads */
    public int workerCount() {
        return workers.length;
    }

    /**
     * Loads an ONNX model file with this runtime's session settings. The runtime owns the model and closes it.
     *
     * @throws AnimataException when the file is missing or not a valid model
     */
    public OnnxModel loadModel(String name, Path path) {
        checkOpen();
        return own(OnnxModel.load(name, path, sessionConfig));
    }

    /**
     * Loads an ONNX model from bytes. The runtime owns the model and closes it.
     *
     * @throws AnimataException when the bytes are not a valid model
     */
    public OnnxModel loadModel(String name, byte[] bytes) {
        checkOpen();
        return own(OnnxModel.load(name, bytes, sessionConfig));
    }

    /**
     * Loads an ONNX model from a classpath resource. The runtime owns the model and closes it.
     *
     * @throws AnimataException when the resource is missing or not a valid model
     */
    public OnnxModel loadModelFromClasspath(String name, String resource) {
        checkOpen();
        return own(OnnxModel.loadFromClasspath(name, resource, sessionConfig));
    }

    private <M extends BatchModel> M own(M model) {
        synchronized (registryLock) {
            if (closed) {
                model.close();
                throw new AnimataException("the AI runtime is closed");
            }
            ownedModels.add(model);
        }
        return model;
    }

    /**
     * Returns the queue for a model, making it on first use (one queue per model, shared by every caller, so every
     * request for that model in a frame is one batch). The runtime takes ownership: the model is closed with the
     * runtime.
     *
     * @throws AnimataException when the model cannot be batched (an ONNX model without one float [batch, n] input)
     */
    public ModelQueue queue(BatchModel model) {
        checkOpen();
        synchronized (registryLock) {
            for (ModelQueue q : queues) {
                if (q.model() == model) {
                    return q;
                }
            }
            if (model instanceof OnnxModel onnx && !onnx.isBatchable()) {
                onnx.inputWidth(); // throws the explanation
            }
            ModelQueue q = new ModelQueue(this, model, workers[nextWorker]);
            nextWorker = (nextWorker + 1) % workers.length;
            ModelQueue[] grown = java.util.Arrays.copyOf(queues, queues.length + 1);
            grown[queues.length] = q;
            queues = grown;
            if (!ownedModels.contains(model)) {
                ownedModels.add(model);
            }
            return q;
        }
    }

    /**
     * Gives a model back: removes its queue, drops every pending request (no listener hears of them), and closes
     * the model once its worker has finished any batch of it already handed over. The queue refuses new requests.
     * Use it when a game swaps a policy for another. Game thread. Does nothing for a model the runtime does not hold.
     */
    public void release(BatchModel model) {
        checkOpen();
        ModelQueue released = null;
        synchronized (registryLock) {
            ownedModels.remove(model);
            for (int i = 0; i < queues.length; i++) {
                if (queues[i].model() == model) {
                    released = queues[i];
                    ModelQueue[] fewer = new ModelQueue[queues.length - 1];
                    System.arraycopy(queues, 0, fewer, 0, i);
                    System.arraycopy(queues, i + 1, fewer, i, queues.length - i - 1);
                    queues = fewer;
                    break;
                }
            }
        }
        if (released == null) {
            model.close();
            return;
        }
        released.markReleased();
        // the worker runs tasks in order, so this runs after every batch of this model it was given
        released.worker().submit(model::close);
    }

    /**
     * Returns the text queue for a language model with {@link TextQueueOptions#DEFAULT}, making it on first use.
     *
     * @see #textQueue(LanguageModel, TextQueueOptions)
     */
    public TextGenerationQueue textQueue(LanguageModel model) {
        return textQueue(model, TextQueueOptions.DEFAULT);
    }

    /**
     * Returns the text queue for a language model, making it on first use (one queue per model, shared by every
     * caller, so that all its conversations are decoded together on one worker). The runtime takes ownership: the
     * model is closed with the runtime. Game thread.
     *
     * @param options how the worker is shared; used when the queue is made (an existing queue keeps its own)
     * @throws AnimataException when the runtime is closed
     */
    public TextGenerationQueue textQueue(LanguageModel model, TextQueueOptions options) {
        checkOpen();
        if (model == null || options == null) {
            throw new IllegalArgumentException(model == null ? "model is null" : "options are null");
        }
        synchronized (registryLock) {
            for (TextGenerationQueue q : textQueues) {
                if (q.model() == model) {
                    return q;
                }
            }
            TextGenerationQueue q = new TextGenerationQueue(this, model, workers[nextWorker], options);
            nextWorker = (nextWorker + 1) % workers.length;
            TextGenerationQueue[] grown = java.util.Arrays.copyOf(textQueues, textQueues.length + 1);
            grown[textQueues.length] = q;
            textQueues = grown;
            if (!ownedLanguageModels.contains(model)) {
                ownedLanguageModels.add(model);
            }
            return q;
        }
    }

    /**
     * Gives a language model back: removes its text queue, cancels every live request (no listener hears of them),
     * and, on its worker after the frames already handed over, closes its generations and the model. Game thread.
     * Does nothing but close a model the runtime does not hold.
     */
    public void release(LanguageModel model) {
        checkOpen();
        TextGenerationQueue released = null;
        synchronized (registryLock) {
            ownedLanguageModels.remove(model);
            for (int i = 0; i < textQueues.length; i++) {
                if (textQueues[i].model() == model) {
                    released = textQueues[i];
                    TextGenerationQueue[] fewer = new TextGenerationQueue[textQueues.length - 1];
                    System.arraycopy(textQueues, 0, fewer, 0, i);
                    System.arraycopy(textQueues, i + 1, fewer, i, textQueues.length - i - 1);
                    textQueues = fewer;
                    break;
                }
            }
        }
        if (released == null) {
            model.close();
            return;
        }
        released.markReleased();
        io.animata.runtime.exec.WorkerTask closeGenerations = released.closeGenerationsTask();
        released.worker().submit(() -> {
            closeGenerations.runOnWorker();
            model.close();
        });
    }

    /**
     * Returns the queue for background jobs (embeddings, summaries, texture growth), making it and its worker
     * thread on first use. Jobs run on a thread of their own so they never delay the frame's model batches.
     * Game thread (the first call); {@link JobQueue#run} may then be used from any thread.
     */
    public JobQueue jobs() {
        checkOpen();
        synchronized (registryLock) {
            if (jobs == null) {
                jobs = new JobQueue(this, new Worker(threadNamePrefix + "-jobs", WORKER_QUEUE_CAPACITY));
            }
            return jobs;
        }
    }

    /** @return the number of text queues, for iterating metrics without allocation */
    public int textQueueCount() {
        return textQueues.length;
    }

    /** @return the i-th text queue, in registration order */
    public TextGenerationQueue textQueueAt(int i) {
        return textQueues[i];
    }

    /** @return the number of model queues, for iterating metrics without allocation */
    public int queueCount() {
        return queues.length;
    }

    /** @return the i-th model queue, in registration order */
    public ModelQueue queueAt(int i) {
        return queues[i];
    }

    /**
     * Starts frame {@code tick}: routes every finished result to its listener (realtime), or waits for all batches
     * handed over and then routes them (lockstep). Game thread; allocation-free.
     *
     * @param tick the frame number, greater than the last one begun
     * @throws IllegalStateException when {@code tick} does not increase
     * @throws AnimataException in lockstep mode when a batch failed or outran the lockstep timeout
     */
    public void beginFrame(long tick) {
        checkOpen();
        if (tick <= currentTick) {
            throw new IllegalStateException("beginFrame(" + tick + ") after frame " + currentTick
                    + ": ticks must increase (one beginFrame per frame)");
        }
        currentTick = tick;
        boolean lockstep = mode == RunMode.LOCKSTEP;
        long deadline = lockstep ? System.nanoTime() + lockstepTimeoutNanos : 0L;
        ModelQueue[] qs = queues;
        for (ModelQueue q : qs) {
            q.deliver(tick, lockstep, deadline);
        }
        TextGenerationQueue[] ts = textQueues;
        for (TextGenerationQueue t : ts) {
            t.deliver(tick, lockstep, deadline);
        }
        JobQueue j = jobs;
        if (j != null) {
            j.deliver(lockstep, deadline);
        }
    }

    /**
     * Ends frame {@code tick}: hands this frame's requests to the workers. Game thread; allocation-free.
     *
     * @param tick the frame begun last
     * @throws IllegalStateException when {@code tick} is not the current frame
     */
    public void endFrame(long tick) {
        checkOpen();
        if (tick != currentTick) {
            throw new IllegalStateException("endFrame(" + tick + ") but the current frame is " + currentTick
                    + " (call beginFrame(" + tick + ") first)");
        }
        ModelQueue[] qs = queues;
        for (ModelQueue q : qs) {
            q.handOver(tick);
        }
        TextGenerationQueue[] ts = textQueues;
        for (TextGenerationQueue t : ts) {
            t.handOver(tick);
        }
        JobQueue j = jobs;
        if (j != null) {
            j.handOver();
        }
    }

    long nextRequestId() {
        return nextRequestId++;
    }

    void checkOpen() {
        if (closed) {
            throw new AnimataException("the AI runtime is closed");
        }
    }

    /** @return whether {@link #close} has been called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the workers (each within the shutdown timeout; a model call in flight is allowed to finish), drops
     * pending requests, closes the language models' generations, and closes every model the runtime holds.
     * Idempotent.
     */
    @Override
    public void close() {
        List<BatchModel> toClose;
        List<LanguageModel> languageModels;
        synchronized (registryLock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(ownedModels);
            ownedModels.clear();
            languageModels = new ArrayList<>(ownedLanguageModels);
            ownedLanguageModels.clear();
        }
        boolean allStopped = true;
        JobQueue j = jobs;
        if (j != null) {
            allStopped &= j.worker().shutdown(shutdownTimeoutMillis);
        }
        for (Worker w : workers) {
            allStopped &= w.shutdown(shutdownTimeoutMillis);
        }
        if (!allStopped) {
            LOG.log(Level.WARNING, "an AI worker did not stop within " + shutdownTimeoutMillis
                    + " ms (a model call is still running); its models are left open");
            return;
        }
        for (ModelQueue q : queues) {
            q.discardPending();
        }
        for (TextGenerationQueue t : textQueues) {
            t.closeGenerationsAfterShutdown();
        }
        for (LanguageModel m : languageModels) {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing language model '" + m.name() + "' failed: " + e.getMessage());
            }
        }
        for (BatchModel m : toClose) {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing model '" + m.name() + "' failed: " + e.getMessage());
            }
        }
    }

    /**
     * Builds an {@link AiRuntime}. {@link #setMode} is required; every {@code opt*} has a game-friendly default.
     * Not thread-safe.
     */
    public static final class Builder {
        private RunMode mode;
        private int workerThreads = 1;
        private int intraOpThreads = 1;
        private DevicePreference device = DevicePreference.AUTO;
        private int cudaDeviceId;
        private Duration lockstepTimeout = Duration.ofSeconds(60);
        private Duration shutdownTimeout = Duration.ofSeconds(2);
        private String threadNamePrefix = "animata-worker";

        private Builder() {
        }

        /** Required: realtime for games, lockstep for training, tests and replays. */
        public Builder setMode(RunMode mode) {
            this.mode = mode;
            return this;
        }

        /** Worker threads (default 1); models are spread over them, each model stays on one. */
        public Builder optWorkerThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1, was " + n);
            }
            this.workerThreads = n;
            return this;
        }

        /** ONNX Runtime intra-op threads per model call (default 1, so the game keeps its cores). */
        public Builder optIntraOpThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + n);
            }
            this.intraOpThreads = n;
            return this;
        }

        /** CUDA or CPU (default {@link DevicePreference#AUTO}: CUDA when present, else CPU). */
        public Builder optDevice(DevicePreference device) {
            if (device == null) {
                throw new IllegalArgumentException("device is null");
            }
            this.device = device;
            return this;
        }

        /** Which GPU CUDA uses (default 0). */
        public Builder optCudaDeviceId(int id) {
            if (id < 0) {
                throw new IllegalArgumentException("cudaDeviceId must be >= 0, was " + id);
            }
            this.cudaDeviceId = id;
            return this;
        }

        /** Longest a lockstep {@code beginFrame} waits for results before it throws (default 60 s). */
        public Builder optLockstepTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("lockstepTimeout must be positive, was " + timeout);
            }
            this.lockstepTimeout = timeout;
            return this;
        }

        /** Longest {@code close} waits for each worker thread to end (default 2 s). */
        public Builder optShutdownTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("shutdownTimeout must be positive, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /** Worker thread name prefix (default {@code animata-worker}); threads are named prefix-0, prefix-1... */
        public Builder optThreadNamePrefix(String prefix) {
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException("thread name prefix is blank");
            }
            this.threadNamePrefix = prefix;
            return this;
        }

        /**
         * Starts the worker threads.
         *
         * @throws IllegalStateException when {@link #setMode} was not called
         */
        public AiRuntime build() {
            if (mode == null) {
                throw new IllegalStateException("AiRuntime.Builder.setMode(...) is required (REALTIME or LOCKSTEP)");
            }
            return new AiRuntime(this);
        }
    }
}
