package io.animata.core.npc.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The memories of one NPC, oldest first: observations, dialogue turns, game events and reflections. Adding a memory
 * is immediate; its embedding is computed later on the job worker ({@link MemorySystem} collects the memories
 * {@link #waitingForEmbedding()} each frame). The stream also keeps the sum of importance since the last reflection,
 * which decides when the NPC reflects.
 *
 * <p>A store object held by {@link MemoryStreamComponent}. Threading: game thread.
 */
public final class MemoryStream {
    /** The default most memories kept: 1,000 (about 2 MB with 384-float vectors). */
    public static final int DEFAULT_CAPACITY = 1000;
    private final List<Memory> memories = new ArrayList<>();
    private final List<Memory> waiting = new ArrayList<>();
    private long nextId = 1;
    private int importanceSinceReflection;
    private double lastReflectionHours = Double.NaN;
    private int capacity = DEFAULT_CAPACITY;
    private long forgotten;

    /**
     * Adds a memory; its embedding follows later.
     *
     * @param kind what it is (use {@link #addReflection} for reflections)
     * @param text what happened, in words
     * @param hours when, in game hours
     * @param importance 1 to 10 (clamped)
     * @return the memory
     */
    public Memory add(MemoryKind kind, String text, double hours, int importance) {
        if (kind == MemoryKind.REFLECTION || kind == MemoryKind.KNOWLEDGE) {
            throw new IllegalArgumentException(kind + " memories are added with addReflection or WorldKnowledge.add");
        }
        return append(new Memory(nextId++, kind, text, hours, importance, null, null));
    }

    /**
     * Adds a reflection drawn from other memories. Reflections do not count towards the next reflection.
     *
     * @param sources ids of the memories it was drawn from
     */
    public Memory addReflection(String text, double hours, int importance, long[] sources) {
        Memory m = append(new Memory(nextId++, MemoryKind.REFLECTION, text, hours, importance, sources, null));
        lastReflectionHours = hours;
        return m;
    }

    private Memory append(Memory m) {
        memories.add(m);
        waiting.add(m);
        if (m.kind() != MemoryKind.REFLECTION) {
            importanceSinceReflection += m.importance();
        }
        while (memories.size() > capacity) {
            forgetOne();
        }
        return m;
    }

    /**
     * Forgets the least important memory (the oldest among equals), sparing reflections while anything else is left:
     * they stand for many memories. A reflection's sources may be forgotten; its text remains.
     */
    private void forgetOne() {
        int victim = -1;
        for (int pass = 0; pass < 2 && victim < 0; pass++) {
            for (int i = 0; i < memories.size() - 1; i++) { // never the memory just added
                Memory m = memories.get(i);
                if ((pass == 1 || m.kind() != MemoryKind.REFLECTION)
                        && (victim < 0 || m.importance < memories.get(victim).importance)) {
                    victim = i;
                }
            }
        }
        Memory gone = memories.remove(victim);
        waiting.remove(gone);
        forgotten++;
    }

    /**
     * Sets how many memories are kept (default {@link #DEFAULT_CAPACITY}); beyond it the least important are
     * forgotten, reflections last.
     *
     * @param memoriesKept at least 2
     */
    public void setCapacity(int memoriesKept) {
        if (memoriesKept < 2) {
            throw new IllegalArgumentException("a memory stream keeps at least 2 memories, was " + memoriesKept);
        }
        capacity = memoriesKept;
        while (memories.size() > capacity) {
            forgetOne();
        }
    }

    /** @return the most memories kept */
    public int capacity() {
        return capacity;
    }

    /** @return memories forgotten because the stream was full */
    public long forgotten() {
        return forgotten;
    }

    /** Puts back a memory read from a save (id, embedding and all); game thread, while loading. */
    void restore(Memory m) {
        memories.add(m);
        nextId = Math.max(nextId, m.id() + 1);
        if (m.embedding == null) {
            waiting.add(m);
        }
    }

    void restoreCounters(long next, int sinceReflection, double lastReflection) {
        nextId = Math.max(nextId, next);
        importanceSinceReflection = sinceReflection;
        lastReflectionHours = lastReflection;
    }

    /**
     * Replaces this stream's content with {@code other}'s (the memory objects are shared, not copied), keeping this
     * stream's capacity.
     */
    public void copyFrom(MemoryStream other) {
        if (other == this) {
            return;
        }
        clear();
        memories.addAll(other.memories);
        waiting.addAll(other.waiting);
        nextId = other.nextId;
        importanceSinceReflection = other.importanceSinceReflection;
        lastReflectionHours = other.lastReflectionHours;
        forgotten = other.forgotten;
        while (memories.size() > capacity) {
            forgetOne();
        }
    }

    /** @return memories held */
    public int size() {
        return memories.size();
    }

    /** @return memory {@code i}, oldest first */
    public Memory get(int i) {
        return memories.get(i);
    }

    /** @return the memory with this id, or null (binary search: ids grow with position) */
    public Memory find(long id) {
        int lo = 0;
        int hi = memories.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long at = memories.get(mid).id();
            if (at < id) {
                lo = mid + 1;
            } else if (at > id) {
                hi = mid - 1;
            } else {
                return memories.get(mid);
            }
        }
        return null;
    }

    /** @return the id the next memory gets */
    public long nextId() {
        return nextId;
    }

    /** @return the sum of importance of the memories added since the last reflection (reflections excluded) */
    public int importanceSinceReflection() {
        return importanceSinceReflection;
    }

    /** Starts counting towards the next reflection from zero (when a reflection begins). */
    public void resetImportanceSinceReflection() {
        importanceSinceReflection = 0;
    }

    /** Changes a memory's importance (the language model's rating arrived), keeping the reflection count right. */
    public void rescore(Memory m, int importance) {
        int now = Memory.clampImportance(importance);
        if (m.kind() != MemoryKind.REFLECTION) {
            importanceSinceReflection = Math.max(0, importanceSinceReflection + now - m.importance);
        }
        m.importance = now;
    }

    /** @return game hours of the last reflection, NaN before the first */
    public double lastReflectionHours() {
        return lastReflectionHours;
    }

    /** @return the memories whose embedding is not computed and not asked for yet; the system drains this list */
    List<Memory> waitingForEmbedding() {
        return waiting;
    }

    /** @return how many memories have no embedding yet (waiting or in flight) */
    public int unembeddedCount() {
        int n = 0;
        for (int i = 0; i < memories.size(); i++) {
            n += memories.get(i).embedding == null ? 1 : 0;
        }
        return n;
    }

    /** Forgets the embeddings (another model is in use) and queues every memory to be embedded again. */
    void forgetEmbeddings() {
        waiting.clear();
        for (int i = 0; i < memories.size(); i++) {
            Memory m = memories.get(i);
            m.embedding = null;
            m.embeddingInFlight = false;
            m.embeddingAttempts = 0;
            waiting.add(m);
        }
    }

    /** Forgets everything. */
    public void clear() {
        memories.clear();
        waiting.clear();
        nextId = 1;
        importanceSinceReflection = 0;
        lastReflectionHours = Double.NaN;
        forgotten = 0;
    }
}
