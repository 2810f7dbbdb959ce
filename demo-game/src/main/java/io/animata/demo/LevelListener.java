package io.animata.demo;

import io.animata.core.agent.env.NavArena;

/**
 * Told when a level of the {@link DemoWorld} begins and ends: where a feature that lives in a level hooks in (people
 * to talk to put into the level's world, textures made for its seed, a coverage map reset), and where a renderer
 * refreshes what it keeps per level.
 *
 * <p>Threading: called on the game thread, between engine updates (entities and bodies may be added and removed).
 */
public interface LevelListener {
    /**
     * A level began: its arena (Box2D world with walls, the player and the bots) is built and the player stands on
     * its start.
     */
    void levelStarted(DungeonLevel level, NavArena arena);

    /** A level is about to end: its arena and bots are removed right after this returns. */
    default void levelEnded(DungeonLevel level) {
    }
}
