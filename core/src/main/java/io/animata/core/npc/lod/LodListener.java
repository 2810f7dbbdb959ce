package io.animata.core.npc.lod;

import com.badlogic.ashley.core.Entity;

/**
 * Hears NPCs change their level of detail for thinking.
 *
 * <p>Threading: called on the game thread from {@link ThinkingLodSystem#update}.
 */
public interface LodListener {

    /** The NPC came near the player: it thinks with the language model from now on. */
    default void onWake(Entity npc, ThinkingLodComponent lod) {
    }

    /** The NPC went far from the player: cheap rules from now on. */
    default void onSleep(Entity npc, ThinkingLodComponent lod) {
    }
}
