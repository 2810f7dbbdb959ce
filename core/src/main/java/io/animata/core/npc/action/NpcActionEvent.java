package io.animata.core.npc.action;

import com.badlogic.ashley.core.Entity;

/**
 * An accepted NPC action, dispatched once to {@link io.animata.core.npc.DialogueSystem#addActionListener} listeners
 * after it passed {@link ActionRules#validate}: the game applies it (opens the door, moves the item). One instance is
 * reused for every dispatch: read it during the call, copy what you keep.
 *
 * <p>Threading: dispatched on the game thread, inside {@code Engine.update}.
 */
public final class NpcActionEvent {
    Entity npc;
    NpcAction action;

    /** @return the NPC that acts */
    public Entity npc() {
        return npc;
    }

    /** @return the action (immutable; safe to keep) */
    public NpcAction action() {
        return action;
    }

    /** @return the action's verb */
    public String verb() {
        return action.verb();
    }

    /** Fills the event before a dispatch; for the system that dispatches it. */
    public NpcActionEvent set(Entity who, NpcAction what) {
        this.npc = who;
        this.action = what;
        return this;
    }

    @Override
    public String toString() {
        return "NpcActionEvent[" + npc + ", " + action + "]";
    }
}
