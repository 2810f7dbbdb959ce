package io.animata.runtime.text;

/**
 * The text each token of a vocabulary adds when it follows ordinary text, computed once per tokenizer so that a
 * {@link TextConstraint} can be checked against every candidate token cheaply. A token's text is what decoding
 * {@code [anchor, token]} adds to decoding {@code [anchor]}, which keeps the leading space of SentencePiece word
 * pieces; special tokens (end of turn, chat markers) have the empty text.
 *
 * <p>Immutable and thread-safe once made.
 */
public final class TokenTexts {
    private final String[] texts;

    private TokenTexts(String[] texts) {
        this.texts = texts;
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
