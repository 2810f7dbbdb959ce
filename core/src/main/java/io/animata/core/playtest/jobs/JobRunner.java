package io.animata.core.playtest.jobs;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a list of independent jobs of one {@link JobType} and returns their results in the order of the specs,
 * whatever order they finish in, so reports made from them are the same for any number of threads or processes.
 *
 * <p>Threading: {@link #run} is called from one thread at a time and blocks until every job is done; the progress
 * listener is called from the runner's own threads with the number of jobs done so far.
 *
 * <pre>{@code
 * try (JobRunner runner = JobRunner.threads(4)) {
 *     List<BotResult> results = runner.run(new PlaytestJobType(), jobs, done -> bar.stepTo(done));
 * }
 * }</pre>
 */
public interface JobRunner extends AutoCloseable {

    /**
     * @param type what the jobs are (its {@code run} is called on this runner's threads, or its class is named to
     *     worker processes)
     * @param specs the jobs
     * @param progress called with the count of finished jobs, or null
     * @param <S> the spec type
     * @param <R> the result type
     * @return the results, one per spec, in the specs' order
     * @throws io.animata.runtime.AnimataException when a job fails (naming the first failed job by index)
     */
    <S, R> List<R> run(JobType<S, R> type, List<S> specs, IntConsumer progress);

    /** Stops the runner's threads or processes. Idempotent. */
    @Override
    void close();

    /** @return a runner on {@code threads} threads in this process */
    static JobRunner threads(int threads) {
        return new ThreadJobRunner(threads);
    }

    /** @return a runner on {@code workers} child JVMs with this process's classpath */
    static JobRunner processes(int workers) {
        return new ProcessJobRunner(workers);
    }
}
