/**
 * Language models with streaming output: the {@link io.animata.runtime.text.LanguageModel} interface and its
 * backends (ONNX decoders in the Hugging Face Optimum layout with a KV cache, GGUF models in llama.cpp, OpenAI-compatible
 * servers, a scripted stand-in), the GGUF format (a header checker and a writer), and what they share: {@link io.animata.runtime.text.GenerationRequest},
 * {@link io.animata.runtime.text.SamplingConfig} and the {@link io.animata.runtime.text.Sampler},
 * {@link io.animata.runtime.text.ChatTemplate}s, stop strings across token boundaries, and fitting a conversation
 * into the context.
 *
 * <p>Constrained generation: a {@link io.animata.runtime.text.TextConstraint} (e.g. a
 * {@link io.animata.runtime.text.CharAutomaton}) given with {@link io.animata.runtime.text.GenerationRequest.Builder#optConstraint}
 * limits what a local backend may write; the sampler masks every token whose text the automaton refuses
 * ({@link io.animata.runtime.text.TokenTexts} once per tokenizer, {@link io.animata.runtime.text.TokenMasks} once per
 * constraint state, a {@link io.animata.runtime.text.TokenGuide} per generation). Servers get a
 * {@link io.animata.runtime.text.StructuredReply} through their structured-output option instead.
 *
 * <p>Threading: a model and its generations are stepped by one thread at a time, the AI worker the model is pinned
 * to ({@link io.animata.runtime.TextGenerationQueue}) or a tool's thread. Nothing here touches game state.
 */
package io.animata.runtime.text;
