package io.animata.core.playtest.jobs;

import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs jobs on a fixed pool of daemon threads in this process; results come back in the specs' order.
 *
 * <p>Threading: see {@link JobRunner}. {@link #close} stops the pool, waiting at most 5 s for jobs in flight.
 */
public final class ThreadJobRunner implements JobRunner {
    private final ExecutorService pool;
    private final int threads;

    /** @param threads pool size, at least 1 */
    public ThreadJobRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "animata-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the pool size */
    public int threads() {
        return threads;
    }

    @Override
    public <S, R> List<R> run(JobType<S, R> type, List<S> specs, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        List<Future<R>> futures = new ArrayList<>(specs.size());
        for (S spec : specs) {
            futures.add(pool.submit(() -> {
                R result = type.run(spec);
                int d = done.incrementAndGet();
                if (progress != null) {
                    progress.accept(d);
                }
                return result;
            }));
        }
        List<R> results = new ArrayList<>(specs.size());
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new AnimataException("job " + i + " failed: " + cause.getMessage(), cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("interrupted while waiting for jobs", e);
        } finally {
            for (Future<R> f : futures) {
                f.cancel(true);
            }
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
