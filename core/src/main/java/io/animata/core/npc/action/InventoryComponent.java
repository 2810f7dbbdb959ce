package io.animata.core.npc.action;

import com.badlogic.ashley.core.Component;
import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * The items an NPC carries, by name. Actions that hand something over ({@link ActionArg#inventoryItem}) may only name
 * these, both in what the model is allowed to write and in validation. A game with its own inventory passes its own
 * {@link ArgValues} instead.
 *
 * <p>Data only. Threading: game thread.
 */
public final class InventoryComponent implements Component, Poolable {
    /** The values of {@link ActionArg#inventoryItem}: the items of the NPC's inventory, none without one. */
    public static final ArgValues ITEMS = (npc, out) -> {
        InventoryComponent inventory = npc.getComponent(InventoryComponent.class);
        if (inventory != null) {
            out.addAll(inventory.items);
        }
    };

    /** The items' names, e.g. "key", "bread". */
    public final Array<String> items = new Array<>(true, 4);

    /** @return whether the NPC {@code npc} has {@code item} */
    public static boolean has(Entity npc, String item) {
        InventoryComponent inventory = npc.getComponent(InventoryComponent.class);
        return inventory != null && inventory.items.contains(item, false);
    }

    @Override
    public void reset() {
        items.clear();
    }

    @Override
    public String toString() {
        return "InventoryComponent" + items;
    }
}
