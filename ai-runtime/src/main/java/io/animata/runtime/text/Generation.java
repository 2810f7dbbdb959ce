package io.animata.runtime.text;

/**
 * One reply being generated, advanced a step at a time so that a worker can interleave many conversations on one
 * model ({@link LanguageModel#stepAll}) and stop any of them between steps. A local model decodes one token per
 * step (the first step reads the whole prompt); a server backend hands over what the server has streamed so far.
 * Text goes to the {@link TextSink} given to {@link LanguageModel#start}, during {@code step}.
 *
 * <p>Threading: one thread at a time (the worker that owns it). {@link #close} frees what the generation holds (a
 * KV cache, an HTTP stream) and is idempotent; closing one that has not finished ends it as
 * {@link FinishReason#CANCELLED}.
 */
public interface Generation extends AutoCloseable {

    /**
     * Advances the generation.
     *
     * @return {@link StepStatus#DONE} once it has ended (and on every later call)
     * @throws io.animata.runtime.AnimataException when the model or the server fails; the generation is then over
     */
    StepStatus step();

    /** @return why the generation ended, or null while it runs */
    FinishReason finishReason();

    /** @return tokens in the prompt as the model saw it (after fitting it into the context); 0 when unknown */
    int promptTokens();

    /** @return tokens generated so far (for a server: as it reports them, or pieces received) */
    int generatedTokens();

    /**
     * Waits until this generation may make progress (a server sent data or a retry is due), or the timeout passes.
     * Local models never wait: the default returns at once.
     *
     * @param timeoutNanos the longest wait
     */
    default void awaitData(long timeoutNanos) {
    }

    /** Ends the generation (as cancelled if it was still running) and frees what it holds. Idempotent. */
    @Override
    void close();
}
