package io.animata.core.playtest;

import io.animata.core.level.gen.Seeds;

/**
 * One playtest bot's run as a self-contained job: the level (as text and legend JSON, so it needs no shared files),
 * the bot's index, the run's seed and the settings. A job is a pure function of this record: the same job gives the
 * same {@link BotResult}, on any thread or in any process. {@link PlaytestJobType} runs it.
 *
 * <p>Threading: immutable.
 *
 * @param level the level's name
 * @param levelText the level, one row per line ({@link PlaytestLevel#levelText()})
 * @param legendJson its legend ({@link PlaytestLevel#legendJson()})
 * @param bot the bot's index, from 0
 * @param seed the playtest's seed (each bot derives its own from it and its index)
 * @param settings how the bot plays
 */
public record PlaytestJob(String level, String levelText, String legendJson, int bot, long seed,
        PlaytestSettings settings) {

    /** @return a job for bot {@code bot} of a playtest of {@code level} seeded {@code seed} */
    public static PlaytestJob of(PlaytestLevel level, int bot, long seed, PlaytestSettings settings) {
        return new PlaytestJob(level.name(), level.levelText(), level.legendJson(), bot, seed, settings);
    }

    /** @return the bot's own seed: {@link Seeds#derive}{@code (seed, bot, 0)} */
    public long botSeed() {
        return Seeds.derive(seed, bot, 0);
    }

    /** @return the level, parsed from the job's text and legend */
    public PlaytestLevel parseLevel() {
        return PlaytestLevel.parse(level, levelText, legendJson);
    }
}
