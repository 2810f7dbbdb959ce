package io.animata.core.npc.corpus;

import java.util.List;

/**
 * One conversation of the corpus as the model reads it: the chat-template text cut into spans, in order; the model
 * learns to write the spans marked {@code reply} (the NPC's replies with the end-of-turn marker) and only reads the
 * others (the prompts). Concatenated, the spans are the text the game's prompt code and chat template make for the
 * conversation's last line followed by the last reply.
 *
 * @param spans the text, in order
 */
public record TrainingText(List<Span> spans) {
    /** Copies the list. */
    public TrainingText {
        spans = List.copyOf(spans);
    }

    /**
     * A piece of the text.
     *
     * @param text the characters
     * @param reply whether it is something the NPC says (trained on) rather than prompt (read only)
     */
    public record Span(String text, boolean reply) {
    }

    /** @return the whole text */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }
}
