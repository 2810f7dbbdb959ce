package io.animata.runtime.text;

import java.util.Arrays;

/**
 * A {@link TextConstraint} made of explicit states: each state has edges for single characters and, optionally, one
 * edge for "any other character" (with or without control characters below U+0020), which is how free text and the
 * inside of a JSON string are written without listing every character. Built with {@link Builder}; immutable once
 * built.
 *
 * <pre>{@code
 * CharAutomaton.Builder b = CharAutomaton.builder();
 * int start = b.state(false);
 * int end = b.state(true);
 * b.edge(start, 'y', end).edge(start, 'n', end);   // "y" or "n"
 * TextConstraint yesNo = b.build(start);
 * }</pre>
 *
 * <p>Thread-safe once built. A lookup costs a binary search over the state's explicit edges.
 */
public final class CharAutomaton implements TextConstraint {
    private final int start;
    private final char[][] keys;
    private final int[][] targets;
    private final int[] other;
    private final boolean[] otherAllowsControl;
    private final boolean[] accepting;

    private CharAutomaton(Builder b, int start) {
        int n = b.count;
        this.start = start;
        this.keys = new char[n][];
        this.targets = new int[n][];
        this.other = Arrays.copyOf(b.other, n);
        this.otherAllowsControl = Arrays.copyOf(b.otherControl, n);
        this.accepting = Arrays.copyOf(b.accepting, n);
        for (int s = 0; s < n; s++) {
            int m = b.edgeCount[s];
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            char[] k = b.keys[s];
            Arrays.sort(order, (x, y) -> Character.compare(k[x], k[y]));
            keys[s] = new char[m];
            targets[s] = new int[m];
            for (int i = 0; i < m; i++) {
                keys[s][i] = k[order[i]];
                targets[s][i] = b.targets[s][order[i]];
            }
        }
    }

    /** @return a builder with no states */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int next(int state, char c) {
        int i = Arrays.binarySearch(keys[state], c);
        if (i >= 0) {
            return targets[state][i];
        }
        if (other[state] >= 0 && (c >= 0x20 || otherAllowsControl[state])) {
            return other[state];
        }
        return REJECT;
    }

    @Override
    public boolean canEnd(int state) {
        return accepting[state];
    }

    @Override
    public int stateCount() {
        return accepting.length;
    }

    /**
     * @return the runs {@code {first, last, target}} of chars that {@code state} accepts, ascending, adjacent chars
     *     with one target merged (what {@link GbnfGrammar} writes as character classes)
     */
    java.util.List<int[]> runs(int state) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        char[] k = keys[state];
        int[] t = targets[state];
        int from = 0;
        for (int i = 0; i <= k.length; i++) {
            int end = i < k.length ? k[i] : 0x10000; // chars in [from, end) take the "other" edge
            if (other[state] >= 0) {
                int first = otherAllowsControl[state] ? from : Math.max(from, 0x20);
                if (first < end) {
                    addRun(runs, first, end - 1, other[state]);
                }
            }
            if (i < k.length) {
                addRun(runs, k[i], k[i], t[i]);
                from = k[i] + 1;
            }
        }
        return runs;
    }

    private static void addRun(java.util.List<int[]> runs, int first, int last, int target) {
        int[] prev = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (prev != null && prev[2] == target && prev[1] == first - 1) {
            prev[1] = last;
        } else {
            runs.add(new int[] {first, last, target});
        }
    }

    @Override
    public String toString() {
        return "CharAutomaton[" + stateCount() + " states]";
    }

    /** Builds a {@link CharAutomaton}. Not thread-safe. */
    public static final class Builder {
        private int count;
        private char[][] keys = new char[16][];
        private int[][] targets = new int[16][];
        private int[] edgeCount = new int[16];
        private int[] other = new int[16];
        private boolean[] otherControl = new boolean[16];
        private boolean[] accepting = new boolean[16];

        private Builder() {
        }

        /**
         * Adds a state.
         *
         * @param canEnd whether a text may end in it
         * @return its id
         */
        public int state(boolean canEnd) {
            if (count == accepting.length) {
                int n = count * 2;
                keys = Arrays.copyOf(keys, n);
                targets = Arrays.copyOf(targets, n);
                edgeCount = Arrays.copyOf(edgeCount, n);
                other = Arrays.copyOf(other, n);
                otherControl = Arrays.copyOf(otherControl, n);
                accepting = Arrays.copyOf(accepting, n);
            }
            keys[count] = new char[4];
            targets[count] = new int[4];
            other[count] = REJECT;
            accepting[count] = canEnd;
            return count++;
        }

        /** @return the states added so far */
        public int stateCount() {
            return count;
        }

        /** @return the target of {@code from}'s edge for {@code c}, or {@link TextConstraint#REJECT} when none */
        public int target(int from, char c) {
            check(from);
            for (int i = 0; i < edgeCount[from]; i++) {
                if (keys[from][i] == c) {
                    return targets[from][i];
                }
            }
            return REJECT;
        }

        /**
         * Adds the edge {@code from --c--> to}.
         *
         * @throws IllegalArgumentException when {@code from} already has a different edge for {@code c} (the
         *     automaton must stay deterministic)
         */
        public Builder edge(int from, char c, int to) {
            check(from);
            check(to);
            int existing = target(from, c);
            if (existing == to) {
                return this;
            }
            if (existing != REJECT) {
                throw new IllegalArgumentException("state " + from + " already goes to " + existing + " on '" + c
                        + "'; cannot also go to " + to);
            }
            int m = edgeCount[from];
            if (m == keys[from].length) {
                keys[from] = Arrays.copyOf(keys[from], m * 2);
                targets[from] = Arrays.copyOf(targets[from], m * 2);
            }
            keys[from][m] = c;
            targets[from][m] = to;
            edgeCount[from] = m + 1;
            return this;
        }

        /** Adds edges for both cases of an ASCII letter (or just {@code c} for another character). */
        public Builder edgeIgnoreCase(int from, char c, int to) {
            edge(from, Character.toUpperCase(c), to);
            return c == Character.toLowerCase(c) && c == Character.toUpperCase(c) ? this
                    : edge(from, Character.toLowerCase(c), to);
        }

        /**
         * Sends every character without an explicit edge from {@code from} to {@code to}.
         *
         * @param allowControl whether characters below U+0020 (newlines, tabs) take this edge too
         */
        public Builder otherwise(int from, int to, boolean allowControl) {
            check(from);
            check(to);
            other[from] = to;
            otherControl[from] = allowControl;
            return this;
        }

        /**
         * Adds a path spelling {@code text} from {@code from}, reusing edges that exist (so several words share a
         * prefix, as in a trie).
         *
         * @return the state after the text
         */
        public int word(int from, CharSequence text) {
            int s = from;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int t = target(s, c);
                if (t == REJECT) {
                    t = state(false);
                    edge(s, c, t);
                }
                s = t;
            }
            return s;
        }

        private void check(int s) {
            if (s < 0 || s >= count) {
                throw new IllegalArgumentException("no state " + s + " (states 0.." + (count - 1) + ")");
            }
        }

        /**
         * @param startState the state before any text
         * @return the automaton
         */
        public CharAutomaton build(int startState) {
            check(startState);
            return new CharAutomaton(this, startState);
        }
    }
}
