package io.animata.runtime.text;

/**
 * The text each token of a vocabulary adds when it follows ordinary text, computed once per tokenizer so that a
 * {@link TextConstraint} can be checked against every candidate token cheaply. A token's text is what decoding
 * {@code [anchor, token]} adds to decoding {@code [anchor]}, which keeps the leading space of SentencePiece word
 * pieces; special tokens (end of turn, chat markers) have the empty text. The texts are also kept as a trie (built on
 * first use), which {@link TokenMasks} walks.
 *
 * <p>Immutable and thread-safe once made.
 */
public final class TokenTexts {
    private final String[] texts;
    /** The texts as a trie, so a constraint's mask visits only the prefixes it accepts; built on first use. */
    private volatile Trie trie;

    private TokenTexts(String[] texts) {
        this.texts = texts;
    }

    /**
     * The non-empty token texts as a trie: node 0 is the root; each node has the character that leads to it, its
     * first child and next sibling (children in character order), and the tokens whose text ends there.
     */
    static final class Trie {
        final char[] label;
        final int[] firstChild;
        final int[] nextSibling;
        final int[] firstToken;
        /** For each token, the next token ending at the same node; -1 at the end. */
        final int[] nextToken;
        final int nodes;

        private Trie(char[] label, int[] firstChild, int[] nextSibling, int[] firstToken, int[] nextToken, int nodes) {
            this.label = label;
            this.firstChild = firstChild;
            this.nextSibling = nextSibling;
            this.firstToken = firstToken;
            this.nextToken = nextToken;
            this.nodes = nodes;
        }
    }

    /** @return the trie of the texts (built once, on the first call) */
    Trie trie() {
        Trie t = trie;
        if (t == null) {
            t = buildTrie();
            trie = t;
        }
        return t;
    }

    private Trie buildTrie() {
        int v = texts.length;
        Integer[] order = new Integer[v];
        long chars = 1;
        for (int i = 0; i < v; i++) {
            order[i] = i;
            chars += texts[i].length();
        }
        java.util.Arrays.sort(order, (a, b) -> texts[a].compareTo(texts[b]));
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, chars);
        char[] label = new char[cap];
        int[] firstChild = new int[cap];
        int[] nextSibling = new int[cap];
        int[] firstToken = new int[cap];
        int[] nextToken = new int[v];
        java.util.Arrays.fill(firstChild, 0, cap, -1);
        java.util.Arrays.fill(nextSibling, 0, cap, -1);
        java.util.Arrays.fill(firstToken, 0, cap, -1);
        java.util.Arrays.fill(nextToken, -1);
        int[] path = new int[64]; // path[d] = the node of the current text's first d characters
        int[] lastChild = new int[cap];
        java.util.Arrays.fill(lastChild, 0, cap, -1);
        int nodes = 1;
        String previous = "";
        for (Integer id : order) {
            String text = texts[id];
            if (text.isEmpty()) {
                continue;
            }
            int common = 0;
            int max = Math.min(previous.length(), text.length());
            while (common < max && previous.charAt(common) == text.charAt(common)) {
                common++;
            }
            if (text.length() + 1 > path.length) {
                path = java.util.Arrays.copyOf(path, text.length() * 2 + 1);
            }
            for (int d = common; d < text.length(); d++) {
                int parent = path[d];
                int node = nodes++;
                label[node] = text.charAt(d);
                if (lastChild[parent] < 0) {
                    firstChild[parent] = node;
                } else {
                    nextSibling[lastChild[parent]] = node;
                }
                lastChild[parent] = node;
                path[d + 1] = node;
            }
            int end = path[text.length()];
            nextToken[id] = firstToken[end];
            firstToken[end] = id;
            previous = text;
        }
        return new Trie(java.util.Arrays.copyOf(label, nodes), java.util.Arrays.copyOf(firstChild, nodes),
                java.util.Arrays.copyOf(nextSibling, nodes), java.util.Arrays.copyOf(firstToken, nodes), nextToken,
                nodes);
    }

    /**
     * Decodes every token of {@code tokenizer} (slow for large vocabularies: about a second for 150,000 tokens; do
     * it once, on the model's worker).
     *
     * @param vocab the number of tokens (the model's logits width)
     */
    public static TokenTexts of(Tokenizer tokenizer, int vocab) {
        if (vocab < 1) {
            throw new IllegalArgumentException("vocabulary size must be positive, was " + vocab);
        }
        int[] anchorIds = tokenizer.encode("a", false);
        int anchor = anchorIds.length == 1 ? anchorIds[0] : -1;
        String anchorText = anchor >= 0 ? tokenizer.decode(anchorIds, 0, 1, true) : "";
        String[] texts = new String[vocab];
        int[] pair = {anchor, 0};
        for (int t = 0; t < vocab; t++) {
            pair[1] = t;
            String text;
            try {
                if (anchor >= 0) {
                    String both = tokenizer.decode(pair, 0, 2, true);
                    text = both.startsWith(anchorText) ? both.substring(anchorText.length())
                            : tokenizer.decode(pair, 1, 2, true);
                } else {
                    text = tokenizer.decode(pair, 1, 2, true);
                }
            } catch (RuntimeException e) {
                text = ""; // an id past the tokenizer's vocabulary (padded logits): never allowed under a constraint
            }
            texts[t] = text;
        }
        return new TokenTexts(texts);
    }

    /** @return texts given directly, for tests and custom tokenizers (copied) */
    public static TokenTexts of(String... tokenTexts) {
        return new TokenTexts(tokenTexts.clone());
    }

    /** @return the number of tokens */
    public int size() {
        return texts.length;
    }

    /** @return the text of token {@code id}; empty for special tokens */
    public String text(int id) {
        return texts[id];
    }
}
