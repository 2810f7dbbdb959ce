package io.animata.core.npc.memory;

/**
 * One entry of a memory stream: what happened ({@link #text()}), when (game hours), how much it matters (1 to 10),
 * and its sentence embedding, which arrives a little after the memory is added (computed on the job worker; null
 * until then, and such a memory is only ranked by recency and importance).
 *
 * <p>Data. Threading: game thread. The embedding array, once set, is never written again, so it may be read by a
 * worker.
 */
public final class Memory {
    /** The lowest importance. */
    public static final int MIN_IMPORTANCE = 1;
    /** The highest importance. */
    public static final int MAX_IMPORTANCE = 10;
    private static final long[] NO_SOURCES = new long[0];

    private final long id;
    private final MemoryKind kind;
    private final String text;
    private final double hours;
    int importance;
    double lastAccessHours;
    float[] embedding;
    /** Whether the embedding has been handed to a job and not come back yet. */
    boolean embeddingInFlight;
    /** Failed embedding jobs this memory was in. */
    int embeddingAttempts;
    private final long[] sources;
    private final String faction;

    Memory(long id, MemoryKind kind, String text, double hours, int importance, long[] sources, String faction) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a memory needs a text");
        }
        this.id = id;
        this.kind = kind;
        this.text = text.strip();
        this.hours = hours;
        this.importance = clampImportance(importance);
        this.lastAccessHours = hours;
        this.sources = sources == null || sources.length == 0 ? NO_SOURCES : sources.clone();
        this.faction = faction;
    }

    /** @return {@code value} within 1 to 10 */
    public static int clampImportance(int value) {
        return Math.max(MIN_IMPORTANCE, Math.min(MAX_IMPORTANCE, value));
    }

    /** @return the id, unique within its stream (or within the world knowledge) */
    public long id() {
        return id;
    }

    /** @return what kind of memory it is */
    public MemoryKind kind() {
        return kind;
    }

    /** @return what is remembered, in words */
    public String text() {
        return text;
    }

    /** @return when it happened, in game hours */
    public double hours() {
        return hours;
    }

    /** @return when it was last recalled (or created), in game hours: recency decays from here */
    public double lastAccessHours() {
        return lastAccessHours;
    }

    /** @return how much it matters, 1 (mundane) to 10 (life-changing) */
    public int importance() {
        return importance;
    }

    /** @return the sentence embedding (unit length), or null while it is being computed */
    public float[] embedding() {
        return embedding;
    }

    /** @return for a reflection, the ids of the memories it was drawn from (a copy); empty otherwise */
    public long[] sources() {
        return sources.clone();
    }

    /** @return how many sources a reflection has */
    public int sourceCount() {
        return sources.length;
    }

    /** @return source {@code i} of a reflection */
    public long source(int i) {
        return sources[i];
    }

    /** @return for world knowledge, the faction that knows it; null when everyone does (and for NPC memories) */
    public String faction() {
        return faction;
    }

    @Override
    public String toString() {
        return "Memory[" + id + " " + kind + " @" + hours + "h i=" + importance + (embedding == null ? " unembedded" : "")
                + ": " + text + "]";
    }
}
