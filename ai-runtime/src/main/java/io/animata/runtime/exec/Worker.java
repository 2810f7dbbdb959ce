package io.animata.runtime.exec;

import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One named daemon thread that runs {@link WorkerTask}s in the order they were handed over. Models are pinned to
 * one worker so that their batches run in order.
 *
 * <p>Threading: {@link #submit} may be called from any thread and allocates nothing (a bounded array queue);
 * {@link #shutdown} waits a bounded time for the thread to end.
 */
public final class Worker {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final WorkerTask POISON = () -> { };

    private final ArrayBlockingQueue<WorkerTask> queue;
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * Starts the thread.
     *
     * @param name thread name, e.g. {@code animata-worker-0}
     * @param capacity most tasks waiting at once
     */
    public Worker(String name, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
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
        if (!queue.offer(task)) {
            throw new IllegalStateException("worker " + thread.getName() + " queue is full ("
                    + queue.size() + " tasks)");
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
        return queue.size();
    }

    private void loop() {
        while (true) {
            WorkerTask task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
                continue;
            }
            if (task == POISON) {
                return;
            }
            try {
                task.runOnWorker();
            } catch (RuntimeException | Error e) {
                // tasks record their own failures; this is a last line of defence that keeps the worker alive
                LOG.log(Level.ERROR, "task failed on " + thread.getName(), e);
            }
        }
    }

    /**
     * Stops taking tasks, lets the running one finish, then ends the thread; interrupts it if it does not end
     * within the timeout. Idempotent.
     *
     * @return whether the thread ended within {@code timeoutMillis}
     */
    public boolean shutdown(long timeoutMillis) {
        if (!stopping) {
            stopping = true;
            queue.clear();
            queue.offer(POISON);
        }
        try {
            thread.join(timeoutMillis);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Math.max(50, timeoutMillis / 4));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

}
