package io.animata.demo.npc;

import io.animata.runtime.AnimataException;
import io.animata.runtime.text.Generation;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.TextSink;

/**
 * The documented fallback when the demo has no dialogue model: every request fails at once with the reason, so the
 * {@link io.animata.core.npc.DialogueSystem} answers with the persona's fallback lines (counted as fallbacks, not as
 * replies) and the game plays on.
 *
 * <p>Threading: immutable; any thread.
 */
final class UnavailableLanguageModel implements LanguageModel {
    private final String why;

    UnavailableLanguageModel(String why) {
        this.why = why;
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String device() {
        return "none";
    }

    @Override
    public int contextLength() {
        return 1;
    }

    @Override
    public Generation start(GenerationRequest request, TextSink sink) {
        throw new AnimataException(why);
    }

    @Override
    public void close() {
        // nothing to free
    }
}
