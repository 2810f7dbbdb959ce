package io.animata.core.npc.memory;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.WorldFacts;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.embed.Embedder;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A lockstep engine with Animata, a DialogueSystem on a scripted model, a MemorySystem, and NPCs. */
final class MindFixture implements AutoCloseable {
    static final float DELTA = 1f / 60f;

    final Engine engine = new Engine();
    final AiRuntime runtime;
    final Animata animata;
    final ScriptedLanguageModel model;
    final DialogueSystem dialogue;
    final MemorySystem memory;
    final double[] clock = {100.0};

    MindFixture(ScriptedLanguageModel model, Embedder embedder, UnaryOperator<MemorySystem.Builder> settings) {
        this.model = model;
        runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optLockstepTimeout(Duration.ofSeconds(30)).build();
        animata = Animata.installOwning(engine, runtime);
        MemorySystem.Builder b = MemorySystem.builder().setJobs(runtime.jobs()).setEmbedder(embedder)
                .optClock(() -> clock[0]).optPlayerName("Alex");
        memory = settings.apply(b).build();
        WorldFacts game = (npc, out) -> out.append("It is evening.\n");
        dialogue = DialogueSystem.builder().setQueue(runtime.textQueue(model)).optWorldFacts(memory.worldFacts(game))
                .build();
        engine.addSystem(dialogue);
        engine.addSystem(memory);
    }

    MindFixture(ScriptedLanguageModel model, Embedder embedder) {
        this(model, embedder, b -> b);
    }

    Entity npc(String persona) {
        Entity e = engine.createEntity();
        e.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn(persona)));
        DialogueComponent d = engine.createComponent(DialogueComponent.class);
        d.sampling = SamplingConfig.GREEDY;
        e.add(d);
        e.add(engine.createComponent(MemoryComponent.class));
        MemoryStreamComponent mind = engine.createComponent(MemoryStreamComponent.class);
        mind.npcId = persona;
        e.add(mind);
        engine.addEntity(e);
        return e;
    }

    static MemoryStreamComponent mind(Entity npc) {
        return npc.getComponent(MemoryStreamComponent.class);
    }

    void update() {
        engine.update(DELTA);
    }

    /** Runs frames until the NPC has recalled and replied (at most {@code limit}). */
    int untilReplied(Entity npc, int limit) {
        int frames = 0;
        do {
            update();
            frames++;
        } while ((mind(npc).isRecalling() || npc.getComponent(DialogueComponent.class).isBusy()) && frames < limit);
        return frames;
    }

    /** Runs frames until every memory has its embedding and no reflection is being written (at most {@code limit}). */
    void settle(Entity npc, int limit) {
        for (int i = 0; i < limit && (mind(npc).stream().unembeddedCount() > 0 || mind(npc).isReflecting()
                || memory.worldKnowledgeUnembedded() > 0); i++) {
            update();
        }
    }

    @Override
    public void close() {
        animata.dispose();
    }
}
