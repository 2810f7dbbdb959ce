package io.animata.core.npc.action;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;

/**
 * The values an action argument may take for one NPC right now, e.g. the items in its inventory. Asked when a
 * player's line is turned into a request (to describe the choices to the model and constrain its decoding) and again
 * when the reply's action is validated.
 *
 * <p>Threading: called on the game thread; it may read the NPC's components.
 */
@FunctionalInterface
public interface ArgValues {

    /**
     * @param npc the NPC
     * @param out where to add the values; empty when called
     */
    void values(Entity npc, Array<String> out);
}
