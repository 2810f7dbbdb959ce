package io.animata.core.playtest.balance;

import io.animata.core.level.gen.Seeds;
import io.animata.core.playtest.jobs.JobRunner;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Tells whether the arena game is balanced between configurations: plays M matches round-robin between every pair
 * (match {@code k} plays pair {@code k mod P}; sides swap every round, so each pair plays as often on each side as
 * M allows), each in its own headless world with its own seed ({@link Seeds#derive}{@code (seed, k, 0)}), as
 * independent jobs on a {@link JobRunner}, and analyses the results in match order ({@link BalanceReport}): a
 * win-rate matrix with Wilson 95 % intervals, Elo ratings, the first mover's advantage, the match-length
 * distribution, dominant and dominated configurations and cycles.
 *
 * <p>Threading: immutable; {@link #run} blocks until every match is done.
 *
 * <pre>{@code
 * Balance balance = Balance.builder().setConfig(BalanceConfig.read(Path.of("assets/balance/arena.json")))
 *         .optMatches(600).optSeed(1).build();
 * try (JobRunner runner = JobRunner.threads(4)) {
 *     BalanceReport report = balance.run(runner, null);
 * }
 * }</pre>
 */
public final class Balance {
    private final BalanceConfig config;
    private final int matches;
    private final long seed;

    private Balance(Builder b) {
        this.config = b.config;
        this.matches = b.matches;
        this.seed = b.seed;
    }

    /** @return a builder; {@link Builder#setConfig} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the configurations and arena */
    public BalanceConfig config() {
        return config;
    }

    /** @return the pairs of configuration indices {i, j}, i < j, in schedule order */
    public List<int[]> pairs() {
        List<int[]> pairs = new ArrayList<>();
        int n = config.configs().size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return pairs;
    }

    /** @return one job per match, in match order */
    public List<MatchJob> jobs() {
        List<int[]> pairs = pairs();
        List<MatchJob> jobs = new ArrayList<>(matches);
        for (int k = 0; k < matches; k++) {
            int[] pair = pairs.get(k % pairs.size());
            boolean swap = (k / pairs.size()) % 2 == 1;
            int first = swap ? pair[1] : pair[0];
            int second = swap ? pair[0] : pair[1];
            jobs.add(new MatchJob(k, Seeds.derive(seed, k, 0), first, second, config.configs().get(first),
                    config.configs().get(second), config.arena()));
        }
        return jobs;
    }

    /**
     * Plays every match and analyses the results.
     *
     * @param runner threads or processes
     * @param progress called with the number of matches done, or null
     * @return the report
     * @throws AnimataException when a match fails
     */
    public BalanceReport run(JobRunner runner, IntConsumer progress) {
        return report(runner.run(new BalanceJobType(), jobs(), progress));
    }

    /**
     * @param results the matches' results in match order, however they were run (e.g. read back with
     *     {@code JobFiles.readResults} after a run elsewhere)
     * @return the report
     */
    public BalanceReport report(List<MatchResult> results) {
        if (results.size() != matches) {
            throw new AnimataException("a balance run of " + matches + " matches needs " + matches + " results, got "
                    + results.size());
        }
        return BalanceReport.analyse(config, seed, jobs(), results);
    }

    /** Builds a {@link Balance}. Required: {@link #setConfig}. Not thread-safe. */
    public static final class Builder {
        private BalanceConfig config;
        private int matches = 300;
        private long seed = 1;

        private Builder() {
        }

        /** Required: the configurations to compare. */
        public Builder setConfig(BalanceConfig value) {
            this.config = value;
            return this;
        }

        /** Matches in all, at least one per pair (default 300). */
        public Builder optMatches(int value) {
            this.matches = value;
            return this;
        }

        /** The seed (default 1). */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** @return the balance run @throws AnimataException when the config is missing or matches too few */
        public Balance build() {
            if (config == null) {
                throw new AnimataException("a balance run needs configurations: setConfig(BalanceConfig.read(file))");
            }
            int n = config.configs().size();
            int pairs = n * (n - 1) / 2;
            if (matches < pairs || matches > 10_000_000) {
                throw new AnimataException("a balance run of " + n + " configurations needs at least " + pairs
                        + " matches (one per pair) and at most 10000000, was " + matches);
            }
            return new Balance(this);
        }
    }
}
