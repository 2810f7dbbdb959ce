package io.animata.core.npc.memory;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.lod.CheapMemory;
import io.animata.core.npc.lod.ThinkingLodSystem;

/**
 * The {@link CheapMemory} of a {@link MemorySystem} ({@link MemorySystem#heardMemory()}): each event a far NPC with a
 * {@link MemoryStreamComponent} hears of becomes an observation in its stream ("Heard that the player attacked Captain
 * Hale."), worded by the engine's {@link ThinkingLodSystem#tell}, scored by the cheap importance rules, and embedded
 * on the job worker later (when the NPC comes near, or in the background). When the player talks to the NPC, its
 * {@link MemorySystem} recalls these memories like any other. NPCs without a {@link MemoryStreamComponent} are
 * skipped.
 *
 * <pre>{@code
 * ThinkingLodSystem lod = ThinkingLodSystem.builder().optRelations(relations)
 *         .optCheapMemory(memory.heardMemory()).build();
 * }</pre>
 *
 * <p>Threading: game thread, from {@link ThinkingLodSystem#update}. A heard event allocates its memory (text, object);
 * frames in which nobody hears anything allocate nothing.
 */
public final class HeardMemory implements CheapMemory {
    private final MemorySystem memory;
    private final StringBuilder text = new StringBuilder(96);
    private ThinkingLodSystem lod;

    HeardMemory(MemorySystem memory) {
        this.memory = memory;
    }

    @Override
    public void noteFar(Entity npc, String actor, String verb, String victim, double time) {
        if (npc.getComponent(MemoryStreamComponent.class) == null) {
            return;
        }
        text.setLength(0);
        text.append("Heard that ");
        ThinkingLodSystem teller = teller();
        if (teller != null) {
            teller.tell(npc, actor, verb, victim, text);
        } else {
            text.append(actor).append(" did '").append(verb.replace('_', ' ')).append('\'');
            if (victim != null) {
                text.append(" to ").append(victim);
            }
        }
        text.append('.');
        memory.hear(npc, text.toString());
    }

    private ThinkingLodSystem teller() {
        if (lod == null) {
            Engine engine = memory.getEngine();
            lod = engine == null ? null : engine.getSystem(ThinkingLodSystem.class);
        }
        return lod;
    }
}
