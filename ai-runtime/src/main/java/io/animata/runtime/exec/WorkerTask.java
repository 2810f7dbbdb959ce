package io.animata.runtime.exec;

/** Work handed to a {@link Worker}. Runs on the worker thread; must not touch entities, Box2D or GL. */
public interface WorkerTask {

    /** Runs the task. Exceptions are the task's to record; a worker survives any it throws. */
    void runOnWorker();
}
