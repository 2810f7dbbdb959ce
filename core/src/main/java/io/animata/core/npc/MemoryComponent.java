package io.animata.core.npc;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Pool.Poolable;
import io.animata.runtime.text.ChatRole;

/**
 * What an NPC remembers of its conversation: the most recent turns, a window of {@link #capacity()} (older turns
 * fall out). {@link DialogueSystem} adds the player's lines and the NPC's replies and puts the window into each
 * prompt. An NPC without this component answers each line on its own.
 *
 * <p>Data only. Threading: game thread. Adding a turn keeps the text's reference; no copy.
 */
public final class MemoryComponent implements Component, Poolable {
    /** The default window: 12 turns (six exchanges). */
    public static final int DEFAULT_CAPACITY = 12;

    private ChatRole[] roles = new ChatRole[DEFAULT_CAPACITY];
    private String[] texts = new String[DEFAULT_CAPACITY];
    private int start;
    private int size;
    private long forgotten;

    /**
     * Sets how many turns are kept, forgetting the oldest ones when it shrinks.
     *
     * @param turns at least 1
     * @return this component
     */
    public MemoryComponent setCapacity(int turns) {
        if (turns < 1) {
            throw new IllegalArgumentException("a memory keeps at least 1 turn, was " + turns);
        }
        ChatRole[] r = new ChatRole[turns];
        String[] t = new String[turns];
        int keep = Math.min(size, turns);
        for (int i = 0; i < keep; i++) {
            int from = (start + size - keep + i) % roles.length;
            r[i] = roles[from];
            t[i] = texts[from];
        }
        forgotten += size - keep;
        roles = r;
        texts = t;
        start = 0;
        size = keep;
        return this;
    }

    /** @return the most turns kept */
    public int capacity() {
        return roles.length;
    }

    /** Adds a turn, forgetting the oldest when full. */
    public void add(ChatRole role, String text) {
        if (role == null || text == null) {
            throw new IllegalArgumentException("a turn needs a role and a text");
        }
        if (size == roles.length) {
            start = (start + 1) % roles.length;
            size--;
            forgotten++;
        }
        int at = (start + size) % roles.length;
        roles[at] = role;
        texts[at] = text;
        size++;
    }

    /** @return turns kept */
    public int size() {
        return size;
    }

    /** @return who spoke turn {@code i}, oldest first */
    public ChatRole role(int i) {
        return roles[index(i)];
    }

    /** @return the text of turn {@code i}, oldest first */
    public String text(int i) {
        return texts[index(i)];
    }

    /** @return turns that fell out of the window so far */
    public long forgotten() {
        return forgotten;
    }

    /** Forgets everything. */
    public void clear() {
        for (int i = 0; i < roles.length; i++) {
            roles[i] = null;
            texts[i] = null;
        }
        start = 0;
        size = 0;
    }

    private int index(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("turn " + i + " of " + size);
        }
        return (start + i) % roles.length;
    }

    @Override
    public void reset() {
        clear();
        forgotten = 0;
        if (roles.length != DEFAULT_CAPACITY) {
            roles = new ChatRole[DEFAULT_CAPACITY];
            texts = new String[DEFAULT_CAPACITY];
        }
    }
}
