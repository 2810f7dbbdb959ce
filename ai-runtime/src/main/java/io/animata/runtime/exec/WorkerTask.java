package io.animata.runtime.exec;

/** Work handed to a {@link Worker}. Runs on the worker thread; must not touch entities, Box2D or GL. */
public interface WorkerTask {

    /** Runs the task. Exceptions are the task's to record; a worker survives any it throws. */
    void runOnWorker();

    /**
     * Called instead of {@link #runOnWorker} when the worker shuts down with this task still queued, so that
     * whoever waits for it learns at once. Runs on the thread that shuts the worker down. The default does nothing.
     */
    default void onDiscarded() {
    }
}
