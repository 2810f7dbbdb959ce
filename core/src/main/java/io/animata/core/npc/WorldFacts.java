package io.animata.core.npc;

import com.badlogic.ashley.core.Entity;

/**
 * The game's say in what an NPC knows right now: the time of day, what is in the shop, who is standing nearby, what
 * the player did. {@link DialogueSystem} puts the facts into the prompt after the persona and the rules (which do
 * not change, so their start can be reused) and before the conversation.
 *
 * <p>Threading: called on the game thread when a player's line is turned into a request (not every frame); it may
 * read components of the NPC and of the world.
 */
@FunctionalInterface
public interface WorldFacts {

    /**
     * Writes the facts, one per line.
     *
     * @param npc the NPC being spoken to
     * @param out where to write; empty when called
     */
    void describe(Entity npc, StringBuilder out);

    /**
     * @return facts that write this one's, then {@code next}'s (e.g. a story's goals, then relationships)
     */
    default WorldFacts andThen(WorldFacts next) {
        if (next == null) {
            throw new IllegalArgumentException("next world facts are null; use WorldFacts.NONE");
        }
        return (npc, out) -> {
            describe(npc, out);
            next.describe(npc, out);
        };
    }

    /** No facts. */
    WorldFacts NONE = (npc, out) -> { };
}
