package io.animata.core.npc;

import com.badlogic.ashley.core.Entity;

/**
 * Hears when an NPC's reply is complete, whether the model gave it or the persona's fallback line stood in. This is
 * where a game applies the reply's action ({@link DialogueComponent#action()}, already checked against the allowed
 * actions) as an event of its own.
 *
 * <p>Threading: called on the game thread, inside {@code Engine.update} (during the frame's
 * {@link io.animata.runtime.AiRuntime#beginFrame}).
 */
@FunctionalInterface
public interface DialogueListener {

    /**
     * @param npc the NPC that spoke
     * @param dialogue its dialogue: {@link DialogueComponent#lastReply()}, {@link DialogueComponent#action()},
     *     {@link DialogueComponent#isFallback()}
     */
    void onReply(Entity npc, DialogueComponent dialogue);
}
