package io.animata.core.npc.action;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the action of an NPC's reply: the reply is what the NPC says, then optionally one final line
 * {@code ACTION: {"action": "<verb>", "<arg>": <value>, ...}} (or the older {@code ACTION: verb}). Only the final
 * line counts: a marker anywhere else (mid-reply, followed by more text) is no action, so a model cannot be talked
 * into acting by quoting an action line. JSON is parsed with Jackson, strictly: one object, no duplicate fields, no
 * trailing text, values strings or integers.
 *
 * <p>Also gives the speech to show ({@link #appendSpeech}): the reply without any marker segment, so an action line
 * never shows in a speech bubble, not even while it streams.
 *
 * <p>Stateless and thread-safe.
 */
public final class ActionParser {
    /** What starts the action line (matched in any case). */
    public static final String MARKER = "ACTION:";
    /** The verb that means "no action" (old form {@code ACTION: none}, or {@code {"action": "none"}}). */
    public static final String NO_ACTION = "none";
    /** The longest action payload read; longer is malformed. */
    public static final int MAX_PAYLOAD_CHARS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern OLD_VERB = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private ActionParser() {
    }

    /**
     * What the final line of a reply says about an action.
     *
     * @param present whether the reply's final line carries the marker (the model proposed something)
     * @param payload the text after the marker on the final line ("" when absent)
     * @param action the parsed action; null when absent, malformed or "none"
     * @param problem why the payload is malformed; null when it is not (or absent)
     */
    public record Result(boolean present, String payload, NpcAction action, String problem) {
        static final Result NONE = new Result(false, "", null, null);

        /** @return whether the model proposed an action that parsed (not "none") */
        public boolean hasAction() {
            return action != null;
        }
    }

    /**
     * Reads the action on the final line of {@code reply}.
     *
     * @return {@link Result#present()} false when the final line has no marker (earlier ones are ignored)
     */
    public static Result parse(CharSequence reply) {
        int end = reply.length();
        while (end > 0 && Character.isWhitespace(reply.charAt(end - 1))) {
            end--;
        }
        int lineStart = end;
        while (lineStart > 0 && reply.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int marker = indexOfMarker(reply, lineStart, end);
        if (marker < 0) {
            return Result.NONE;
        }
        String payload = reply.subSequence(marker + MARKER.length(), end).toString().strip();
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            return new Result(true, payload.substring(0, 80) + "...", null, "the action is longer than "
                    + MAX_PAYLOAD_CHARS + " characters");
        }
        payload = stripFences(payload);
        if (payload.isEmpty()) {
            return new Result(true, payload, null, "the action line is empty");
        }
        return payload.charAt(0) == '{' || payload.charAt(0) == '[' ? parseJson(payload) : parseOldForm(payload);
    }

    private static String stripFences(String payload) {
        String p = payload;
        while (p.length() >= 2 && p.charAt(0) == '`' && p.charAt(p.length() - 1) == '`') {
            p = p.substring(1, p.length() - 1).strip();
        }
        return p;
    }

    private static Result parseOldForm(String payload) {
        String word = payload.toLowerCase(Locale.ROOT)
                .replaceAll("^[\\s\"'<\\[*]+|[\\s\"'>\\]*.!]+$", "").replace(' ', '_');
        if (word.equals(NO_ACTION)) {
            return new Result(true, payload, null, null);
        }
        if (!OLD_VERB.matcher(word).matches()) {
            return new Result(true, payload, null, "'" + abbreviate(payload) + "' is neither a verb nor an action"
                    + " JSON object");
        }
        return new Result(true, payload, NpcAction.of(word), null);
    }

    private static Result parseJson(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Result(true, payload, null, "the action is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Result(true, payload, null, "the action is not a JSON object");
        }
        JsonNode verbNode = root.get("action");
        if (verbNode == null || !verbNode.isTextual() || verbNode.asText().isBlank()) {
            return new Result(true, payload, null, "the action object has no \"action\" string naming the verb");
        }
        String verb = verbNode.asText().strip().toLowerCase(Locale.ROOT);
        if (verb.equals(NO_ACTION)) {
            return new Result(true, payload, null, null);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("action")) {
                continue;
            }
            JsonNode v = field.getValue();
            if (v.isTextual()) {
                args.put(field.getKey(), v.asText());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                args.put(field.getKey(), v.asLong());
            } else {
                return new Result(true, payload, null, "argument '" + field.getKey() + "' of " + verb
                        + " is not a string or an integer: " + abbreviate(v.toString()));
            }
        }
        return new Result(true, payload, new NpcAction(verb, args), null);
    }

    /**
     * Appends the speech of {@code reply} to {@code out}: the text without any marker and the rest of its line,
     * trimmed. While a reply is still streaming ({@code complete} false), a partial marker at the very end is held
     * back, so "ACTI" never flashes up before it turns out to be an action line.
     */
    public static void appendSpeech(CharSequence reply, boolean complete, StringBuilder out) {
        int start = out.length();
        int n = reply.length();
        int at = 0;
        while (at < n) {
            int marker = indexOfMarker(reply, at, n);
            if (marker < 0) {
                int end = complete ? n : n - heldBack(reply, at, n);
                out.append(reply, at, end);
                break;
            }
            out.append(reply, at, marker);
            int eol = marker;
            while (eol < n && reply.charAt(eol) != '\n') {
                eol++;
            }
            at = eol;
        }
        trim(out, start);
    }

    private static void trim(StringBuilder out, int start) {
        int end = out.length();
        while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        int first = start;
        while (first < end && Character.isWhitespace(out.charAt(first))) {
            first++;
        }
        out.delete(start, first);
    }

    /** @return where the marker starts in {@code text[from, to)} (any case), or -1 */
    static int indexOfMarker(CharSequence text, int from, int to) {
        int last = to - MARKER.length();
        for (int at = from; at <= last; at++) {
            if (matchesAt(text, at, MARKER.length())) {
                return at;
            }
        }
        return -1;
    }

    private static boolean matchesAt(CharSequence text, int at, int length) {
        for (int i = 0; i < length; i++) {
            if (Character.toUpperCase(text.charAt(at + i)) != MARKER.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return how many characters at the end of {@code text[from, to)} could be the start of the marker */
    private static int heldBack(CharSequence text, int from, int to) {
        for (int k = Math.min(MARKER.length() - 1, to - from); k > 0; k--) {
            if (matchesAt(text, to - k, k)) {
                return k;
            }
        }
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
