package io.animata.runtime.text.embed;

import java.util.List;

/**
 * Turns texts into sentence embeddings: one vector of {@link #dimensions()} floats per text, of unit length, so the
 * cosine similarity of two texts is the dot product of their vectors ({@link Vectors#dot}).
 *
 * <p>Threading: {@link #embed} is slow (a model call) and runs on a worker, one call at a time; {@link #id()} and
 * {@link #dimensions()} may be called from any thread. {@link #close} is idempotent.
 */
public interface Embedder extends AutoCloseable {

    /**
     * @return what makes these vectors comparable: the model and its settings. Vectors saved under another id must
     *     be computed again.
     */
    String id();

    /** @return the length of every vector */
    int dimensions();

    /**
     * Embeds several texts in one model call where the model allows it.
     *
     * @param texts at least one; none null
     * @return one unit-length vector per text, in order (a text with no content gives a zero vector)
     * @throws io.animata.runtime.AnimataException when the model fails or is closed
     */
    float[][] embed(List<String> texts);

    /** Releases the model. Idempotent. */
    @Override
    void close();
}
