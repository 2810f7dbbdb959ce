package io.animata.demo;

import io.animata.runtime.RunMode;

/**
 * What a {@link DemoWorld} is made of: its seed, how many bots chase the player, how the dungeons are made, and how
 * the AI runtime meets the game loop. Immutable; share it freely.
 *
 * <pre>{@code
 * DemoSettings settings = DemoSettings.defaults().withSeed(7).withMode(RunMode.LOCKSTEP);
 * }</pre>
 *
 * @param seed seed of every random choice of the run (the dungeons, where bots start)
 * @param bots number of bots, at least 1
 * @param levels how the dungeons are made
 * @param mode {@link RunMode#REALTIME} for play, {@link RunMode#LOCKSTEP} for repeatable runs
 */
public record DemoSettings(long seed, int bots, DungeonLevels.Style levels, RunMode mode) {
    /** Bots in the default game. */
    public static final int DEFAULT_BOTS = 20;

    /** @throws IllegalArgumentException when there is no bot or a setting is missing */
    public DemoSettings {
        if (bots < 1) {
            throw new IllegalArgumentException("bots must be at least 1, was " + bots);
        }
        if (levels == null) {
            throw new IllegalArgumentException("levels is null (WFC or BSP)");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is null (REALTIME or LOCKSTEP)");
        }
    }

    /** @return seed 1, {@value #DEFAULT_BOTS} bots, dungeons learned with WFC, realtime */
    public static DemoSettings defaults() {
        return new DemoSettings(1L, DEFAULT_BOTS, DungeonLevels.Style.WFC, RunMode.REALTIME);
    }

    /** @return a copy with another seed */
    public DemoSettings withSeed(long newSeed) {
        return new DemoSettings(newSeed, bots, levels, mode);
    }

    /** @return a copy with another number of bots */
    public DemoSettings withBots(int newBots) {
        return new DemoSettings(seed, newBots, levels, mode);
    }

    /** @return a copy with dungeons made another way */
    public DemoSettings withLevels(DungeonLevels.Style newLevels) {
        return new DemoSettings(seed, bots, newLevels, mode);
    }

    /** @return a copy with another run mode */
    public DemoSettings withMode(RunMode newMode) {
        return new DemoSettings(seed, bots, levels, newMode);
    }
}
