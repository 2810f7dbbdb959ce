package io.animata.core.npc;

import com.badlogic.ashley.core.Entity;

/**
 * Hears when an NPC's reply is complete, whether the model gave it or the persona's fallback line stood in. The
 * reply's action is already validated: {@link DialogueComponent#action()} and {@link DialogueComponent#actionArgs()}
 * hold an accepted one (dispatched just before as an {@link io.animata.core.npc.action.NpcActionEvent}, see
 * {@link DialogueSystem#addActionListener}, which is where a game applies it), and
 * {@link DialogueComponent#actionRejection()} says why a proposed one was refused.
 *
 * <p>Threading: called on the game thread, inside {@code Engine.update} (during the frame's
 * {@link io.animata.runtime.AiRuntime#beginFrame}).
 */
@FunctionalInterface
public interface DialogueListener {

    /**
     * @param npc the NPC that spoke
     * @param dialogue its dialogue: {@link DialogueComponent#lastReply()}, {@link DialogueComponent#action()},
     *     {@link DialogueComponent#actionArgs()}, {@link DialogueComponent#isFallback()}
     */
    void onReply(Entity npc, DialogueComponent dialogue);
}
