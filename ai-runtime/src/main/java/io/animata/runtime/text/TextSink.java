package io.animata.runtime.text;

/**
 * Receives generated text as it is decoded, a piece at a time (a token's worth, or what a server sent).
 *
 * <p>Threading: called on the thread that steps the {@link Generation} (an AI worker, or the caller of
 * {@link LanguageModel#generate}). The {@code text} may be a view into a buffer that is reused after the call:
 * copy it (append it to a builder) rather than keep it.
 */
@FunctionalInterface
public interface TextSink {

    /** @param text the next piece of the reply, never empty */
    void onText(CharSequence text);

    /** A sink that drops everything. */
    TextSink NONE = text -> { };
}
