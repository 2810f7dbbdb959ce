package io.animata.demo.npc;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueListener;
import io.animata.core.npc.DialogueSystem;
import io.animata.demo.PlayerComponent;
import java.util.List;

/**
 * What NPCs do when a reply ends with an action, the one place of the demo that reads the dialogue's actions (so that
 * it is the one place to adapt when the action format grows arguments): {@code open_door} opens the dungeon's locked
 * door (its wall body is removed), {@code give_item} gives the player what the NPC holds (the door's key if it has
 * it, else a gold coin), {@code follow} makes the NPC a companion that follows the player, {@code stay} makes a
 * companion stay where it is. An action that cannot be carried out (no locked door, nothing left to give) is counted
 * as refused and changes nothing. Fallback lines carry no action.
 *
 * <p>Threading: game thread, inside the engine update (the dialogue system calls {@link #onReply} while the runtime
 * hands over text); opening the door removes a body between physics steps.
 */
public final class NpcActions implements DialogueListener {
    /** The actions the NPCs may take, as the dialogue system's allowed actions. */
    public static final List<String> VERBS = List.of("open_door", "give_item", "follow", "stay");
    /** The item a {@code give_item} hands over when the NPC holds the key. */
    public static final String KEY = "key";
    /** The item a {@code give_item} hands over otherwise. */
    public static final String GOLD = "gold";

    private final DemoNpcs npcs;
    private long applied;
    private long refused;

    NpcActions(DemoNpcs npcs) {
        this.npcs = npcs;
    }

    @Override
    public void onReply(Entity entity, DialogueComponent dialogue) {
        NpcComponent npc = npcs.npcOf(entity);
        if (npc == null || dialogue.isFallback()) {
            return;
        }
        String verb = dialogue.action();
        if (DialogueSystem.NO_ACTION.equals(verb)) {
            return;
        }
        if (apply(npc, verb, itemAsked(dialogue))) {
            applied++;
            npc.actionsTaken++;
        } else {
            refused++;
        }
    }

    /**
     * The item a {@code give_item} names. Today's action line is a bare verb, so the NPC gives what it holds (null);
     * when actions carry arguments, this is where the item is read.
     */
    private static String itemAsked(DialogueComponent dialogue) {
        return null;
    }

    /**
     * Carries out one action of one NPC.
     *
     * @param item the item asked for by a {@code give_item}, or null for whatever the NPC holds
     * @return whether the world changed
     */
    public boolean apply(NpcComponent npc, String verb, String item) {
        PlayerComponent player = npcs.player();
        switch (verb) {
            case "open_door":
                return npcs.door().open();
            case "give_item":
                boolean key = item == null ? npc.hasKey : KEY.equals(item);
                if (key) {
                    if (!npc.hasKey) {
                        return false;
                    }
                    npc.hasKey = false;
                    player.keys++;
                    return true;
                }
                if (npc.coins == 0 || (item != null && !GOLD.equals(item) && !"coin".equals(item))) {
                    return false;
                }
                npc.coins--;
                player.gold++;
                return true;
            case "follow":
                if (npc.following) {
                    return false;
                }
                npc.following = true;
                return true;
            case "stay":
                if (!npc.following) {
                    return false;
                }
                npc.following = false;
                return true;
            default:
                return false;
        }
    }

    /** @return actions carried out */
    public long applied() {
        return applied;
    }

    /** @return actions that could not be carried out (no locked door, nothing to give, already following) */
    public long refused() {
        return refused;
    }
}
