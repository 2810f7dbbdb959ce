package io.animata.runtime;

/**
 * The one exception Animata throws for failures a person can act on: a missing or corrupt model file, an input
 * whose name or shape does not match the model, a model that produced non-finite numbers, an engine failure.
 * Messages name the file, model, input and shapes involved. Engine exceptions (ONNX Runtime, I/O) are wrapped as
 * the cause.
 *
 * <p>Unchecked, so that game code is not forced to catch on every call; methods that can throw it say so.
 */
public class AnimataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    public AnimataException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause the engine or I/O failure behind it
     */
    public AnimataException(String message, Throwable cause) {
        super(message, cause);
    }
}
