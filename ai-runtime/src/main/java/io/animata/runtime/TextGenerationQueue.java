package io.animata.runtime;

import io.animata.runtime.exec.Worker;
import io.animata.runtime.exec.WorkerTask;
import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.Generation;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.StepStatus;
import io.animata.runtime.text.TextSink;
import io.animata.runtime.text.TextView;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conversations of one language model: the game thread {@link #submit}s requests, the model's worker decodes
 * them a few steps per frame, interleaving every active conversation (one batched call per round where the backend
 * can batch), and the text decoded in a frame reaches each request's {@link TextListener} at a later
 * {@link AiRuntime#beginFrame}. Many NPCs share one model this way; {@link #cancel} stops a reply at the worker's
 * next step (the player walked away).
 *
 * <p>Timing follows the frame contract. In realtime mode the game thread never waits: a frame's text arrives at the
 * first {@code beginFrame} after the worker finished that frame, and when the worker is behind, new requests wait
 * for the next hand-over. In lockstep mode {@code beginFrame} waits for the frame, and each frame runs exactly
 * {@link TextQueueOptions#stepsPerFrame()} rounds, so a seeded local model gives the same text in the same frames.
 * A backend failure never throws from {@code beginFrame}: it reaches {@link TextListener#onFailure}.
 *
 * <p>Threading: game thread only (except {@link #metrics()} and {@link #model()}). The game thread's side
 * allocates nothing per frame; each submit makes one small request record.
 *
 * <pre>{@code
 * TextGenerationQueue npcs = runtime.textQueue(model);
 * long id = npcs.submit(GenerationRequest.chat(messages).optMaxTokens(80).build(), listener, npcIndex);
 * // later: listener.onText(id, npcIndex, text) each frame, then onComplete(id, npcIndex, reason)
 * npcs.cancel(id);   // the player walked away
 * }</pre>
 */
public final class TextGenerationQueue {
    private static final System.Logger LOG = System.getLogger(TextGenerationQueue.class.getName());
    static final int SLOTS = 3;

    private final AiRuntime runtime;
    private final LanguageModel model;
    private final Worker worker;
    private final TextQueueOptions options;
    private final TextMetrics metrics;
    private final WorkerSide workerSide;
    private final Frame[] frames = new Frame[SLOTS];
    private final Frame[] inFlight = new Frame[SLOTS];
    private int inFlightHead;
    private int inFlightCount;
    /** Requests submitted and not yet handed to the worker. */
    private Job[] pending = new Job[8];
    private int pendingCount;
    /** Requests handed over or pending whose end has not been delivered (game-side view). */
    private Job[] live = new Job[8];
    private int liveCount;
    /** Whether a cancelled request may still hold a generation on the worker that a frame should close. */
    private boolean reapNeeded;
    private final TextView view = new TextView();
    private String lastLoggedFailure;
    private boolean released;

    TextGenerationQueue(AiRuntime runtime, LanguageModel model, Worker worker, TextQueueOptions options) {
        this.runtime = runtime;
        this.model = model;
        this.worker = worker;
        this.options = options;
        this.metrics = new TextMetrics(model.name(), model.device());
        this.workerSide = new WorkerSide();
        for (int i = 0; i < SLOTS; i++) {
            frames[i] = new Frame();
        }
    }

    /** @return the model this queue decodes with */
    public LanguageModel model() {
        return model;
    }

    /** @return how the worker is shared */
    public TextQueueOptions options() {
        return options;
    }

    /** @return this model's live figures; readable from any thread */
    public TextMetrics metrics() {
        return metrics;
    }

    /** @return the worker thread this model runs on */
    public String workerName() {
        return worker.name();
    }

    /**
     * Queues a request; it goes to the worker at this frame's {@link AiRuntime#endFrame}.
     *
     * @param request what to generate (immutable; kept until the reply ends)
     * @param listener receives the text on the game thread, in later {@link AiRuntime#beginFrame} calls
     * @param tag the caller's number for this request, handed back with the text
     * @return the request id, for {@link #cancel}
     * @throws AnimataException when the model was released or the runtime is closed
     */
    public long submit(GenerationRequest request, TextListener listener, int tag) {
        runtime.checkOpen();
        if (released) {
            throw new AnimataException("language model '" + model.name() + "' was released from the AI runtime");
        }
        if (request == null || listener == null) {
            throw new IllegalArgumentException(request == null ? "request is null" : "listener is null");
        }
        Job job = new Job(runtime.nextRequestId(), tag, listener, request);
        pending = append(pending, pendingCount++, job);
        live = append(live, liveCount++, job);
        return job.id;
    }

    private static Job[] append(Job[] array, int index, Job job) {
        Job[] a = index == array.length ? Arrays.copyOf(array, array.length * 2) : array;
        a[index] = job;
        return a;
    }

    /**
     * Stops a request: no more of its text is delivered, and the worker frees its generation at its next frame.
     * Safe to call for a request that already ended or was cancelled.
     *
     * @return whether the request was still live
     */
    public boolean cancel(long requestId) {
        for (int i = 0; i < liveCount; i++) {
            Job job = live[i];
            if (job.id == requestId) {
                cancelLive(i);
                return true;
            }
        }
        return false;
    }

    /**
     * Cancels every live request of a listener (a system being removed).
     *
     * @return how many were cancelled
     */
    public int cancelAll(TextListener listener) {
        int n = 0;
        for (int i = liveCount - 1; i >= 0; i--) {
            if (live[i].listener == listener) {
                cancelLive(i);
                n++;
            }
        }
        return n;
    }

    private void cancelLive(int index) {
        Job job = live[index];
        job.cancelled = true;
        removeLive(index);
        metrics.cancelled++;
        if (job.handedOver) {
            reapNeeded = true;
        } else {
            for (int p = 0; p < pendingCount; p++) {
                if (pending[p] == job) {
                    System.arraycopy(pending, p + 1, pending, p, pendingCount - p - 1);
                    pending[--pendingCount] = null;
                    break;
                }
            }
        }
    }

    private void removeLive(int index) {
        System.arraycopy(live, index + 1, live, index, liveCount - index - 1);
        live[--liveCount] = null;
    }

    private void removeLive(Job job) {
        for (int i = 0; i < liveCount; i++) {
            if (live[i] == job) {
                removeLive(i);
                return;
            }
        }
    }

    /** @return requests submitted whose reply has not ended (decoding, waiting, or not yet handed over) */
    public int liveRequests() {
        return liveCount;
    }

    /** Game thread, from {@link AiRuntime#endFrame}: hands this frame's requests and a frame of decoding over. */
    void handOver(long tick) {
        if (pendingCount == 0 && liveCount == 0 && !reapNeeded) {
            return;
        }
        Frame frame = null;
        for (Frame f : frames) {
            if (f.state == Frame.FREE) {
                frame = f;
                break;
            }
        }
        if (frame == null) {
            return; // the worker is behind: these requests go with a later frame
        }
        if (frame.incoming.length < pendingCount) {
            frame.incoming = Arrays.copyOf(frame.incoming, Math.max(pendingCount, frame.incoming.length * 2));
        }
        for (int i = 0; i < pendingCount; i++) {
            pending[i].handedOver = true;
            frame.incoming[i] = pending[i];
            pending[i] = null;
        }
        frame.incomingCount = pendingCount;
        pendingCount = 0;
        reapNeeded = false;
        frame.lockstep = runtime.mode() == RunMode.LOCKSTEP;
        frame.handedOverTick = tick;
        frame.state = Frame.QUEUED;
        inFlight[(inFlightHead + inFlightCount) % SLOTS] = frame;
        inFlightCount++;
        worker.submit(frame);
    }

    /**
     * Game thread, from {@link AiRuntime#beginFrame}: delivers every finished frame's text, oldest first; in lockstep
     * mode waits for every frame handed over.
     *
     * @throws AnimataException in lockstep mode, when a frame did not finish before the deadline
     */
    void deliver(long tick, boolean waitForAll, long deadlineNanos) {
        while (inFlightCount > 0) {
            Frame frame = inFlight[inFlightHead];
            if (frame.state == Frame.QUEUED) {
                if (!waitForAll) {
                    break;
                }
                try {
                    if (!frame.awaitDone(deadlineNanos)) {
                        throw new AnimataException("language model '" + model.name() + "' did not finish a frame of "
                                + options.stepsPerFrame() + " decode steps within the lockstep timeout; raise"
                                + " AiRuntime.Builder.optLockstepTimeout or lower TextQueueOptions.stepsPerFrame");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AnimataException("interrupted while waiting for language model '" + model.name() + "'", e);
                }
            }
            inFlight[inFlightHead] = null;
            inFlightHead = (inFlightHead + 1) % SLOTS;
            inFlightCount--;
            route(frame);
            frame.clear();
            frame.state = Frame.FREE;
        }
    }

    private void route(Frame frame) {
        for (int e = 0; e < frame.eventCount; e++) {
            Job job = frame.jobs[e];
            if (job.cancelled) {
                continue;
            }
            int start = frame.textStart[e];
            int end = frame.textEnd[e];
            if (end > start) {
                job.listener.onText(job.id, job.tag, view.set(frame.text, start, end));
                view.clear();
            }
            byte status = frame.status[e];
            if (status == Frame.ENDED && !job.cancelled) {
                removeLive(job);
                metrics.completed++;
                job.listener.onComplete(job.id, job.tag, frame.reasons[e]);
            } else if (status == Frame.FAILED && !job.cancelled) {
                removeLive(job);
                metrics.failures++;
                AnimataException error = frame.errors[e];
                logFailureOnce(error);
                job.listener.onFailure(job.id, job.tag, error);
            }
        }
    }

    private void logFailureOnce(AnimataException error) {
        String message = String.valueOf(error.getMessage());
        if (!message.equals(lastLoggedFailure)) {
            lastLoggedFailure = message;
            LOG.log(Level.WARNING, "language model '" + model.name() + "' failed: " + message);
        }
    }

    Worker worker() {
        return worker;
    }

    /** Game thread, from {@link AiRuntime#release}: drops every request; the worker then closes the generations. */
    void markReleased() {
        released = true;
        for (int i = liveCount - 1; i >= 0; i--) {
            cancelLive(i);
        }
    }

    /** A worker task that closes every generation this queue holds; runs after the frames already handed over. */
    WorkerTask closeGenerationsTask() {
        return workerSide::closeAll;
    }

    /** From {@link AiRuntime#close}, after the workers stopped: frees the generations on the closing thread. */
    void closeGenerationsAfterShutdown() {
        workerSide.closeAll();
        pendingCount = 0;
        liveCount = 0;
    }

    /** One request, from submit to its end. */
    private final class Job implements TextSink {
        final long id;
        final int tag;
        final TextListener listener;
        final GenerationRequest request;
        /** Set by the game thread, read by the worker. */
        volatile boolean cancelled;
        /** Game thread: given to a frame. */
        boolean handedOver;
        // worker side
        Generation generation;
        final StringBuilder fresh = new StringBuilder();
        boolean touched;
        int lastGenerated;
        long arrivedNanos;
        boolean sawText;

        Job(long id, int tag, TextListener listener, GenerationRequest request) {
            this.id = id;
            this.tag = tag;
            this.listener = listener;
            this.request = request;
        }

        @Override
        public void onText(CharSequence text) {
            if (!sawText) {
                sawText = true;
                metrics.firstText.record(System.nanoTime() - arrivedNanos);
            }
            fresh.append(text);
            workerSide.touch(this);
        }
    }

    /** One frame's exchange: requests in, decoded text and ends out. */
    private final class Frame implements WorkerTask {
        static final int FREE = 0;
        static final int QUEUED = 1;
        static final int DONE = 2;
        static final byte RUNNING = 0;
        static final byte ENDED = 1;
        static final byte FAILED = 2;

        Job[] incoming = new Job[8];
        int incomingCount;
        boolean lockstep;
        long handedOverTick;
        final StringBuilder text = new StringBuilder();
        Job[] jobs = new Job[8];
        int[] textStart = new int[8];
        int[] textEnd = new int[8];
        byte[] status = new byte[8];
        FinishReason[] reasons = new FinishReason[8];
        AnimataException[] errors = new AnimataException[8];
        int eventCount;
        volatile int state = FREE;

        @Override
        public void runOnWorker() {
            try {
                workerSide.run(this);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "text frame of language model '" + model.name() + "' failed", e);
            } finally {
                finish();
            }
        }

        @Override
        public void onDiscarded() {
            finish();
        }

        private void finish() {
            synchronized (this) {
                state = DONE;
                notifyAll();
            }
        }

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

        /** Worker: records what a request did this frame. */
        void event(Job job, byte what, FinishReason reason, AnimataException error) {
            if (eventCount == jobs.length) {
                int n = jobs.length * 2;
                jobs = Arrays.copyOf(jobs, n);
                textStart = Arrays.copyOf(textStart, n);
                textEnd = Arrays.copyOf(textEnd, n);
                status = Arrays.copyOf(status, n);
                reasons = Arrays.copyOf(reasons, n);
                errors = Arrays.copyOf(errors, n);
            }
            jobs[eventCount] = job;
            textStart[eventCount] = text.length();
            text.append(job.fresh);
            textEnd[eventCount] = text.length();
            job.fresh.setLength(0);
            status[eventCount] = what;
            reasons[eventCount] = reason;
            errors[eventCount] = error;
            eventCount++;
        }

        /** Game thread: back to empty, dropping references. */
        void clear() {
            for (int e = 0; e < eventCount; e++) {
                jobs[e] = null;
                reasons[e] = null;
                errors[e] = null;
            }
            eventCount = 0;
            text.setLength(0);
        }
    }

    /** The worker's state: conversations decoding and waiting. Touched by the worker thread only. */
    private final class WorkerSide {
        private final ArrayDeque<Job> waiting = new ArrayDeque<>();
        private Job[] active = new Job[options.maxConcurrent()];
        private int activeCount;
        private final Generation[] generations = new Generation[options.maxConcurrent()];
        private final StepStatus[] statuses = new StepStatus[options.maxConcurrent()];
        private final RuntimeException[] errors = new RuntimeException[options.maxConcurrent()];
        private final List<Job> touched = new ArrayList<>();
        /** Ends recorded this frame, written into the frame after the text. */
        private final List<Job> ended = new ArrayList<>();
        private final List<Object> endInfo = new ArrayList<>();

        void touch(Job job) {
            if (!job.touched) {
                job.touched = true;
                touched.add(job);
            }
        }

        void run(Frame frame) {
            long start = System.nanoTime();
            long deadline = start + options.frameBudget().toNanos();
            for (int i = 0; i < frame.incomingCount; i++) {
                Job job = frame.incoming[i];
                frame.incoming[i] = null;
                if (!job.cancelled) {
                    job.arrivedNanos = start;
                    waiting.add(job);
                }
            }
            frame.incomingCount = 0;
            int rounds = 0;
            while (true) {
                reapCancelled();
                admit();
                if (activeCount == 0 || rounds >= options.stepsPerFrame()
                        || (!frame.lockstep && rounds > 0 && System.nanoTime() >= deadline)) {
                    break;
                }
                long roundStart = System.nanoTime();
                boolean progress = round();
                if (progress) {
                    rounds++;
                    metrics.round.record(System.nanoTime() - roundStart);
                } else {
                    // every conversation waits on a server: sleep until data comes or the budget is spent
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    active[0].generation.awaitData(left);
                }
            }
            for (Job job : touched) {
                job.touched = false;
                int endIndex = ended.indexOf(job);
                if (endIndex < 0) {
                    frame.event(job, Frame.RUNNING, null, null);
                }
            }
            for (int i = 0; i < ended.size(); i++) {
                Job job = ended.get(i);
                Object info = endInfo.get(i);
                if (info instanceof AnimataException error) {
                    frame.event(job, Frame.FAILED, null, error);
                } else {
                    frame.event(job, Frame.ENDED, (FinishReason) info, null);
                }
            }
            touched.clear();
            ended.clear();
            endInfo.clear();
            metrics.activeGenerations = activeCount;
            metrics.waitingGenerations = waiting.size();
            metrics.lastFrameRounds = rounds;
            metrics.lastFrameNanos = System.nanoTime() - start;
        }

        /** Starts waiting requests while there is room. */
        private void admit() {
            while (activeCount < active.length && !waiting.isEmpty()) {
                Job job = waiting.poll();
                if (job.cancelled) {
                    continue;
                }
                try {
                    job.generation = model.start(job.request, job);
                    active[activeCount++] = job;
                } catch (RuntimeException e) {
                    end(job, asDomain(e));
                }
            }
        }

        /** One step of every active conversation; returns whether any made progress or ended. */
        private boolean round() {
            int n = activeCount;
            for (int i = 0; i < n; i++) {
                generations[i] = active[i].generation;
            }
            metrics.lastBatchSize = n;
            try {
                model.stepAll(generations, n, statuses, errors);
            } catch (RuntimeException e) {
                Arrays.fill(statuses, 0, n, StepStatus.DONE);
                Arrays.fill(errors, 0, n, e);
            }
            boolean progress = false;
            int kept = 0;
            for (int i = 0; i < n; i++) {
                Job job = active[i];
                generations[i] = null;
                int generated = job.generation.generatedTokens();
                if (generated > job.lastGenerated) {
                    metrics.tokensGenerated += generated - job.lastGenerated;
                    job.lastGenerated = generated;
                }
                if (errors[i] != null) {
                    RuntimeException error = errors[i];
                    errors[i] = null;
                    closeQuietly(job);
                    end(job, asDomain(error));
                    progress = true;
                } else if (statuses[i] == StepStatus.DONE) {
                    FinishReason reason = job.generation.finishReason();
                    closeQuietly(job);
                    end(job, reason == null ? FinishReason.STOP : reason);
                    progress = true;
                } else {
                    progress |= statuses[i] == StepStatus.PROGRESS;
                    active[kept++] = job;
                }
            }
            for (int i = kept; i < n; i++) {
                active[i] = null;
            }
            activeCount = kept;
            return progress;
        }

        private void end(Job job, Object info) {
            if (job.cancelled) {
                return; // nobody listens any more
            }
            touch(job);
            ended.add(job);
            endInfo.add(info);
        }

        private void reapCancelled() {
            int kept = 0;
            for (int i = 0; i < activeCount; i++) {
                Job job = active[i];
                if (job.cancelled) {
                    closeQuietly(job);
                } else {
                    active[kept++] = job;
                }
            }
            for (int i = kept; i < activeCount; i++) {
                active[i] = null;
            }
            activeCount = kept;
        }

        private void closeQuietly(Job job) {
            Generation g = job.generation;
            job.generation = null;
            if (g != null) {
                try {
                    g.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "closing a generation of '" + model.name() + "' failed: " + e.getMessage());
                }
            }
        }

        /** Closes every generation (release, shutdown). Worker thread, or the closing thread once workers stopped. */
        void closeAll() {
            for (int i = 0; i < activeCount; i++) {
                closeQuietly(active[i]);
                active[i] = null;
            }
            activeCount = 0;
            waiting.clear();
        }

        private AnimataException asDomain(RuntimeException e) {
            return e instanceof AnimataException a ? a
                    : new AnimataException("language model '" + model.name() + "' failed: " + e, e);
        }
    }
}
