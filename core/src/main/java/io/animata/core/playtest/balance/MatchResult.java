package io.animata.core.playtest.balance;

/**
 * How a match ended. Threading: immutable.
 *
 * @param index the match's index
 * @param winner 0 or 1 (the side that won), or -1 for a draw (time ran out)
 * @param seconds simulated seconds the match lasted
 * @param side0Alive side 0's units left
 * @param side1Alive side 1's units left
 * @param side0Hp side 0's hit points left, as a share of its start
 * @param side1Hp side 1's hit points left, as a share of its start
 */
public record MatchResult(int index, int winner, double seconds, int side0Alive, int side1Alive, double side0Hp,
        double side1Hp) {
    /** Winner value of a draw. */
    public static final int DRAW = -1;
}
