package io.animata.core.level.play;

import java.util.Arrays;
import java.util.Optional;

/**
 * The verdict of a playability check: whether the player can get from the start to the goal, the path it found
 * (cell indices {@code y * width + x}, start first, goal last), or why the level cannot be played.
 *
 * <p>Threading: immutable.
 */
public final class Playability {
    private final boolean playable;
    private final String reason;
    private final int[] path;

    private Playability(boolean playable, String reason, int[] path) {
        this.playable = playable;
        this.reason = reason;
        this.path = path;
    }

    /** @return a playable verdict with the path found (copied) */
    public static Playability playable(int[] path) {
        return new Playability(true, null, path.clone());
    }

    /** @return an unplayable verdict, saying why */
    public static Playability unplayable(String reason) {
        return new Playability(false, reason, new int[0]);
    }

    /** @return whether the goal can be reached from the start */
    public boolean isPlayable() {
        return playable;
    }

    /** @return why not, empty when playable */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** @return the path's cells, start first (a copy; empty when unplayable) */
    public int[] path() {
        return path.clone();
    }

    /** @return the number of moves on the path (0 when unplayable) */
    public int moves() {
        return Math.max(0, path.length - 1);
    }

    @Override
    public String toString() {
        return playable ? "playable in " + moves() + " moves" : "unplayable: " + reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Playability p && p.playable == playable && Arrays.equals(p.path, path)
                && java.util.Objects.equals(p.reason, reason);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(path) * 31 + Boolean.hashCode(playable);
    }
}
