package io.animata.demo.npc;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.math.Vector2;
import io.animata.core.npc.WorldFacts;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerComponent;

/**
 * What an NPC knows of the dungeon when the player speaks to it: where it stands, what it holds, the locked door,
 * the stairs, the player's gold and key, and whether it follows the player. Coordinates are tiles, x to the right and
 * y up from the dungeon's bottom-left corner.
 *
 * <p>Threading: game thread, once per player line (it allocates a little; never per frame).
 */
final class DungeonFacts implements WorldFacts {
    private final DemoNpcs npcs;

    DungeonFacts(DemoNpcs npcs) {
        this.npcs = npcs;
    }

    @Override
    public void describe(Entity entity, StringBuilder out) {
        NpcComponent npc = npcs.npcOf(entity);
        DungeonLevel level = npcs.level();
        if (npc == null || level == null || npc.body == null) {
            return;
        }
        Vector2 at = npc.body.getPosition();
        out.append("You are in dungeon ").append(level.index() + 1).append(", standing at tile (")
                .append((int) at.x).append(", ").append((int) at.y).append(").\n");
        InventoryComponent inventory = entity.getComponent(InventoryComponent.class);
        int coins = 0;
        out.append("You carry ");
        if (inventory != null) {
            for (int i = 0; i < inventory.items.size; i++) {
                String item = inventory.items.get(i);
                if (NpcActions.COIN.equals(item)) {
                    coins++;
                } else if (!npcs.story().tellsOf(entity, npc.personaId, item)) {
                    out.append("the ").append(item.replace('_', ' ')).append(", ");
                }
            }
        }
        out.append(coins).append(coins == 1 ? " gold coin.\n" : " gold coins.\n");
        LockedDoor door = npcs.door();
        if (door.isPresent()) {
            out.append("The door at tile (");
            tile(level, door.cell(), out);
            out.append(door.isLocked() ? ") is locked; treasure lies behind it.\n" : ") is open.\n");
        } else {
            out.append("No door in this dungeon is locked.\n");
        }
        out.append("The stairs down are at tile (");
        tile(level, level.goal(), out);
        out.append(").\n");
        PlayerComponent player = npcs.player();
        out.append("The player has ").append(player.gold).append(player.gold == 1 ? " gold coin" : " gold coins")
                .append(player.keys > 0 ? " and the key" : " and no key");
        if (player.body != null) {
            Vector2 p = player.body.getPosition();
            out.append(", and stands ").append(Math.round(p.dst(at))).append(" m from you");
        }
        out.append(".\n");
        out.append(npc.following ? "You are following the player.\n" : "You stay where you are.\n");
    }

    private static void tile(DungeonLevel level, int cell, StringBuilder out) {
        out.append((int) level.worldX(cell)).append(", ").append((int) level.worldY(cell));
    }
}
