package io.animata.core.npc;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.SamplingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An engine with Animata installed, a DialogueSystem on a given model, and NPC entities. */
final class NpcFixture implements AutoCloseable {
    static final float DELTA = 1f / 60f;

    final Engine engine = new Engine();
    final AiRuntime runtime;
    final Animata animata;
    final DialogueSystem dialogue;
    final List<String> replies = new ArrayList<>();

    NpcFixture(RunMode mode, LanguageModel model, TextQueueOptions options, DialogueSystem.Builder settings) {
        runtime = AiRuntime.builder().setMode(mode).optLockstepTimeout(Duration.ofSeconds(20)).build();
        animata = Animata.installOwning(engine, runtime);
        dialogue = settings.setQueue(runtime.textQueue(model, options)).build();
        dialogue.addListener((npc, d) -> replies.add(d.lastReply() + (d.isFallback() ? " [fallback]" : "")
                + (d.action().equals(DialogueSystem.NO_ACTION) ? "" : " [" + d.action() + "]")));
        engine.addSystem(dialogue);
    }

    NpcFixture(RunMode mode, LanguageModel model) {
        this(mode, model, TextQueueOptions.DEFAULT.withStepsPerFrame(2), DialogueSystem.builder());
    }

    Entity npc(String persona, boolean memory) {
        Entity e = engine.createEntity();
        e.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn(persona)));
        DialogueComponent d = engine.createComponent(DialogueComponent.class);
        d.sampling = SamplingConfig.GREEDY;
        e.add(d);
        if (memory) {
            e.add(engine.createComponent(MemoryComponent.class));
        }
        engine.addEntity(e);
        return e;
    }

    static DialogueComponent dialogue(Entity npc) {
        return npc.getComponent(DialogueComponent.class);
    }

    void update() {
        engine.update(DELTA);
    }

    /** Runs frames until the NPC is idle again (at most {@code limit}); returns the frames run. */
    int untilIdle(Entity npc, int limit) {
        int frames = 0;
        do {
            update();
            frames++;
        } while (dialogue(npc).isBusy() && frames < limit);
        return frames;
    }

    @Override
    public void close() {
        animata.dispose();
    }
}
