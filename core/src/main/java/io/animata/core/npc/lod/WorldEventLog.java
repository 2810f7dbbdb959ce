package io.animata.core.npc.lod;

/**
 * The recent events of the world that NPCs may witness or hear of ("the player attacked the guard"), in a ring of
 * fixed size: each event gets a sequence number, and a reader keeps the number of the last event it read. A reader
 * that falls more than {@link #capacity()} events behind skips the oldest ones.
 *
 * <p>Threading: game thread. {@link #add} allocates nothing.
 */
public final class WorldEventLog {
    private final String[] actors;
    private final String[] verbs;
    private final String[] victims;
    private final double[] times;
    private long last;

    /** @param capacity events kept (at least 1) */
    public WorldEventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event log keeps at least 1 event, was " + capacity);
        }
        actors = new String[capacity];
        verbs = new String[capacity];
        victims = new String[capacity];
        times = new double[capacity];
    }

    /** @return events kept */
    public int capacity() {
        return actors.length;
    }

    /**
     * Adds an event.
     *
     * @param actor who did it (an id, e.g. "player")
     * @param verb what, an event name of the relationship rules (e.g. "attack", "gift")
     * @param victim who it was done to, or null
     * @param time the game time, seconds
     * @return the event's sequence number (from 1)
     */
    public long add(String actor, String verb, String victim, double time) {
        if (actor == null || verb == null) {
            throw new IllegalArgumentException("an event needs an actor and a verb");
        }
        int at = (int) (last % actors.length);
        actors[at] = actor;
        verbs[at] = verb;
        victims[at] = victim;
        times[at] = time;
        return ++last;
    }

    /** @return the sequence number of the newest event (0 when none) */
    public long last() {
        return last;
    }

    /** @return the oldest sequence number still kept */
    public long oldest() {
        return Math.max(1, last - actors.length + 1);
    }

    /** @return the actor of event {@code seq} (which must be between {@link #oldest()} and {@link #last()}) */
    public String actor(long seq) {
        return actors[slot(seq)];
    }

    /** @return the verb of event {@code seq} */
    public String verb(long seq) {
        return verbs[slot(seq)];
    }

    /** @return the victim of event {@code seq}, or null */
    public String victim(long seq) {
        return victims[slot(seq)];
    }

    /** @return the time of event {@code seq} */
    public double time(long seq) {
        return times[slot(seq)];
    }

    private int slot(long seq) {
        if (seq < oldest() || seq > last) {
            throw new IndexOutOfBoundsException("event " + seq + " is not kept (" + oldest() + ".." + last + ")");
        }
        return (int) ((seq - 1) % actors.length);
    }
}
