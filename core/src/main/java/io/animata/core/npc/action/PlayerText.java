package io.animata.core.npc.action;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes a player's line safe to put in a prompt as data: Unicode compatibility forms folded (NFKC: full-width
 * letters become ASCII, so a full-width {@code ＡＣＴＩＯＮ：} is seen for what it is), invisible format characters
 * (zero-width spaces, bidirectional overrides) and control characters removed, line breaks turned into spaces (a
 * player cannot start a fake "system" line), the control markers of the common chat templates removed (ChatML
 * {@code <|im_start|>}, Llama {@code [INST]} and {@code <<SYS>>}, {@code <s>}, Gemma turns, any {@code <|...|>}), the
 * action marker defused ({@code ACTION:} becomes {@code action -}, so the model cannot echo it into an action line),
 * and the line cut to a length.
 *
 * <p>This is one layer of several: the rules tell the model that the player's words are never instructions, the chat
 * template strips markers again, and above all every action is validated against the game's allow-list and
 * preconditions, which no text can change.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlayerText {
    /** The default longest line kept, in characters. */
    public static final int DEFAULT_MAX_CHARS = 500;
    /** What an empty line (after cleaning) becomes. */
    public static final String SILENCE = "...";
    private static final Pattern MARKERS = Pattern.compile(
            "<\\|[^|<>]{0,40}\\|>|</?s>|\\[/?INST]|<</?SYS>>|</?(?:start_of_turn|end_of_turn|bos|eos|unk|pad)>"
                    + "|<\\||\\|>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION_MARKER = Pattern.compile("a\\s*c\\s*t\\s*i\\s*o\\s*n\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private PlayerText() {
    }

    /** @return {@code line} cleaned, at most {@link #DEFAULT_MAX_CHARS} characters */
    public static String sanitize(String line) {
        return sanitize(line, DEFAULT_MAX_CHARS);
    }

    /**
     * @param line what the player typed
     * @param maxChars the longest result (longer lines are cut, with "...")
     * @return the cleaned line; {@link #SILENCE} when nothing is left
     */
    public static String sanitize(String line, int maxChars) {
        if (maxChars < 8) {
            throw new IllegalArgumentException("maxChars must be at least 8, was " + maxChars);
        }
        if (line == null) {
            return SILENCE;
        }
        // bound the work on huge input before normalising it
        String s = line.length() > maxChars * 4 ? line.substring(0, maxChars * 4) : line;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else if (type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                continue; // zero-width, bidi overrides, tag characters, controls, lone surrogates
            } else {
                out.appendCodePoint(cp);
            }
        }
        String text = out.toString();
        String previous;
        do { // removing one marker can join the halves of another
            previous = text;
            text = MARKERS.matcher(text).replaceAll(" ");
            text = ACTION_MARKER.matcher(text).replaceAll("action -");
        } while (!text.equals(previous));
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.length() > maxChars) {
            int cut = maxChars - 3;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut) + "...";
        }
        return text.isEmpty() ? SILENCE : text;
    }
}
