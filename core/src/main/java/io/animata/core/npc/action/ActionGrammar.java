package io.animata.core.npc.action;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.text.CharAutomaton;
import io.animata.runtime.text.StructuredReply;
import io.animata.runtime.text.TextConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The action schema of one NPC at one moment (its allowed verbs, their arguments, the values each may take), in the
 * three forms the backends need: a {@link TextConstraint} for local decoding, a JSON schema for servers with
 * structured output ({@link StructuredReply}), and the lines of the rules that describe it to the model.
 *
 * <p>The constraint lets the model speak freely until it writes the marker {@code ACTION:} (any case); from there on
 * it can only write {@code {"action": "<allowed verb>", "<arg>": <value>, ...}} with the verb's arguments in their
 * declared order, enumerated values spelled exactly, at most one space between tokens, and then nothing but the end
 * of the reply. So a constrained model's action line always parses and names an allowed verb with well-typed
 * arguments; preconditions are still checked on the game thread.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActionGrammar {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One verb as offered to one NPC.
     *
     * @param definition the verb
     * @param values per argument (in declared order), the values it may take; an empty list for any value
     */
    public record Choice(ActionDefinition definition, List<List<String>> values) {
        /** Validates and copies. */
        public Choice {
            if (values.size() != definition.args().size()) {
                throw new IllegalArgumentException(definition.verb() + " has " + definition.args().size()
                        + " arguments but " + values.size() + " value lists");
            }
            List<List<String>> copy = new ArrayList<>();
            for (List<String> v : values) {
                copy.add(List.copyOf(v));
            }
            values = List.copyOf(copy);
        }
    }

    private final List<Choice> choices;
    private final CharAutomaton constraint;
    private final StructuredReply structured;

    private ActionGrammar(List<Choice> choices) {
        this.choices = List.copyOf(choices);
        this.constraint = buildAutomaton(this.choices);
        this.structured = new StructuredReply(ActionParser.MARKER, schema(this.choices));
    }

    /**
     * @param choices the verbs the NPC may use now, each with its argument values; at least one
     * @throws IllegalArgumentException when there is no verb
     */
    public static ActionGrammar of(List<Choice> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("an action grammar needs at least one verb");
        }
        return new ActionGrammar(choices);
    }

    /** @return the verbs offered, with their values */
    public List<Choice> choices() {
        return choices;
    }

    /** @return the constraint for local decoding: free speech, then optionally one action line in this schema */
    public TextConstraint constraint() {
        return constraint;
    }

    /** @return the structured-output request for servers */
    public StructuredReply structuredReply() {
        return structured;
    }

    /**
     * Appends the rule lines that describe the action line and each verb, e.g.
     * {@code - give_item: hand the player an item; "item" is one of "key", "bread"}.
     */
    public void describe(StringBuilder out) {
        for (Choice c : choices) {
            ActionDefinition d = c.definition();
            out.append("\n  - ").append(d.verb());
            if (!d.description().isEmpty()) {
                out.append(": ").append(d.description());
            }
            for (int i = 0; i < d.args().size(); i++) {
                ActionArg arg = d.args().get(i);
                out.append(i == 0 ? "; " : ", ").append('"').append(arg.name()).append("\" is ");
                List<String> values = c.values().get(i);
                if (!values.isEmpty()) {
                    out.append("one of ");
                    for (int j = 0; j < values.size(); j++) {
                        out.append(j == 0 ? "" : ", ").append('"').append(values.get(j)).append('"');
                    }
                } else {
                    out.append(arg.type() == ArgType.INTEGER ? "a whole number" : "a short text");
                }
            }
        }
    }

    /** @return a one-line example of the action line, with the first verb */
    public String example() {
        Choice c = choices.get(0);
        ObjectNode node = JSON.createObjectNode().put("action", c.definition().verb());
        for (int i = 0; i < c.definition().args().size(); i++) {
            ActionArg arg = c.definition().args().get(i);
            List<String> values = c.values().get(i);
            if (arg.type() == ArgType.INTEGER) {
                node.put(arg.name(), 1);
            } else {
                node.put(arg.name(), values.isEmpty() ? "..." : values.get(0));
            }
        }
        return ActionParser.MARKER + " " + node.toString().replace(",", ", ").replace(":", ": ");
    }

    // ---- the JSON schema for servers -----------------------------------------------------------------------

    private static ObjectNode schema(List<Choice> choices) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode anyOf = root.putArray("anyOf");
        for (Choice c : choices) {
            ActionDefinition d = c.definition();
            ObjectNode one = anyOf.addObject().put("type", "object").put("additionalProperties", false);
            ObjectNode props = one.putObject("properties");
            props.putObject("action").put("type", "string").putArray("enum").add(d.verb());
            ArrayNode required = one.putArray("required").add("action");
            for (int i = 0; i < d.args().size(); i++) {
                ActionArg arg = d.args().get(i);
                ObjectNode p = props.putObject(arg.name()).put("type",
                        arg.type() == ArgType.INTEGER ? "integer" : "string");
                if (!c.values().get(i).isEmpty()) {
                    ArrayNode e = p.putArray("enum");
                    c.values().get(i).forEach(e::add);
                }
                required.add(arg.name());
            }
        }
        return root;
    }

    // ---- the automaton for local decoding ------------------------------------------------------------------

    private static CharAutomaton buildAutomaton(List<Choice> choices) {
        CharAutomaton.Builder b = CharAutomaton.builder();
        String marker = ActionParser.MARKER;
        // free speech: states 0..len-1 count how much of the marker the text ends with (any case)
        int[] free = new int[marker.length()];
        for (int k = 0; k < free.length; k++) {
            free[k] = b.state(true);
        }
        int afterMarker = b.state(false);
        for (int k = 0; k < free.length; k++) {
            char expected = marker.charAt(k);
            int next = k + 1 < free.length ? free[k + 1] : afterMarker;
            b.edgeIgnoreCase(free[k], expected, next);
            if (expected != marker.charAt(0)) {
                b.edgeIgnoreCase(free[k], marker.charAt(0), free[1]);
            }
            b.otherwise(free[k], free[0], true);
        }
        int end = b.state(true); // after the closing brace: only the end of the reply may follow
        int[] f = optionalSpace(b, new int[] {afterMarker});
        f = literal(b, f, "{");
        f = optionalSpace(b, f);
        f = literal(b, f, "\"action\"");
        f = optionalSpace(b, f);
        f = literal(b, f, ":");
        f = optionalSpace(b, f);
        int verbs = single(b, f, '"');
        for (Choice c : choices) {
            ActionDefinition d = c.definition();
            int[] g = {b.word(verbs, d.verb())};
            g = literal(b, g, "\"");
            for (int i = 0; i < d.args().size(); i++) {
                ActionArg arg = d.args().get(i);
                g = optionalSpace(b, g);
                g = literal(b, g, ",");
                g = optionalSpace(b, g);
                g = literal(b, g, "\"" + arg.name() + "\"");
                g = optionalSpace(b, g);
                g = literal(b, g, ":");
                g = optionalSpace(b, g);
                List<String> values = c.values().get(i);
                if (!values.isEmpty()) {
                    g = enumerated(b, g, values);
                } else if (arg.type() == ArgType.INTEGER) {
                    g = integer(b, g);
                } else {
                    g = string(b, g);
                }
            }
            g = optionalSpace(b, g);
            for (int s : g) {
                b.edge(s, '}', end);
            }
        }
        return b.build(free[0]);
    }

    /** @return the frontier plus a state reached by one space from any of it */
    private static int[] optionalSpace(CharAutomaton.Builder b, int[] frontier) {
        int space = b.state(false);
        for (int s : frontier) {
            b.edge(s, ' ', space);
        }
        int[] out = java.util.Arrays.copyOf(frontier, frontier.length + 1);
        out[frontier.length] = space;
        return out;
    }

    /** @return the single state reached from every frontier state by {@code c} */
    private static int single(CharAutomaton.Builder b, int[] frontier, char c) {
        int t = b.state(false);
        for (int s : frontier) {
            b.edge(s, c, t);
        }
        return t;
    }

    private static int[] literal(CharAutomaton.Builder b, int[] frontier, String text) {
        int s = single(b, frontier, text.charAt(0));
        for (int i = 1; i < text.length(); i++) {
            s = single(b, new int[] {s}, text.charAt(i));
        }
        return new int[] {s};
    }

    private static int[] enumerated(CharAutomaton.Builder b, int[] frontier, List<String> values) {
        int open = single(b, frontier, '"');
        int close = b.state(false);
        for (String v : values) {
            int last = b.word(open, new String(JsonStringEncoder.getInstance().quoteAsString(v)));
            b.edge(last, '"', close);
        }
        return new int[] {close};
    }

    private static int[] string(CharAutomaton.Builder b, int[] frontier) {
        int open = single(b, frontier, '"');
        int inside = b.state(false);
        int escape = b.state(false);
        int close = b.state(false);
        for (int s : new int[] {open, inside}) {
            b.edge(s, '"', close);
            b.edge(s, '\\', escape);
            b.otherwise(s, inside, false);
        }
        for (char c : "\"\\/bfnrt".toCharArray()) {
            b.edge(escape, c, inside);
        }
        return new int[] {close};
    }

    /** An optional minus, then 0 or up to 9 digits not starting with 0. */
    private static int[] integer(CharAutomaton.Builder b, int[] frontier) {
        int minus = b.state(false);
        for (int s : frontier) {
            b.edge(s, '-', minus);
        }
        int[] starts = java.util.Arrays.copyOf(frontier, frontier.length + 1);
        starts[frontier.length] = minus;
        int zero = b.state(false);
        int[] digits = new int[9];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = b.state(false);
        }
        for (int s : starts) {
            b.edge(s, '0', zero);
            for (char c = '1'; c <= '9'; c++) {
                b.edge(s, c, digits[0]);
            }
        }
        for (int i = 0; i + 1 < digits.length; i++) {
            for (char c = '0'; c <= '9'; c++) {
                b.edge(digits[i], c, digits[i + 1]);
            }
        }
        int[] out = new int[digits.length + 1];
        out[0] = zero;
        System.arraycopy(digits, 0, out, 1, digits.length);
        return out;
    }
}
