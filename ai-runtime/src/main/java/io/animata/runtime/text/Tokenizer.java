package io.animata.runtime.text;

/**
 * Turns text into a model's token ids and back.
 *
 * <p>Threading: implementations are used by one thread at a time (a model's worker); {@link #close} frees native
 * resources and is idempotent.
 */
public interface Tokenizer extends AutoCloseable {

    /**
     * @param text the text
     * @param addSpecialTokens whether the tokenizer's post-processor adds its special tokens (a BOS token); false
     *     for prompts rendered by a chat template, which writes them itself
     * @return the token ids
     */
    int[] encode(String text, boolean addSpecialTokens);

    /**
     * @param ids token ids
     * @param from the first id to decode
     * @param to one past the last
     * @param skipSpecialTokens whether special tokens are left out of the text
     * @return the text
     */
    String decode(int[] ids, int from, int to, boolean skipSpecialTokens);

    /** @return the id of {@code token} when it is exactly one token (a special token such as {@code <|im_end|>}), else -1 */
    default int tokenId(String token) {
        int[] ids = encode(token, false);
        return ids.length == 1 ? ids[0] : -1;
    }

    /** Frees the tokenizer. Idempotent. */
    @Override
    void close();
}
