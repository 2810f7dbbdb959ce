package io.animata.core.npc.action;

import com.badlogic.ashley.core.Entity;

/**
 * Something that must be true in the world for an NPC to do an action, e.g. "a door is in reach" for
 * {@code open_door}. Registered by the game with {@link ActionDefinition.Builder#addPrecondition}; only the game
 * decides them, never the model or the player.
 *
 * <p>Threading: called on the game thread when a reply's action is validated; it may read any component.
 */
@FunctionalInterface
public interface ActionPrecondition {

    /**
     * @param npc the NPC that would act
     * @param action the action, its arguments already checked
     * @return whether the action may happen now
     */
    boolean holds(Entity npc, NpcAction action);
}
