package io.animata.runtime.text;

/**
 * Turns generated token ids into text as they come, for streaming. Decoding each token alone is wrong for most
 * tokenizers (a leading space belongs to the next word in SentencePiece; a character may span two byte-level
 * tokens), so this decodes a short window of recent tokens twice, with and without the new one, and passes on the
 * difference once it no longer ends in an incomplete character (the method of Hugging Face's text-generation
 * server).
 *
 * <p>Threading: one thread (each generation has its own).
 */
public final class TokenTextStream {
    private final Tokenizer tokenizer;
    private final boolean skipSpecialTokens;
    private int[] ids = new int[64];
    private int count;
    private int prefixOffset;
    private int readOffset;

    /**
     * @param tokenizer the model's tokenizer
     * @param skipSpecialTokens whether special tokens are left out of the text
     */
    public TokenTextStream(Tokenizer tokenizer, boolean skipSpecialTokens) {
        this.tokenizer = tokenizer;
        this.skipSpecialTokens = skipSpecialTokens;
    }

    /**
     * Adds tokens that came before the generated ones (the end of the prompt) without emitting them, so that the
     * first generated token decodes as it would in context (SentencePiece drops a leading space at the start).
     *
     * @param context the prompt's tokens; the last {@code n} of {@code [from, to)} are used (at most 6)
     */
    public void prime(int[] context, int from, int to) {
        int n = Math.min(6, to - from);
        for (int i = to - n; i < to; i++) {
            if (count == ids.length) {
                ids = java.util.Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = context[i];
        }
        prefixOffset = 0;
        readOffset = count;
    }

    /**
     * Adds a generated token.
     *
     * @return the text it completes; empty while a character is still incomplete
     */
    public String next(int id) {
        if (count == ids.length) {
            ids = java.util.Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = id;
        String before = tokenizer.decode(ids, prefixOffset, readOffset, skipSpecialTokens);
        String now = tokenizer.decode(ids, prefixOffset, count, skipSpecialTokens);
        if (now.length() > before.length() && !now.endsWith("\uFFFD") && now.startsWith(before)) {
            prefixOffset = readOffset;
            readOffset = count;
            return now.substring(before.length());
        }
        if (!now.startsWith(before) && !now.endsWith("\uFFFD")) {
            // the window's text changed shape (a decoder's clean-up): restart the window at this token
            prefixOffset = count - 1;
            readOffset = count;
            return tokenizer.decode(ids, count - 1, count, skipSpecialTokens);
        }
        return "";
    }

    /** @return tokens added so far */
    public int size() {
        return count;
    }
}
