package io.animata.runtime;

import io.animata.runtime.exec.WorkerTask;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One piece of background work on the runtime's job worker ({@link JobQueue}): computing embeddings, growing a
 * neural texture, summarising a memory. It ends done (with a result), failed (with an {@link AnimataException}) or
 * cancelled.
 *
 * <p>Threading: {@link #cancel}, {@link #isDone} and the getters may be called from any thread. {@link #await}
 * blocks, so it is for loader and tool threads (and lockstep tests), never for the game thread of a running game.
 *
 * @param <T> the result type
 */
public final class Job<T> implements WorkerTask {
    private final String name;
    private final Callable<T> work;
    final JobListener<T> listener;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile boolean done;
    private volatile T result;
    private volatile AnimataException error;
    /** Game thread: whether the listener has been told. */
    boolean delivered;

    Job(String name, Callable<T> work, JobListener<T> listener) {
        this.name = name;
        this.work = work;
        this.listener = listener;
    }

    @Override
    public void runOnWorker() {
        if (cancelled) {
            finish(null, null);
            return;
        }
        try {
            T value = work.call();
            finish(value, null);
        } catch (AnimataException e) {
            finish(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(null, new AnimataException("job '" + name + "' was interrupted (the runtime is shutting down)", e));
        } catch (Exception | Error e) {
            finish(null, new AnimataException("job '" + name + "' failed: " + e, e));
        }
    }

    @Override
    public void onDiscarded() {
        finish(null, new AnimataException("job '" + name + "' was not run: the AI runtime closed first"));
    }

    private void finish(T value, AnimataException failure) {
        result = value;
        error = failure;
        done = true;
        finished.countDown();
    }

    /**
     * Asks for the job not to run, or for its result to be dropped: a job not yet started never runs, and the
     * listener of a cancelled job is never called. Work already running finishes (it is not interrupted).
     */
    public void cancel() {
        cancelled = true;
    }

    /** @return the name given at submission, for logs and errors */
    public String name() {
        return name;
    }

    /** @return whether the work has ended (done, failed, or skipped because cancelled) */
    public boolean isDone() {
        return done;
    }

    /** @return whether {@link #cancel} was called */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @return whether the job ended with an error */
    public boolean isFailed() {
        return done && error != null;
    }

    /** @return the error the job ended with, or null */
    public AnimataException error() {
        return error;
    }

    /**
     * @return the result
     * @throws IllegalStateException when the job has not ended, or was cancelled before it ran
     * @throws AnimataException the job's error when it failed
     */
    public T result() {
        if (!done) {
            throw new IllegalStateException("job '" + name + "' has not finished");
        }
        if (error != null) {
            throw error;
        }
        if (cancelled && result == null) {
            throw new IllegalStateException("job '" + name + "' was cancelled");
        }
        return result;
    }

    /**
     * Waits for the job to end and returns its result. Not for the game thread of a running game.
     *
     * @throws AnimataException the job's error, or when it does not end within the timeout
     */
    public T await(Duration timeout) {
        try {
            if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AnimataException("job '" + name + "' did not finish within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("interrupted while waiting for job '" + name + "'", e);
        }
        return result();
    }

    boolean awaitQuietly(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        try {
            return left > 0 && finished.await(left, TimeUnit.NANOSECONDS) || done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done;
        }
    }

    @Override
    public String toString() {
        return "Job[" + name + (done ? (error != null ? ", failed" : ", done") : ", pending")
                + (cancelled ? ", cancelled" : "") + "]";
    }
}
