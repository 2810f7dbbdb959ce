package io.animata.core.level.wfc;

/**
 * A side of a level. Wave Function Collapse remembers which patterns the examples show at each side, so that an
 * anchored side of a generated level shows only those (Gumin's "ground", generalised to every side).
 *
 * <p>Threading: an immutable enum.
 */
public enum Edge {
    /** Row 0. */
    TOP,
    /** The last row. */
    BOTTOM,
    /** Column 0. */
    LEFT,
    /** The last column. */
    RIGHT;

    /** @return this side's bit in an edge mask */
    int bit() {
        return 1 << ordinal();
    }
}
