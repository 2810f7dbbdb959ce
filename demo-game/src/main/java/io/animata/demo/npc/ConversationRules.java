package io.animata.demo.npc;

import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.gdx.math.Vector2;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerComponent;

/**
 * The rules around conversations, after the dialogue system: a player who walks more than {@value #LEAVE_DISTANCE} m
 * away from an NPC it is talking to cancels the reply ({@link io.animata.core.npc.DialogueSystem#cancel}), a
 * player who holds a key and walks up to the locked door opens it (the key is used up: the story's peaceful way),
 * and a player without one who keeps walking into the door for {@value #FORCE_SECONDS} s breaks it open (the story's
 * way by force).
 *
 * <p>Threading: game thread; allocation-free.
 */
public final class ConversationRules extends EntitySystem {
    /** Walking this far from an NPC (metres between centres) ends the conversation. */
    public static final float LEAVE_DISTANCE = 3.5f;
    /** A player with a key opens the locked door from this close, metres from the tile's centre. */
    public static final float KEY_REACH = 1.1f;

    /** Seconds of walking into the locked door, without a key, that break it open. */
    public static final float FORCE_SECONDS = 2f;

    private final DemoNpcs npcs;
    private long walkedAway;
    private long doorsForced;
    private float pushed;

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
        if (!door.isLocked()) {
            pushed = 0f;
            return;
        }
        float dx = level.worldX(door.cell()) - p.x;
        float dy = level.worldY(door.cell()) - p.y;
        boolean atDoor = dx * dx + dy * dy < KEY_REACH * KEY_REACH;
        if (player.keys > 0 && atDoor && door.open()) {
            player.keys--;
            pushed = 0f;
            npcs.story().doorOpened();
            return;
        }
        // no key: pushing against the door (walking into it) for FORCE_SECONDS breaks it open
        float along = player.wanted.x * dx + player.wanted.y * dy;
        boolean pushing = atDoor && along > 0.5f * (float) Math.sqrt(dx * dx + dy * dy);
        pushed = pushing ? pushed + deltaTime : 0f;
        if (pushed >= FORCE_SECONDS && door.open()) {
            pushed = 0f;
            doorsForced++;
            npcs.story().doorForced();
        }
    }

    /** @return doors the player broke open */
    public long doorsForced() {
        return doorsForced;
    }

    /** @return conversations the player walked away from */
    public long walkedAway() {
        return walkedAway;
    }
}
