package io.animata.runtime.text;

/** Who speaks a {@link ChatMessage}. */
public enum ChatRole {
    /** Instructions and background the model follows (persona, rules, world facts). */
    SYSTEM,
    /** The other party: the player, in a game. */
    USER,
    /** The model's own earlier replies. */
    ASSISTANT
}
