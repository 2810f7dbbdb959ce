package io.animata.core.playtest;

import java.util.List;

/**
 * What one playtest bot found: where it went and when, and every event its detectors raised. A plain record, so a
 * job's result travels as JSON from another process; {@link PlaytestReport#merge} puts the bots together.
 *
 * <p>Cells are indices {@code y * width + x} of the level (row 0 at the top); ticks count from 0, one per
 * {@value PlaytestSettings#TICK_SECONDS} s; positions are world metres. Event lists keep at most
 * {@value #MAX_EVENTS} entries each; the counts count them all.
 *
 * <p>Threading: immutable in practice (do not change the arrays).
 *
 * @param bot the bot's index
 * @param seed the bot's own seed (derived from the run's seed and the index)
 * @param ticks ticks played
 * @param firstVisit per cell, the tick at whose end the bot was first in it (0 for the start), -1 if never
 * @param visits per cell, the ticks the bot ended in it
 * @param heldTicks per cell, the ticks at whose end the bot had pushed for half a second and moved less than 10 cm
 * @param stuck stuck events ({@link StuckDetector})
 * @param outOfBounds events of kind {@value #OUTSIDE_MAP} (the body's centre left the map; the cell is the last one
 *     it was in) or {@value #INSIDE_SOLID} (the centre is inside a solid tile; the cell is that tile)
 * @param crashes exceptions thrown by the game's hooks, one entry per signature
 * @param stuckCount all stuck events
 * @param outOfBoundsCount all out-of-bounds events
 * @param deaths times the game killed the bot
 * @param respawns times the bot was restored to an archive cell
 * @param targets cells the explorer chose to return to
 */
public record BotResult(int bot, long seed, int ticks, int[] firstVisit, int[] visits, int[] heldTicks,
        List<Event> stuck, List<Event> outOfBounds, List<Crash> crashes, int stuckCount, int outOfBoundsCount,
        int deaths, int respawns, int targets) {
    /** Most events of one kind a bot keeps. */
    public static final int MAX_EVENTS = 200;
    /** Out-of-bounds kind: the body left the map. */
    public static final String OUTSIDE_MAP = "outside-map";
    /** Out-of-bounds kind: the body is inside a solid tile. */
    public static final String INSIDE_SOLID = "inside-solid";
    /** Event kind of a stuck event. */
    public static final String STUCK = "stuck";

    /**
     * One event. Threading: immutable.
     *
     * @param kind {@value #STUCK}, {@value #OUTSIDE_MAP} or {@value #INSIDE_SOLID}
     * @param tick the tick it happened in
     * @param x world x of the body
     * @param y world y of the body
     * @param cell the cell it is reported at
     */
    public record Event(String kind, int tick, float x, float y, int cell) {
    }

    /**
     * An exception from the game's hooks, deduplicated by signature. Threading: immutable.
     *
     * @param signature a short stable id of the exception class and its top stack frames
     * @param exception the exception's class
     * @param message its message at the first occurrence
     * @param frames its top stack frames
     * @param count how many times the bot hit it
     * @param tick the tick of the first occurrence
     * @param x world x of the body then
     * @param y world y of the body then
     * @param cell the cell then (-1 off the map)
     */
    public record Crash(String signature, String exception, String message, List<String> frames, int count,
            int tick, float x, float y, int cell) {
    }
}
