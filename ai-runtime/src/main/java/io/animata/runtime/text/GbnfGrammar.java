package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TextConstraint} as a grammar in llama.cpp's GBNF notation, so that llama.cpp's grammar sampler
 * constrains decoding to the automaton's language ({@link LlamaCppModel}).
 *
 * <p>One rule per state that is reachable from the start and from which the text can still end ({@code s12}, the start
 * state as {@code root}); each alternative is a character class followed by the rule of the state it leads to, with
 * characters that lead to the same state merged into ranges, and an empty alternative {@code ""} where the state may
 * end. States from which no text can end are left out, with the edges into them. Classes are pure ASCII: letters and
 * digits as they are, every other character escaped ({@code \x2C}, {@code \u00E9}, {@code \U0001F600}).
 *
 * <p>The automaton reads UTF-16 chars while llama.cpp reads code points. Lone surrogates (U+D800 to U+DFFF) are
 * never allowed. A character outside the Basic Multilingual Plane is allowed where the automaton takes both halves
 * of its surrogate pair the same way whatever they are (as its "any other character" edges do, in free text and
 * inside JSON strings) and leads to the state those halves lead to; explicit edges on surrogates are not translated.
 * So every text the grammar accepts, the automaton accepts.
 *
 * <p>Threading: stateless; {@link #of} may run on any thread.
 */
public final class GbnfGrammar {
    private static final int BMP_END = 0xFFFF;
    private static final int HIGH_SURROGATES = Character.MIN_HIGH_SURROGATE;
    private static final int LOW_SURROGATES = Character.MIN_LOW_SURROGATE;
    private static final int SURROGATES_END = Character.MAX_LOW_SURROGATE;

    private GbnfGrammar() {
    }

    /**
     * @param constraint the automaton
     * @return its language as a GBNF grammar with a {@code root} rule
     * @throws AnimataException when the automaton accepts no text at all
     */
    public static String of(TextConstraint constraint) {
        int n = constraint.stateCount();
        int start = constraint.start();
        List<List<int[]>> runs = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            runs.add(null);
        }
        // the states reachable from the start, with their runs of code points
        boolean[] reachable = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        reachable[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<int[]> r = codePointRuns(constraint, s);
            runs.set(s, r);
            for (int[] run : r) {
                if (!reachable[run[2]]) {
                    reachable[run[2]] = true;
                    queue.add(run[2]);
                }
            }
        }
        boolean[] live = liveStates(constraint, runs, reachable);
        if (!live[start]) {
            throw new AnimataException("the text constraint " + constraint + " accepts no text at all (no state where"
                    + " the text may end can be reached from its start); check how it was built");
        }
        StringBuilder out = new StringBuilder(256);
        appendRule(out, start, start, runs.get(start), live, constraint.canEnd(start));
        for (int s = 0; s < n; s++) {
            if (s != start && reachable[s] && live[s]) {
                appendRule(out, s, start, runs.get(s), live, constraint.canEnd(s));
            }
        }
        return out.toString();
    }

    /** @return whether each state can reach one that may end the text */
    private static boolean[] liveStates(TextConstraint c, List<List<int[]>> runs, boolean[] reachable) {
        int n = reachable.length;
        boolean[] live = new boolean[n];
        for (int s = 0; s < n; s++) {
            live[s] = reachable[s] && c.canEnd(s);
        }
        for (boolean changed = true; changed;) {
            changed = false;
            for (int s = 0; s < n; s++) {
                if (reachable[s] && !live[s]) {
                    for (int[] run : runs.get(s)) {
                        if (live[run[2]]) {
                            live[s] = true;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        return live;
    }

    private static String ruleName(int state, int start) {
        return state == start ? "root" : "s" + state;
    }

    private static void appendRule(StringBuilder out, int s, int start, List<int[]> runs, boolean[] live,
            boolean canEnd) {
        // group the runs by target, in the order of their first code point
        Map<Integer, List<int[]>> byTarget = new LinkedHashMap<>();
        for (int[] run : runs) {
            if (live[run[2]]) {
                byTarget.computeIfAbsent(run[2], t -> new ArrayList<>()).add(run);
            }
        }
        out.append(ruleName(s, start)).append(" ::=");
        String separator = " ";
        for (Map.Entry<Integer, List<int[]>> e : byTarget.entrySet()) {
            out.append(separator).append('[');
            for (int[] run : e.getValue()) {
                appendCodePoint(out, run[0]);
                if (run[1] > run[0]) {
                    if (run[1] > run[0] + 1) {
                        out.append('-');
                    }
                    appendCodePoint(out, run[1]);
                }
            }
            out.append("] ").append(ruleName(e.getKey(), start));
            separator = " | ";
        }
        if (canEnd) {
            out.append(separator).append("\"\"");
        }
        out.append('\n');
    }

    private static void appendCodePoint(StringBuilder out, int cp) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
            out.append((char) cp);
        } else if (cp <= 0xFF) {
            out.append(String.format("\\x%02X", cp));
        } else if (cp <= BMP_END) {
            out.append(String.format("\\u%04X", cp));
        } else {
            out.append(String.format("\\U%08X", cp));
        }
    }

    /**
     * @return the runs {@code {first, last, target}} of code points that state {@code s} accepts, ascending: the Basic
     *     Multilingual Plane without surrogates, then the supplementary planes where both halves of a pair go one way
     */
    static List<int[]> codePointRuns(TextConstraint c, int s) {
        List<int[]> runs = new ArrayList<>();
        int[] highRun = null;
        for (int[] run : charRuns(c, s)) {
            int lo = run[0];
            int hi = run[1];
            if (lo <= HIGH_SURROGATES && hi >= LOW_SURROGATES - 1) {
                highRun = run; // every high surrogate goes one way
            }
            if (hi < HIGH_SURROGATES || lo > SURROGATES_END) {
                runs.add(run);
            } else {
                if (lo < HIGH_SURROGATES) {
                    runs.add(new int[] {lo, HIGH_SURROGATES - 1, run[2]});
                }
                if (hi > SURROGATES_END) {
                    runs.add(new int[] {SURROGATES_END + 1, hi, run[2]});
                }
            }
        }
        if (highRun != null) {
            for (int[] low : charRuns(c, highRun[2])) {
                if (low[0] <= LOW_SURROGATES && low[1] >= SURROGATES_END) {
                    runs.add(new int[] {Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT, low[2]});
                }
            }
        }
        return runs;
    }

    /** @return the runs {@code {first, last, target}} of chars that state {@code s} accepts, ascending */
    static List<int[]> charRuns(TextConstraint c, int s) {
        if (c instanceof CharAutomaton a) {
            return a.runs(s);
        }
        List<int[]> runs = new ArrayList<>();
        int[] open = null;
        for (int ch = 0; ch <= BMP_END; ch++) {
            int t = c.next(s, (char) ch);
            if (open != null && open[2] == t && open[1] == ch - 1) {
                open[1] = ch;
            } else if (t != TextConstraint.REJECT) {
                open = new int[] {ch, ch, t};
                runs.add(open);
            } else {
                open = null;
            }
        }
        return runs;
    }

    /**
     * Checks what llama.cpp's grammar parser would refuse or abort on, so that a bad grammar gives a clear error in
     * Java: a missing {@code root} rule, a rule defined twice, a reference to an undefined rule, an unbalanced class.
     * Only the subset of GBNF that {@link #of} writes is understood (rules of classes, rule names and {@code ""}).
     *
     * @throws AnimataException naming the first problem
     */
    public static void check(String grammar) {
        Map<String, Integer> defined = new LinkedHashMap<>();
        List<String> referenced = new ArrayList<>();
        String[] lines = grammar.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int def = line.indexOf(" ::= ");
            if (def <= 0 || !line.substring(0, def).matches("[a-zA-Z0-9-]+")) {
                throw bad(i, "is not 'name ::= alternatives'", line);
            }
            if (defined.put(line.substring(0, def), i) != null) {
                throw bad(i, "defines rule '" + line.substring(0, def) + "' a second time", line);
            }
            for (String alternative : line.substring(def + 5).split(" \\| ", -1)) {
                String alt = alternative.strip();
                if (alt.equals("\"\"")) {
                    continue;
                }
                String name = alt;
                if (alt.startsWith("[")) {
                    int close = classEnd(alt);
                    if (close < 0) {
                        throw bad(i, "has an unclosed character class", line);
                    }
                    name = alt.substring(close + 1).strip();
                }
                if (!name.isEmpty()) {
                    if (!name.matches("[a-zA-Z0-9-]+")) {
                        throw bad(i, "has an alternative that is neither a class, a rule nor \"\": '" + alt + "'",
                                line);
                    }
                    referenced.add(name);
                }
            }
        }
        if (!defined.containsKey("root")) {
            throw new AnimataException("the grammar has no 'root' rule; llama.cpp starts there");
        }
        for (String name : referenced) {
            if (!defined.containsKey(name)) {
                throw new AnimataException("the grammar refers to rule '" + name + "', which it does not define");
            }
        }
    }

    /** @return the index of the {@code ]} that closes the class opening {@code alt}, or -1 */
    private static int classEnd(String alt) {
        for (int j = 1; j < alt.length(); j++) {
            char ch = alt.charAt(j);
            if (ch == '\\') {
                j++;
            } else if (ch == ']') {
                return j;
            }
        }
        return -1;
    }

    private static AnimataException bad(int line, String what, String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return new AnimataException("grammar line " + (line + 1) + " " + what + ": " + shown);
    }
}
