package io.animata.core.playtest.jobs;

/**
 * A kind of independent job: a spec in, a result out, both plain JSON-mappable types (records), and nothing shared
 * between jobs, so that a run of many jobs can be split across threads ({@link ThreadJobRunner}), processes
 * ({@link ProcessJobRunner}) or machines (any engine that can map a function over JSON strings; see the README),
 * and the results put back in job order give the same report whatever the split.
 *
 * <p>Contract: {@link #run} is a pure function of the spec (seeded, no clocks, no shared mutable state): the same
 * spec gives an equal result on any thread, in any process. Implementations are public with a public no-argument
 * constructor, so that a worker process can make one from its class name.
 *
 * <p>Threading: {@link #run} is called from several threads at once; {@link #close} once, after the last run.
 *
 * @param <S> the spec type
 * @param <R> the result type
 */
public interface JobType<S, R> extends AutoCloseable {

    /** @return the spec's class (for reading it from JSON) */
    Class<S> specType();

    /** @return the result's class (for reading it from JSON) */
    Class<R> resultType();

    /**
     * Runs one job.
     *
     * @param spec the job
     * @return its result
     * @throws io.animata.runtime.AnimataException when the job cannot run (its message names the job)
     */
    R run(S spec);

    /** Releases what the jobs shared (loaded models). Idempotent. */
    @Override
    default void close() {
    }
}
