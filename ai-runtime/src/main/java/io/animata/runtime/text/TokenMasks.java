package io.animata.runtime.text;

/**
 * The tokens a {@link TextConstraint} allows in each of its states, for one vocabulary: a bit set per state,
 * computed the first time a generation reaches the state and then reused by every generation with the same
 * constraint. It is computed by walking the vocabulary's trie ({@link TokenTexts}) along the automaton, entering only
 * accepted characters: a state that allows a few characters (inside an action's JSON) costs a fraction of a
 * millisecond even for a 150,000-token vocabulary; a free-text state, which allows nearly everything, visits the
 * whole trie once. End-of-sequence tokens are allowed where the state may end.
 *
 * <p>Threading: one thread at a time (the model's worker); share one instance per (constraint, model).
 */
public final class TokenMasks {
    private final TextConstraint constraint;
    private final TokenTexts texts;
    private final int[] eosIds;
    private final long[][] masks;
    private int computed;

    /**
     * @param constraint the automaton
     * @param texts the vocabulary's token texts
     * @param eosIds the tokens that end a generation
     */
    public TokenMasks(TextConstraint constraint, TokenTexts texts, int[] eosIds) {
        this.constraint = constraint;
        this.texts = texts;
        this.eosIds = eosIds.clone();
        this.masks = new long[constraint.stateCount()][];
    }

    /** @return the constraint */
    public TextConstraint constraint() {
        return constraint;
    }

    /** @return the vocabulary's token texts */
    public TokenTexts texts() {
        return texts;
    }

    /** @return whether {@code token} ends a generation */
    public boolean isEos(int token) {
        for (int id : eosIds) {
            if (id == token) {
                return true;
            }
        }
        return false;
    }

    /** @return how many states' masks were computed so far */
    public int computedStates() {
        return computed;
    }

    /**
     * @return the allowed tokens in {@code state}, one bit per token ({@code mask[t >> 6] >> t & 1}); not to be
     *     modified. When no token can continue and the state may not end, the end-of-sequence tokens are allowed
     *     anyway, so a generation never gets stuck.
     */
    public long[] mask(int state) {
        long[] m = masks[state];
        if (m == null) {
            m = compute(state);
            masks[state] = m;
            computed++;
        }
        return m;
    }

    /**
     * Walks the vocabulary's trie from {@code state}, entering only the children the automaton accepts, so a state
     * that allows a few characters costs a few nodes, not the whole vocabulary.
     */
    private long[] compute(int state) {
        int vocab = texts.size();
        long[] m = new long[(vocab + 63) >>> 6];
        boolean any = false;
        TokenTexts.Trie trie = texts.trie();
        int[] nodeStack = new int[64];
        int[] stateStack = new int[64];
        int top = 0;
        for (int c = trie.firstChild[0]; c >= 0; c = trie.nextSibling[c]) {
            int s = constraint.next(state, trie.label[c]);
            if (s != TextConstraint.REJECT) {
                if (top == nodeStack.length) {
                    nodeStack = java.util.Arrays.copyOf(nodeStack, top * 2);
                    stateStack = java.util.Arrays.copyOf(stateStack, top * 2);
                }
                nodeStack[top] = c;
                stateStack[top++] = s;
            }
        }
        while (top > 0) {
            int node = nodeStack[--top];
            int s = stateStack[top];
            for (int t = trie.firstToken[node]; t >= 0; t = trie.nextToken[t]) {
                if (!isEos(t)) {
                    m[t >>> 6] |= 1L << t;
                    any = true;
                }
            }
            for (int c = trie.firstChild[node]; c >= 0; c = trie.nextSibling[c]) {
                int next = constraint.next(s, trie.label[c]);
                if (next != TextConstraint.REJECT) {
                    if (top == nodeStack.length) {
                        nodeStack = java.util.Arrays.copyOf(nodeStack, top * 2);
                        stateStack = java.util.Arrays.copyOf(stateStack, top * 2);
                    }
                    nodeStack[top] = c;
                    stateStack[top++] = next;
                }
            }
        }
        if (constraint.canEnd(state)) {
            for (int id : eosIds) {
                if (id >= 0 && id < vocab) {
                    m[id >>> 6] |= 1L << id;
                    any = true;
                }
            }
        }
        if (!any) {
            for (int id : eosIds) {
                if (id >= 0 && id < vocab) {
                    m[id >>> 6] |= 1L << id;
                }
            }
        }
        return m;
    }
}
