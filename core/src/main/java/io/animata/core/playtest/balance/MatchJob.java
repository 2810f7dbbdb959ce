package io.animata.core.playtest.balance;

/**
 * One match of the arena game as a self-contained job: who plays on which side, the arena, and the match's seed.
 * Side 0 starts on the left and is the <em>first mover</em>: within a tick its attacks land first, so a unit it kills
 * does not strike back in that tick. A match is a pure function of this record.
 *
 * <p>Threading: immutable.
 *
 * @param index the match's index in the run
 * @param seed the match's own seed
 * @param first the configuration index on side 0
 * @param second the configuration index on side 1
 * @param side0 side 0's army
 * @param side1 side 1's army
 * @param arena the arena
 */
public record MatchJob(int index, long seed, int first, int second, UnitConfig side0, UnitConfig side1,
        ArenaSettings arena) {
}
