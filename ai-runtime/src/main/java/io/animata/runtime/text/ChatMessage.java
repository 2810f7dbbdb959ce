package io.animata.runtime.text;

import java.util.Objects;

/**
 * One message of a conversation, as chat-tuned language models are prompted: a role and its text. A
 * {@link ChatTemplate} renders a list of them into the prompt format the model was trained on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param role who speaks
 * @param content what is said; never null
 */
public record ChatMessage(ChatRole role, String content) {

    /** Validates the arguments. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** @return a system message (instructions, persona, facts) */
    public static ChatMessage system(String content) {
        return new ChatMessage(ChatRole.SYSTEM, content);
    }

    /** @return a user message (the player's line) */
    public static ChatMessage user(String content) {
        return new ChatMessage(ChatRole.USER, content);
    }

    /** @return an assistant message (an earlier reply of the model) */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(ChatRole.ASSISTANT, content);
    }
}
