package io.animata.core.texture;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task once per image row, spread over a fixed pool of daemon threads. Each row writes only its own pixels,
 * so the result is the same whatever the number of threads or the order rows ran in: generators stay
 * deterministic by seed.
 *
 * <p>Threading: {@link #forEachRow} may be called from any thread (not the game thread: it blocks until every row
 * is done) and from several threads at once; it rethrows the first failure of a row. {@link #close} is idempotent
 * and lets running calls finish.
 *
 * <pre>{@code
 * try (RowExecutor rows = RowExecutor.create(3)) {
 *     rows.forEachRow(height, y -> fillRow(y));
 * }
 * }</pre>
 */
public final class RowExecutor implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ForkJoinPool pool;
    private final int parallelism;

    private RowExecutor(int threads) {
        this.parallelism = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            this.pool = new ForkJoinPool(threads, p -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                t.setDaemon(true);
                t.setName("animata-texture-" + id + "-" + count.incrementAndGet());
                return t;
            }, null, false);
        }
    }

    /**
     * @param threads threads in the pool, at least 1; 1 runs rows on the calling thread
     * @return an executor with its own pool, to be closed
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public static RowExecutor create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a row executor needs at least 1 thread, got " + threads);
        }
        return new RowExecutor(threads);
    }

    /** @return an executor that runs every row on the calling thread (nothing to close) */
    public static RowExecutor callerThread() {
        return new RowExecutor(1);
    }

    /** @return threads that run rows at once */
    public int parallelism() {
        return parallelism;
    }

    /** A task run once per row. */
    @FunctionalInterface
    public interface RowTask {
        /** Fills row {@code y}; must touch no other row's output. */
        void run(int y);
    }

    /**
     * Runs {@code task} for rows {@code 0 .. rows - 1} and returns when all are done.
     *
     * @throws RuntimeException the first exception a row threw (the other rows still run; their exceptions are
     *     dropped)
     * @throws IllegalStateException when the executor is closed
     */
    public void forEachRow(int rows, RowTask task) {
        if (pool == null || rows < 2) {
            for (int y = 0; y < rows; y++) {
                task.run(y);
            }
            return;
        }
        if (pool.isShutdown()) {
            throw new IllegalStateException("the row executor is closed");
        }
        int grain = Math.max(1, rows / (parallelism * 8));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            pool.invoke(new Rows(y -> {
                try {
                    task.run(y);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e); // the task's own exception, not a copy made by the pool
                }
            }, 0, rows, grain));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the row executor is closed", e);
        }
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Shuts the pool down; rows already running finish. Idempotent. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** Splits a range of rows in halves until it is small, then runs it. */
    private static final class Rows extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient RowTask task;
        private final int from;
        private final int to;
        private final int grain;

        Rows(RowTask task, int from, int to, int grain) {
            this.task = task;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                for (int y = from; y < to; y++) {
                    task.run(y);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Rows(task, from, mid, grain), new Rows(task, mid, to, grain));
        }
    }
}
