package io.animata.runtime.text;

import io.animata.runtime.AnimataException;

/**
 * A language-model backend with streaming output: an ONNX decoder on ONNX Runtime ({@link OnnxLanguageModel}), a GGUF
 * model in llama.cpp ({@link LlamaCppModel}), an OpenAI-compatible server ({@link OpenAiCompatibleModel}), or a
 * scripted stand-in for tests ({@link ScriptedLanguageModel}). Games reach it through the AI runtime's
 * {@link io.animata.runtime.TextGenerationQueue}, which decodes every conversation on a worker thread, a few steps
 * per frame, and hands the text to the game thread at the start of a frame; tools may call {@link #generate}.
 *
 * <p>Threading: {@link #start} and the returned {@link Generation}s are used by one thread at a time (the worker
 * the model is pinned to, or a tool's thread); describing methods are thread-safe. {@link #close} frees the model
 * (sessions, natives, HTTP threads), is idempotent, and must not run while a generation is being stepped.
 *
 * <pre>{@code
 * try (LanguageModel model = LanguageModels.open("http://localhost:11434/v1", LanguageModels.options())) {
 *     GenerationResult r = model.generate(GenerationRequest.prompt("Once upon a time").optMaxTokens(40).build(),
 *             text -> System.out.print(text), new Cancellation());
 * }
 * }</pre>
 */
public interface LanguageModel extends AutoCloseable {

    /** @return a short name for logs and metrics */
    String name();

    /** @return where it runs: {@code cpu}, {@code cuda}, {@code server} or {@code java} */
    String device();

    /** @return the most tokens of prompt and reply together the model can attend to */
    int contextLength();

    /**
     * Begins a generation. Cheap for every backend (tokenising, opening a connection); the prompt is read by the
     * first {@link Generation#step()}.
     *
     * @param request what to generate
     * @param sink receives the reply's text during {@link Generation#step()}
     * @return the generation, to step until {@link StepStatus#DONE} and then close
     * @throws AnimataException when the model is closed or the request cannot be run at all
     */
    Generation start(GenerationRequest request, TextSink sink);

    /**
     * Advances several generations of this model by one step each. Backends that can decode a batch in one model
     * call override it; the default steps each in turn. A generation that fails gets its exception in
     * {@code errors} and the status {@link StepStatus#DONE}; the others go on.
     *
     * @param generations generations started by this model, none of them closed
     * @param count how many of the array to step
     * @param statuses receives each generation's step status
     * @param errors receives each generation's failure, or null
     */
    default void stepAll(Generation[] generations, int count, StepStatus[] statuses, RuntimeException[] errors) {
        for (int i = 0; i < count; i++) {
            try {
                statuses[i] = generations[i].step();
                errors[i] = null;
            } catch (RuntimeException e) {
                statuses[i] = StepStatus.DONE;
                errors[i] = e;
            }
        }
    }

    /**
     * Generates a whole reply on the calling thread, streaming it to {@code sink}. For tools and tests; a game uses
     * the runtime's text queue instead.
     *
     * @param cancellation stops the generation between steps; may be null
     * @throws AnimataException when the model or the server fails
     */
    default GenerationResult generate(GenerationRequest request, TextSink sink, Cancellation cancellation) {
        long start = System.nanoTime();
        StringBuilder text = new StringBuilder();
        long[] first = {-1L};
        TextSink both = piece -> {
            if (first[0] < 0) {
                first[0] = System.nanoTime() - start;
            }
            text.append(piece);
            sink.onText(piece);
        };
        Generation g = start(request, both);
        try {
            while (true) {
                if (cancellation != null && cancellation.isCancelled()) {
                    g.close();
                    break;
                }
                StepStatus status = g.step();
                if (status == StepStatus.DONE) {
                    break;
                }
                if (status == StepStatus.WAITING) {
                    g.awaitData(50_000_000L);
                }
            }
            return new GenerationResult(text.toString(), g.finishReason(), g.promptTokens(), g.generatedTokens(),
                    first[0], System.nanoTime() - start);
        } finally {
            g.close();
        }
    }

    /** Frees the model. Idempotent. */
    @Override
    void close();
}
