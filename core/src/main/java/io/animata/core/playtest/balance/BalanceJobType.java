package io.animata.core.playtest.balance;

import io.animata.core.playtest.jobs.JobType;

/**
 * Arena matches as jobs: {@link ArenaMatch#play} of a {@link MatchJob}.
 *
 * <p>Threading: stateless; {@link #run} may be called from many threads at once.
 */
public final class BalanceJobType implements JobType<MatchJob, MatchResult> {
    /** Made directly, or by a worker process from the class name. */
    public BalanceJobType() {
    }

    @Override
    public Class<MatchJob> specType() {
        return MatchJob.class;
    }

    @Override
    public Class<MatchResult> resultType() {
        return MatchResult.class;
    }

    @Override
    public MatchResult run(MatchJob job) {
        return ArenaMatch.play(job);
    }
}
