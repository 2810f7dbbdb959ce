package io.animata.demo.npc;

import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.signals.Listener;
import com.badlogic.ashley.signals.Signal;
import com.badlogic.gdx.math.Vector2;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueListener;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionRules;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.NpcAction;
import io.animata.core.npc.action.NpcActionEvent;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerComponent;
import java.util.List;

/**
 * The demo's NPC actions, the one place that defines and applies them. The verbs are core
 * {@link ActionDefinition}s whose preconditions read the dungeon, so the dialogue system refuses (in character, in the
 * speech bubble) what cannot happen here:
 * <ul>
 *   <li>{@code give_item(item)}: the item must be in the NPC's {@link InventoryComponent} (a key, a coin) and the
 *       player within {@value #HAND_REACH} m; the item goes to the player (a key into the player's keys, a coin into
 *       the player's gold).</li>
 *   <li>{@code open_door}: the dungeon's door must be locked and within {@value #DOOR_REACH} m of the NPC or the
 *       player; the door opens.</li>
 *   <li>{@code follow}: the player within {@value #HAND_REACH} m and the NPC not following yet; it becomes a
 *       companion.</li>
 *   <li>{@code stay}: the NPC must be following; it stays where it is.</li>
 * </ul>
 * Which NPC may use which verb is its {@link io.animata.core.npc.action.ActionsComponent} (from the story slice).
 * An accepted action arrives once as an {@link NpcActionEvent} and is applied here; a refused one never arrives (the
 * dialogue system logs it and the NPC says its refusal line), and is counted through {@link #onReply}.
 *
 * <p>Threading: game thread, inside the engine update (the dialogue system validates and dispatches while the runtime
 * hands over text); opening the door removes a body between physics steps.
 */
public final class NpcActions implements Listener<NpcActionEvent>, DialogueListener {
    /** The item that opens the locked door (the guard's). */
    public static final String KEY = "key";
    /** The slice's second key to the door (Mira's). */
    public static final String SPARE_KEY = "spare_key";
    /** A gold coin. */
    public static final String COIN = "coin";
    /** An NPC hands things over, and starts to follow, when the player is this close, metres between centres. */
    public static final float HAND_REACH = ConversationRules.LEAVE_DISTANCE;
    /** An NPC opens the door when it or the player is this close to the door tile's centre, metres. */
    public static final float DOOR_REACH = 2.5f;

    private final DemoNpcs npcs;
    private final ActionRules rules;
    private final Vector2 doorAt = new Vector2();
    private long applied;
    private long refused;

    NpcActions(DemoNpcs npcs) {
        this.npcs = npcs;
        this.rules = ActionRules.of(
                ActionDefinition.builder("give_item").optDescription("hand the player an item you carry")
                        .addArg(ActionArg.inventoryItem("item"))
                        .addPrecondition("the NPC has the item",
                                (npc, a) -> InventoryComponent.has(npc, a.text("item")))
                        .addPrecondition("the player is within reach", (npc, a) -> playerWithin(npc, HAND_REACH))
                        .build(),
                ActionDefinition.builder("open_door").optDescription("unlock and open the locked door")
                        .addPrecondition("the dungeon's door is locked", (npc, a) -> npcs.door() != null
                                && npcs.door().isPresent() && npcs.door().isLocked())
                        .addPrecondition("the door is within reach of the NPC or the player",
                                (npc, a) -> doorInReach(npc))
                        .build(),
                ActionDefinition.builder("follow").optDescription("walk with the player")
                        .addPrecondition("the NPC is not following yet", (npc, a) -> !npcOf(npc).following)
                        .addPrecondition("the player is near", (npc, a) -> playerWithin(npc, HAND_REACH))
                        .build(),
                ActionDefinition.builder("stay").optDescription("stop following the player and stay here")
                        .addPrecondition("the NPC is following the player", (npc, a) -> npcOf(npc).following)
                        .build());
    }

    /** @return the verbs with their arguments and preconditions, for the dialogue system */
    public ActionRules rules() {
        return rules;
    }

    /** @return the verbs of the demo */
    public List<String> verbs() {
        return rules.verbs();
    }

    /** Applies an accepted action: the dialogue system has checked the allow-list, the arguments and preconditions. */
    @Override
    public void receive(Signal<NpcActionEvent> signal, NpcActionEvent event) {
        NpcComponent npc = npcs.npcOf(event.npc());
        if (npc == null) {
            return; // not one of the dungeon's people
        }
        if (apply(event.npc(), npc, event.action())) {
            applied++;
            npc.actionsTaken++;
        }
    }

    /**
     * Carries the action out in the dungeon, then tells the story: the game's effect comes first (the item leaves
     * the NPC's inventory before the story moves the slice's items itself), and only actions that happened count.
     */
    private boolean apply(Entity entity, NpcComponent npc, NpcAction action) {
        if (!carryOut(entity, npc, action)) {
            return false;
        }
        DemoStory story = npcs.story();
        story.acted(entity, npc.personaId, action);
        if ("open_door".equals(action.verb())) {
            story.doorOpened();
        } else if ("give_item".equals(action.verb())) {
            String item = action.text("item");
            if (KEY.equals(item) || SPARE_KEY.equals(item)) {
                story.itemToPlayer(item);
            }
        }
        return true;
    }

    private boolean carryOut(Entity entity, NpcComponent npc, NpcAction action) {
        switch (action.verb()) {
            case "open_door":
                return npcs.door().open();
            case "give_item":
                String item = action.text("item");
                InventoryComponent inventory = entity.getComponent(InventoryComponent.class);
                if (inventory == null || !inventory.items.removeValue(item, false)) {
                    return false;
                }
                PlayerComponent player = npcs.player();
                if (COIN.equals(item)) {
                    player.gold++;
                } else if (KEY.equals(item) || SPARE_KEY.equals(item)) {
                    player.keys++;
                }
                return true;
            case "follow":
                npc.following = true;
                return true;
            case "stay":
                npc.following = false;
                return true;
            default:
                return false;
        }
    }

    /** Counts the refused actions (the reply became the persona's refusal line). */
    @Override
    public void onReply(Entity npc, DialogueComponent dialogue) {
        if (dialogue.actionRejection() != null && npcs.npcOf(npc) != null) {
            refused++;
        }
    }

    private NpcComponent npcOf(Entity e) {
        return npcs.npcOf(e);
    }

    private boolean playerWithin(Entity e, float reach) {
        PlayerComponent player = npcs.player();
        NpcComponent npc = npcOf(e);
        if (player.body == null || npc == null || npc.body == null) {
            return false;
        }
        return npc.body.getPosition().dst2(player.body.getPosition()) <= reach * reach;
    }

    private boolean doorInReach(Entity e) {
        LockedDoor door = npcs.door();
        DungeonLevel level = npcs.level();
        NpcComponent npc = npcOf(e);
        if (door == null || !door.isPresent() || level == null) {
            return false;
        }
        doorAt.set(level.worldX(door.cell()), level.worldY(door.cell()));
        PlayerComponent player = npcs.player();
        return npc != null && npc.body != null && npc.body.getPosition().dst2(doorAt) <= DOOR_REACH * DOOR_REACH
                || player.body != null && player.body.getPosition().dst2(doorAt) <= DOOR_REACH * DOOR_REACH;
    }

    /** @return actions carried out */
    public long applied() {
        return applied;
    }

    /** @return actions the NPCs proposed that were refused (not allowed to them, or a precondition failed) */
    public long refused() {
        return refused;
    }
}
