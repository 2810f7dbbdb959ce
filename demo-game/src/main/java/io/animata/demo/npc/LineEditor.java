package io.animata.demo.npc;

/**
 * The line the player types to an NPC, as a small state machine: closed, then {@link #open} (T or Enter next to an
 * NPC) starts a line for that NPC, {@link #type} adds printable characters, {@link #backspace} removes the last,
 * {@link #submit} (Enter) closes it and hands the line over, {@link #cancel} (Esc) closes it without a word. The key
 * that opened it is not typed into it (the T pressed to talk arrives as a typed 't' right after). While it is open
 * the keyboard belongs to it: the player does not move.
 *
 * <p>Threading: the GL thread (input events). Typing allocates nothing; {@link #submit} makes the line's string.
 */
public final class LineEditor {
    /** The longest line, characters. */
    public static final int MAX_LENGTH = 100;

    private final StringBuilder text = new StringBuilder(MAX_LENGTH);
    private boolean open;
    private int target = -1;
    private char swallow;

    /**
     * Starts a line for NPC {@code npc}; no effect when a line is already open.
     *
     * @param opener the character the opening key types right after (e.g. {@code 't'}), dropped once; 0 for none
     * @return whether it opened
     */
    public boolean open(int npc, char opener) {
        if (open) {
            return false;
        }
        if (npc < 0) {
            throw new IllegalArgumentException("npc must be >= 0, was " + npc);
        }
        open = true;
        target = npc;
        swallow = Character.toLowerCase(opener);
        text.setLength(0);
        return true;
    }

    /**
     * Adds a typed character: printable ones only, up to {@value #MAX_LENGTH}.
     *
     * @return whether the line changed
     */
    public boolean type(char c) {
        if (!open) {
            return false;
        }
        char dropped = swallow;
        swallow = 0;
        if (dropped != 0 && Character.toLowerCase(c) == dropped && text.length() == 0) {
            return false; // the opening key's own character
        }
        if (Character.isISOControl(c) || !Character.isDefined(c) || text.length() >= MAX_LENGTH) {
            return false;
        }
        text.append(c);
        return true;
    }

    /** @return whether a character was removed */
    public boolean backspace() {
        if (!open || text.length() == 0) {
            return false;
        }
        text.setLength(text.length() - 1);
        return true;
    }

    /**
     * Closes the line and hands it over.
     *
     * @return the line, trimmed; empty when nothing was typed (or no line was open): nothing to say
     */
    public String submit() {
        if (!open) {
            return "";
        }
        String line = text.toString().strip();
        close();
        return line;
    }

    /** Closes the line without saying it. */
    public void cancel() {
        close();
    }

    private void close() {
        open = false;
        swallow = 0;
        text.setLength(0);
    }

    /** @return whether a line is being typed */
    public boolean isOpen() {
        return open;
    }

    /** @return the NPC the line is for (the last one when closed), -1 before the first */
    public int target() {
        return target;
    }

    /** @return the text typed so far (a view of a reused buffer) */
    public CharSequence text() {
        return text;
    }
}
