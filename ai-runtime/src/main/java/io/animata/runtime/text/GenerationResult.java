package io.animata.runtime.text;

/**
 * The outcome of a blocking {@link LanguageModel#generate} call.
 *
 * @param text the whole reply (stop strings excluded)
 * @param finishReason why it ended
 * @param promptTokens tokens in the prompt as the model saw it (0 when the backend cannot tell)
 * @param generatedTokens tokens generated
 * @param firstTextNanos time from the call to the first piece of text (time to first token); -1 when there was none
 * @param totalNanos time of the whole call
 */
public record GenerationResult(String text, FinishReason finishReason, int promptTokens, int generatedTokens,
        long firstTextNanos, long totalNanos) {

    /** @return generated tokens per second over the whole call (0 when nothing was generated) */
    public double tokensPerSecond() {
        return totalNanos <= 0 ? 0 : generatedTokens * 1e9 / totalNanos;
    }
}
