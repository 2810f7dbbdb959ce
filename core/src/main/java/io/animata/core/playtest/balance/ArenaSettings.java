package io.animata.core.playtest.balance;

import io.animata.runtime.AnimataException;

/**
 * The arena of the balance game: a walled rectangle, and how long a match may last before it is a draw.
 *
 * <p>Threading: immutable.
 *
 * @param width metres, 8 to 200
 * @param height metres, 6 to 200
 * @param maxSeconds simulated seconds before a match is called a draw
 */
public record ArenaSettings(float width, float height, float maxSeconds) {
    /** The default arena: 24 x 14 m, 60 s. */
    public static final ArenaSettings DEFAULT = new ArenaSettings(24f, 14f, 60f);

    /** @throws AnimataException for sizes out of range */
    public ArenaSettings {
        if (!(width >= 8 && width <= 200 && height >= 6 && height <= 200)) {
            throw new AnimataException("the balance arena must be 8 to 200 m wide and 6 to 200 m high, was " + width
                    + " x " + height);
        }
        if (!(maxSeconds >= 1 && maxSeconds <= 3600)) {
            throw new AnimataException("the balance arena's maxSeconds must be in [1, 3600], was " + maxSeconds);
        }
    }
}
