package io.animata.core.npc;

/** What an NPC is doing in a conversation; for animations and speech bubbles. */
public enum DialogueState {
    /** Not talking: waiting for the player. */
    IDLE,
    /** A player's line was heard; the reply has not begun (show that the NPC is thinking). */
    THINKING,
    /** The reply is arriving, a few words per frame. */
    SPEAKING
}
