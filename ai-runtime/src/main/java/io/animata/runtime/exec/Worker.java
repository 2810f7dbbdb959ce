package io.animata.runtime.exec;

import java.lang.System.Logger.Level;
import java.util.concurrent.locks.LockSupport;

/**
 * One named daemon thread that runs {@link WorkerTask}s in the order they were handed over. Models are pinned to
 * one worker so that their batches run in order. An idle worker parks (no spinning: the game needs the cores).
 *
 * <p>Threading: {@link #submit} may be called from any thread and allocates nothing (a lock-free bounded ring and
 * an unpark); {@link #shutdown} waits a bounded time for the thread to end.
 */
public final class Worker {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final TaskRing ring;
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean stopping;

    /**
     * Starts the thread.
     *
     * @param name thread name, e.g. {@code animata-worker-0}
     * @param capacity most tasks waiting at once (rounded up to a power of two)
     */
    public Worker(String name, int capacity) {
        this.ring = new TaskRing(capacity);
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a task.
     *
     * @throws IllegalStateException when the worker is shut down or its queue is full
     */
    public void submit(WorkerTask task) {
        if (stopping) {
            throw new IllegalStateException("worker " + thread.getName() + " is shut down");
        }
        if (!ring.offer(task)) {
            throw new IllegalStateException("worker " + thread.getName() + " queue is full (" + ring.capacity()
                    + " tasks)");
        }
        // the volatile write in offer happens before this read, and the worker sets idle before re-checking the
        // ring, so either it sees the task or we see it idle: no lost wake-up
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    /** @return the worker thread's name */
    public String name() {
        return thread.getName();
    }

    /** @return whether the thread is still running */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** @return tasks waiting (not counting the one running) */
    public int pending() {
        return ring.size();
    }

    private void loop() {
        while (!stopping) {
            WorkerTask task = ring.poll();
            if (task == null) {
                idle = true;
                task = ring.poll();
                if (task == null) {
                    if (!stopping) {
                        LockSupport.park(this);
                    }
                    idle = false;
                    continue;
                }
                idle = false;
            }
            try {
                task.runOnWorker();
            } catch (RuntimeException | Error e) {
                // tasks record their own failures; this is a last line of defence that keeps the worker alive
                LOG.log(Level.ERROR, "task failed on " + thread.getName(), e);
            }
            if (Thread.interrupted() && stopping) {
                return;
            }
        }
    }

    /**
     * Stops taking tasks, lets the running one finish, then ends the thread; interrupts it if it does not end
     * within the timeout and waits once more (at least a second) for it to unwind. Tasks still queued are not run: each gets {@link WorkerTask#onDiscarded()}. Idempotent.
     *
     * @return whether the thread ended in time
     */
    public boolean shutdown(long timeoutMillis) {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutMillis);
            if (thread.isAlive()) {
                thread.interrupt();
                // an interrupted model call needs a moment to unwind, more on a loaded machine
                thread.join(Math.max(1_000, timeoutMillis));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean ended = !thread.isAlive();
        if (ended) {
            // the thread is gone, so this thread is now the ring's only consumer
            for (WorkerTask task = ring.poll(); task != null; task = ring.poll()) {
                try {
                    task.onDiscarded();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "discarding a task of " + thread.getName() + " failed", e);
                }
            }
        }
        return ended;
    }
}
