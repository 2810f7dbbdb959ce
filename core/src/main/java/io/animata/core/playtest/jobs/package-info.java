/**
 * Independent jobs and the runners that spread them: a {@link io.animata.core.playtest.jobs.JobType} turns a JSON-able
 * spec into a JSON-able result as a pure function of the spec; a {@link io.animata.core.playtest.jobs.JobRunner} runs
 * a list of them on threads ({@link io.animata.core.playtest.jobs.ThreadJobRunner}) or child JVMs
 * ({@link io.animata.core.playtest.jobs.ProcessJobRunner} with {@link io.animata.core.playtest.jobs.JobWorker}) and
 * returns the results in spec order. Playtest bots and balance matches are both such jobs.
 *
 * <p>Threading: runners are used from one thread at a time; job types run on many threads at once.
 */
package io.animata.core.playtest.jobs;
