package io.animata.core.npc.memory;

/**
 * The game's time in hours, for memory timestamps and recency: memories fade per game hour, not per real second.
 *
 * <p>Threading: called on the game thread.
 */
@FunctionalInterface
public interface GameClock {

    /** @return the current game time, in hours since any fixed start (the same start across saves) */
    double hours();
}
