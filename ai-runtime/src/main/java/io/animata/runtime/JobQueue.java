package io.animata.runtime;

import io.animata.runtime.exec.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Background work that is not a per-frame model batch: sentence embeddings, memory summaries, neural texture growth,
 * level generation. Jobs run one at a time, in order, on a worker thread of their own, so a long job never delays
 * the frame's policy batches or text decoding.
 *
 * <p>Two ways in:
 * <ul>
 *   <li>{@link #submit(String, Callable, JobListener)} from the game thread: the job is handed to the worker at
 *       {@link AiRuntime#endFrame}, and its listener is called on the game thread at a later
 *       {@link AiRuntime#beginFrame}: in realtime the first one after the job ended (the game never waits); in
 *       lockstep the next one, which waits for it (so runs repeat).</li>
 *   <li>{@link #run(String, Callable)} from any other thread (an asset loader, a tool): the job goes to the worker
 *       at once and the caller may {@link Job#await} it.</li>
 * </ul>
 *
 * <p>Work must not touch entities, Box2D or GL: it gets its inputs copied in and returns a result the listener
 * applies. Submitting allocates the {@link Job} (jobs are occasional, not per frame).
 */
public final class JobQueue {
    private final AiRuntime runtime;
    private final Worker worker;
    /** Game thread: submitted this frame, handed over at endFrame. */
    private final List<Job<?>> pending = new ArrayList<>();
    /** Game thread: handed over, listener not yet told. */
    private final List<Job<?>> inFlight = new ArrayList<>();
    private long submitted;
    private long completed;
    private long failed;

    JobQueue(AiRuntime runtime, Worker worker) {
        this.runtime = runtime;
        this.worker = worker;
    }

    /**
     * Queues a job from the game thread; its listener hears of it on the game thread.
     *
     * @param name for logs and errors
     * @param work runs on the job worker
     * @param listener called at a later {@code beginFrame}, or null when nobody needs to hear
     * @return the job (cancel it to drop the result)
     */
    public <T> Job<T> submit(String name, Callable<T> work, JobListener<T> listener) {
        runtime.checkOpen();
        Job<T> job = new Job<>(name, require(work), listener);
        pending.add(job);
        submitted++;
        return job;
    }

    /**
     * Starts a job from a thread other than the game thread; nobody is called back, the caller awaits it.
     *
     * @return the job, already on its way to the worker
     */
    public <T> Job<T> run(String name, Callable<T> work) {
        runtime.checkOpen();
        Job<T> job = new Job<>(name, require(work), null);
        job.delivered = true;
        worker.submit(job);
        return job;
    }

    private static <T> Callable<T> require(Callable<T> work) {
        if (work == null) {
            throw new IllegalArgumentException("work is null");
        }
        return work;
    }

    /** @return jobs submitted from the game thread whose listener has not been called yet */
    public int pendingCount() {
        return pending.size() + inFlight.size();
    }

    /** @return jobs submitted from the game thread so far */
    public long submittedCount() {
        return submitted;
    }

    /** @return game-thread jobs that ended well and were delivered */
    public long completedCount() {
        return completed;
    }

    /** @return game-thread jobs that ended with an error and were delivered */
    public long failedCount() {
        return failed;
    }

    /** Game thread, in beginFrame: tells the listeners of ended jobs (lockstep: waits for every job first). */
    void deliver(boolean lockstep, long deadlineNanos) {
        if (inFlight.isEmpty()) {
            return;
        }
        for (int i = 0; i < inFlight.size(); i++) {
            Job<?> job = inFlight.get(i);
            if (lockstep && !job.isCancelled() && !job.awaitQuietly(deadlineNanos)) {
                throw new AnimataException("job '" + job.name() + "' outran the lockstep timeout");
            }
        }
        int kept = 0;
        for (int i = 0; i < inFlight.size(); i++) {
            Job<?> job = inFlight.get(i);
            if (job.isDone() || job.isCancelled()) {
                tell(job);
            } else {
                inFlight.set(kept++, job);
            }
        }
        while (inFlight.size() > kept) {
            inFlight.remove(inFlight.size() - 1);
        }
    }

    private static <T> void tellListener(Job<T> job) {
        job.listener.onJobDone(job);
    }

    private void tell(Job<?> job) {
        if (job.delivered || job.isCancelled()) {
            job.delivered = true;
            return;
        }
        job.delivered = true;
        if (job.isFailed()) {
            failed++;
        } else {
            completed++;
        }
        if (job.listener != null) {
            tellListener(job);
        }
    }

    /** Game thread, in endFrame: hands this frame's jobs to the worker. */
    void handOver() {
        if (pending.isEmpty()) {
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            Job<?> job = pending.get(i);
            worker.submit(job);
            inFlight.add(job);
        }
        pending.clear();
    }

    Worker worker() {
        return worker;
    }
}
