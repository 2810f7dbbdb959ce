package io.animata.demo.critters;

import io.animata.runtime.RunMode;

/**
 * What a {@link CritterWorld} is made of: its seed, how many critters and sparks, and how the AI runtime meets the game
 * loop.
 *
 * <pre>{@code
 * CritterSettings settings = CritterSettings.defaults().withSeed(7).withMode(RunMode.LOCKSTEP);
 * }</pre>
 *
 * @param seed seed of every random choice in the scene (spawn points, spark wandering)
 * @param critters number of critters, at least 1
 * @param sparks number of sparks, at least 1
 * @param mode {@link RunMode#REALTIME} for play, {@link RunMode#LOCKSTEP} for repeatable runs
 */
public record CritterSettings(long seed, int critters, int sparks, RunMode mode) {
    /** Critters in the default scene. */
    public static final int DEFAULT_CRITTERS = 200;
    /** Sparks in the default scene. */
    public static final int DEFAULT_SPARKS = 8;

    /** @throws IllegalArgumentException when a count is below 1 or the mode is missing */
    public CritterSettings {
        if (critters < 1) {
            throw new IllegalArgumentException("critters must be at least 1, was " + critters);
        }
        if (sparks < 1) {
            throw new IllegalArgumentException("sparks must be at least 1, was " + sparks);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is null (REALTIME or LOCKSTEP)");
        }
    }

    /** @return seed 1, {@value #DEFAULT_CRITTERS} critters, {@value #DEFAULT_SPARKS} sparks, realtime */
    public static CritterSettings defaults() {
        return new CritterSettings(1L, DEFAULT_CRITTERS, DEFAULT_SPARKS, RunMode.REALTIME);
    }

    /** @return a copy with another seed */
    public CritterSettings withSeed(long newSeed) {
        return new CritterSettings(newSeed, critters, sparks, mode);
    }

    /** @return a copy with another number of critters */
    public CritterSettings withCritters(int newCritters) {
        return new CritterSettings(seed, newCritters, sparks, mode);
    }

    /** @return a copy with another number of sparks */
    public CritterSettings withSparks(int newSparks) {
        return new CritterSettings(seed, critters, newSparks, mode);
    }

    /** @return a copy with another run mode */
    public CritterSettings withMode(RunMode newMode) {
        return new CritterSettings(seed, critters, sparks, newMode);
    }
}
