package io.animata.core.npc.action;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * The verbs one NPC may act out (its allow-list), a subset of the verbs its {@link io.animata.core.npc.DialogueSystem}
 * knows. Without this component an NPC may use every verb the system knows; with it, only these (an empty list: none).
 * The list comes from the game (a story slice, the NPC's role), never from what a player says.
 *
 * <p>Data only. Threading: game thread.
 */
public final class ActionsComponent implements Component, Poolable {
    /** The allowed verbs, e.g. "open_door", "follow". */
    public final Array<String> allowed = new Array<>(true, 4);

    /**
     * Replaces the allowed verbs.
     *
     * @return this component
     */
    public ActionsComponent allow(String... verbs) {
        allowed.clear();
        allowed.addAll(verbs);
        return this;
    }

    @Override
    public void reset() {
        allowed.clear();
    }

    @Override
    public String toString() {
        return "ActionsComponent" + allowed;
    }
}
