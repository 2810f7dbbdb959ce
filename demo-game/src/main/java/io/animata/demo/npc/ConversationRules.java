package io.animata.demo.npc;

import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.gdx.math.Vector2;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerComponent;

/**
 * The rules around conversations, after the dialogue system: a player who walks more than {@value #LEAVE_DISTANCE} m
 * away from an NPC it is talking to cancels the reply ({@link io.animata.core.npc.DialogueSystem#cancel}), and a
 * player who holds a key and walks up to the locked door opens it (the key is used up).
 *
 * <p>Threading: game thread; allocation-free.
 */
public final class ConversationRules extends EntitySystem {
    /** Walking this far from an NPC (metres between centres) ends the conversation. */
    public static final float LEAVE_DISTANCE = 3.5f;
    /** A player with a key opens the locked door from this close, metres from the tile's centre. */
    public static final float KEY_REACH = 1.1f;

    private final DemoNpcs npcs;
    private long walkedAway;

    ConversationRules(int priority, DemoNpcs npcs) {
        super(priority);
        this.npcs = npcs;
    }

    @Override
    public void update(float deltaTime) {
        PlayerComponent player = npcs.player();
        if (player.body == null) {
            return;
        }
        Vector2 p = player.body.getPosition();
        for (int i = 0; i < npcs.count(); i++) {
            NpcComponent npc = npcs.npc(i);
            if (!npc.talkingWithPlayer || npc.body == null) {
                continue;
            }
            if (!npcs.dialogue(i).isBusy()) {
                npc.talkingWithPlayer = false; // the reply is over
            } else if (npc.body.getPosition().dst2(p) > LEAVE_DISTANCE * LEAVE_DISTANCE) {
                npcs.dialogueSystem().cancel(npcs.entity(i));
                npc.talkingWithPlayer = false;
                walkedAway++;
            }
        }
        LockedDoor door = npcs.door();
        DungeonLevel level = npcs.level();
        if (player.keys > 0 && door.isLocked()) {
            float dx = level.worldX(door.cell()) - p.x;
            float dy = level.worldY(door.cell()) - p.y;
            if (dx * dx + dy * dy < KEY_REACH * KEY_REACH && door.open()) {
                player.keys--;
            }
        }
    }

    /** @return conversations the player walked away from */
    public long walkedAway() {
        return walkedAway;
    }
}
