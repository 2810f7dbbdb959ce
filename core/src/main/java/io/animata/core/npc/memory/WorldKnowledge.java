package io.animata.core.npc.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Facts shared by many NPCs: known to everyone ("The king died last winter") or to one faction ("The guards' password
 * is 'heron'"). They are ranked together with an NPC's own memories (by recency, importance and relevance) when the
 * NPC is spoken to, and are saved with the memories. One instance per world, given to {@link MemorySystem}.
 *
 * <p>Threading: game thread.
 */
public final class WorldKnowledge {
    private final List<Memory> facts = new ArrayList<>();
    private final List<Memory> waiting = new ArrayList<>();
    private long nextId = 1;

    /**
     * Adds a fact everyone knows.
     *
     * @param hours when it became true, in game hours
     * @param importance 1 to 10 (clamped)
     */
    public Memory add(String text, double hours, int importance) {
        return add(text, null, hours, importance);
    }

    /**
     * Adds a fact known to one faction ({@link MemoryStreamComponent#factions}), or to everyone when it is null.
     */
    public Memory add(String text, String faction, double hours, int importance) {
        Memory m = new Memory(nextId++, MemoryKind.KNOWLEDGE, text, hours, importance, null,
                faction == null || faction.isBlank() ? null : faction.strip());
        facts.add(m);
        waiting.add(m);
        return m;
    }

    void restore(Memory m) {
        facts.add(m);
        nextId = Math.max(nextId, m.id() + 1);
        if (m.embedding == null) {
            waiting.add(m);
        }
    }

    /** Replaces these facts with {@code other}'s (the fact objects are shared, not copied). */
    public void copyFrom(WorldKnowledge other) {
        if (other == this) {
            return;
        }
        clear();
        facts.addAll(other.facts);
        waiting.addAll(other.waiting);
        nextId = other.nextId;
    }

    void restoreNextId(long next) {
        nextId = Math.max(nextId, next);
    }

    /** @return the id the next fact gets */
    public long nextId() {
        return nextId;
    }

    /** @return facts held */
    public int size() {
        return facts.size();
    }

    /** @return fact {@code i}, oldest first */
    public Memory get(int i) {
        return facts.get(i);
    }

    /** @return whether an NPC of these factions knows fact {@code m} */
    public static boolean knows(Memory m, com.badlogic.gdx.utils.Array<String> factions) {
        return m.faction() == null || factions.contains(m.faction(), false);
    }

    List<Memory> waitingForEmbedding() {
        return waiting;
    }

    void forgetEmbeddings() {
        waiting.clear();
        for (Memory m : facts) {
            m.embedding = null;
            m.embeddingInFlight = false;
            m.embeddingAttempts = 0;
            waiting.add(m);
        }
    }

    /** Forgets every fact. */
    public void clear() {
        facts.clear();
        waiting.clear();
        nextId = 1;
    }
}
