package io.animata.core.npc.lod;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.MemoryComponent;
import io.animata.runtime.text.ChatRole;

/**
 * Where a far NPC's cheap thinking leaves its traces: {@link ThinkingLodSystem} tells it of each event a far NPC
 * hears of (no model, no embedding: a memory stream may queue the event and score and embed it later on its
 * worker), and of each NPC waking up with a summary of what it heard while far.
 *
 * <p>{@code MemorySystem.heardMemory()} (in {@code io.animata.core.npc.memory}) is the one that records each event as
 * a long-term memory.
 *
 * <p>Threading: called on the game thread from {@link ThinkingLodSystem#update}. {@link #noteFar} is called for
 * every event every far NPC hears: it must be cheap and should not allocate.
 */
public interface CheapMemory {

    /**
     * A far NPC heard of an event.
     *
     * @param npc the NPC
     * @param actor who did it (an id)
     * @param verb what was done (an event name such as "attack")
     * @param victim who it was done to (an id), or null
     * @param time the game time of the event, seconds
     */
    void noteFar(Entity npc, String actor, String verb, String victim, double time);

    /**
     * A far NPC came near and woke up with this summary of what it heard while far (a view of a reused buffer: copy
     * it to keep it). Default: nothing.
     */
    default void onWake(Entity npc, CharSequence summary) {
    }

    /** Keeps nothing (the wake-up summary still reaches the prompt through {@link ThinkingLodSystem#facts()}). */
    CheapMemory NONE = (npc, actor, verb, victim, time) -> { };

    /**
     * @return a memory that adds the wake-up summary to the NPC's {@link MemoryComponent} (when it has one) as a
     *     system note, so that it stays in the recent turns after the next reply; allocates one string per wake-up
     */
    static CheapMemory recentTurns() {
        return new CheapMemory() {
            @Override
            public void noteFar(Entity npc, String actor, String verb, String victim, double time) {
                // the summary at wake-up is enough for a recent-turns window
            }

            @Override
            public void onWake(Entity npc, CharSequence summary) {
                MemoryComponent memory = npc.getComponent(MemoryComponent.class);
                if (memory != null && summary.length() > 0) {
                    memory.add(ChatRole.SYSTEM, summary.toString());
                }
            }
        };
    }
}
