package io.animata.demo.npc;

import com.badlogic.ashley.core.EntitySystem;

/**
 * Visitors that keep every NPC talking (the benchmark of many conversations at once): an NPC that is silent, not in a
 * conversation with the player, and done speaking for {@value #PAUSE_FRAMES} frames is asked the next line of
 * {@link NpcScript}. On only with {@link NpcSettings#chatter()} ({@link #setProcessing}).
 *
 * <p>Threading: game thread; a line costs what {@link io.animata.core.npc.DialogueSystem#say} costs, other frames
 * allocate nothing.
 */
public final class Chatter extends EntitySystem {
    /** Frames an NPC rests between a reply and the next line (half a second: the reply is read). */
    public static final int PAUSE_FRAMES = 30;

    private final DemoNpcs npcs;
    private int[] quiet = new int[0];
    private long linesSaid;

    Chatter(int priority, DemoNpcs npcs) {
        super(priority);
        this.npcs = npcs;
    }

    @Override
    public void update(float deltaTime) {
        if (quiet.length < npcs.count()) {
            quiet = new int[Math.max(npcs.count(), 2 * quiet.length)];
        }
        for (int i = 0; i < npcs.count(); i++) {
            NpcComponent npc = npcs.npc(i);
            if (npc.talkingWithPlayer || npcs.dialogue(i).isBusy()) {
                quiet[i] = 0;
                continue;
            }
            // the first line goes out at once, later ones after a pause
            if (npcs.dialogue(i).replies() == 0 || ++quiet[i] >= PAUSE_FRAMES) {
                quiet[i] = 0;
                npcs.dialogueSystem().say(npcs.entity(i), NpcScript.line(npc.index + (int) linesSaid));
                linesSaid++;
            }
        }
    }

    /** @return lines the visitors said */
    public long linesSaid() {
        return linesSaid;
    }
}
