package io.animata.core.playtest;

import io.animata.core.playtest.jobs.JobRunner;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Playtests a level with exploration bots and reports what is broken: coverage of the reachable cells over time,
 * stuck spots, bodies that leave the map or get inside walls, regions flood fill says are sealed off or that no bot
 * reached, and exceptions thrown by the game's code, each with a replay (bot, seed, tick).
 *
 * <p>Each bot is one {@link PlaytestJob}: its own headless Box2D world, its own seed derived from (seed, bot), a
 * Go-Explore explorer ({@link BotRun}). Jobs share nothing, so a {@link JobRunner} runs them on threads or processes
 * and {@link PlaytestReport#merge} puts the results together in bot order: the same seed gives the same report
 * whatever the split.
 *
 * <p>Threading: immutable; {@link #run} blocks the calling thread until every bot is done.
 *
 * <pre>{@code
 * PlaytestLevel level = PlaytestLevel.read(Path.of("assets/levels/playtest/trap.txt"), null);
 * Playtest playtest = Playtest.builder().setLevel(level).optBots(8).optSeed(1)
 *         .optSettings(PlaytestSettings.builder().optSeconds(60).build()).build();
 * try (JobRunner runner = JobRunner.threads(4)) {
 *     PlaytestReport report = playtest.run(runner, null);
 *     report.write(Path.of("report.json"));
 * }
 * }</pre>
 */
public final class Playtest {
    private final PlaytestLevel level;
    private final int bots;
    private final long seed;
    private final PlaytestSettings settings;

    private Playtest(Builder b) {
        this.level = b.level;
        this.bots = b.bots;
        this.seed = b.seed;
        this.settings = b.settings;
    }

    /** @return a builder; {@link Builder#setLevel} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the level */
    public PlaytestLevel level() {
        return level;
    }

    /** @return the bots' settings */
    public PlaytestSettings settings() {
        return settings;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return one job per bot, in bot order */
    public List<PlaytestJob> jobs() {
        List<PlaytestJob> jobs = new ArrayList<>(bots);
        for (int b = 0; b < bots; b++) {
            jobs.add(PlaytestJob.of(level, b, seed, settings));
        }
        return jobs;
    }

    /** @return the job of bot {@code bot} (for replays) */
    public PlaytestJob job(int bot) {
        if (bot < 0 || bot >= bots) {
            throw new AnimataException("there is no bot " + bot + " in a playtest of " + bots + " bots");
        }
        return PlaytestJob.of(level, bot, seed, settings);
    }

    /**
     * Runs every bot and merges what they found.
     *
     * @param runner threads or processes
     * @param progress called with the number of bots done, or null
     * @return the report
     * @throws AnimataException when a bot's job fails
     */
    public PlaytestReport run(JobRunner runner, IntConsumer progress) {
        try (PlaytestJobType type = new PlaytestJobType()) {
            return report(runner.run(type, jobs(), progress));
        }
    }

    /**
     * @param results the bots' results in bot order, however they were run (e.g. read back with
     *     {@code JobFiles.readResults} after a run elsewhere)
     * @return the report
     */
    public PlaytestReport report(List<BotResult> results) {
        if (results.size() != bots) {
            throw new AnimataException("a playtest of " + bots + " bots needs " + bots + " results, got "
                    + results.size());
        }
        return PlaytestReport.merge(level, seed, settings, results);
    }

    /**
     * What a bot was doing at one tick, replayed: the job is run again from the start to the end of tick
     * {@code tick}. Threading: immutable.
     *
     * @param tick the tick replayed
     * @param x the bot's world x at its end
     * @param y the bot's world y at its end
     * @param cell the cell then ({@code y * width + x}; -1 off the map)
     * @param errors the exceptions the game's hooks threw during that tick, with their full stack traces
     * @param soFar what the bot had found by then (its events, including those of that tick)
     */
    public record Replay(int tick, float x, float y, int cell, List<Throwable> errors, BotResult soFar) {
    }

    /**
     * Replays a job to the end of tick {@code tick}.
     *
     * @param job the bot's job (e.g. {@link #job(int)})
     * @param tick the tick to stop after, from 0
     * @return the state then
     * @throws AnimataException when the tick is not in the job's run
     */
    public static Replay replay(PlaytestJob job, int tick) {
        if (tick < 0 || tick >= job.settings().ticks()) {
            throw new AnimataException("tick " + tick + " is outside the bot's run of " + job.settings().ticks()
                    + " ticks");
        }
        List<Throwable> errors = new ArrayList<>();
        try (PlaytestJobType type = new PlaytestJobType();
                BotRun run = BotRun.start(job, type.steering(job.settings()))) {
            run.observeCrashes(e -> {
                if (run.tick() == tick) {
                    errors.add(e);
                }
            });
            while (run.tick() <= tick) {
                run.step();
            }
            return new Replay(tick, run.x(), run.y(), run.cell(), List.copyOf(errors), run.result());
        }
    }

    /** Builds a {@link Playtest}. Required: {@link #setLevel}. Not thread-safe. */
    public static final class Builder {
        private PlaytestLevel level;
        private int bots = 8;
        private long seed = 1;
        private PlaytestSettings settings = PlaytestSettings.defaults();

        private Builder() {
        }

        /** Required: the level to play. */
        public Builder setLevel(PlaytestLevel value) {
            this.level = value;
            return this;
        }

        /** Bots, at least 1 (default 8). */
        public Builder optBots(int value) {
            this.bots = value;
            return this;
        }

        /** The seed (default 1). */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** How each bot plays (default {@link PlaytestSettings#defaults()}). */
        public Builder optSettings(PlaytestSettings value) {
            this.settings = value;
            return this;
        }

        /** @return the playtest @throws AnimataException when the level is missing or bots is below 1 */
        public Playtest build() {
            if (level == null) {
                throw new AnimataException("a playtest needs a level: setLevel(PlaytestLevel.read(file, legend))");
            }
            if (bots < 1 || bots > 100_000) {
                throw new AnimataException("a playtest needs between 1 and 100000 bots, was " + bots);
            }
            if (settings == null) {
                throw new AnimataException("settings is null; leave it out for the defaults");
            }
            return new Playtest(this);
        }
    }
}
