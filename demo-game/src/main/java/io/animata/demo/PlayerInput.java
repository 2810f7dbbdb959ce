package io.animata.demo;

import com.badlogic.gdx.math.Vector2;

/**
 * Who steers the player: the keyboard in the window, a script headless and in tests (a later feature could hand the
 * controls to a playtest bot). Asked once per frame by {@link PlayerSystem}.
 *
 * <p>Threading: game thread. {@link #move} must not allocate.
 */
public interface PlayerInput {
    /**
     * Writes the direction the player wants to move in, at most 1 long (0: stand still), into {@code out}.
     *
     * @param player the player (its body is in the current level)
     * @param out where the direction goes
     */
    void move(PlayerComponent player, Vector2 out);

    /** A new level began and the player stands on its start; a script plans its walk here. */
    default void levelStarted(DungeonLevel level, PlayerComponent player) {
    }
}
