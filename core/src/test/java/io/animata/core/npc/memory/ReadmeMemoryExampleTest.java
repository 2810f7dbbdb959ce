package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.save.GameSave;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.embed.Embedder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's NPC memory example, as written there (with a stand-in embedder and model). */
class ReadmeMemoryExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRunsAndSaves() {
        double[] gameHours = {8.0};
        Engine engine = new Engine();
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build();
        Animata animata = Animata.installOwning(engine, runtime);
        ScriptedLanguageModel model = ScriptedLanguageModel.replying("Mira at the forge, and a thief took my hammer.");
        try {
            Embedder embedder = new WordHashEmbedder(); // the README: MiniLmEmbedder.load(runtime.sessionConfig())
            MemorySystem memory = MemorySystem.builder()
                    .setJobs(runtime.jobs()).setEmbedder(embedder)
                    .optPlayerName("Alex").optClock(() -> gameHours[0])
                    .build();
            DialogueSystem dialogue = DialogueSystem.builder().setQueue(runtime.textQueue(model))
                    .optWorldFacts(memory.worldFacts((npc, out) -> out.append("It is night.\n")))
                    .build();
            engine.addSystem(dialogue);
            engine.addSystem(memory);

            Entity mira = engine.createEntity();
            mira.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn("mira")));
            mira.add(engine.createComponent(DialogueComponent.class));
            engine.addEntity(mira);
            MemoryStreamComponent mind = engine.createComponent(MemoryStreamComponent.class);
            mind.npcId = "mira";
            mira.add(mind);
            memory.worldKnowledge().add("The guards' password is heron", "guards", memory.hours(), 8);
            memory.event(mira, "A thief stole my best hammer", 9);
            memory.say(mira, "Who makes weapons here?");
            for (int i = 0; i < 40 && (mind.isRecalling() || mira.getComponent(DialogueComponent.class).isBusy()); i++) {
                engine.update(1 / 60f);
            }
            String system = model.prompts().get(0).get(0).content();
            assertTrue(system.contains("It is night.\nWhat you remember, most relevant first:\n"
                    + "- (just now) A thief stole my best hammer"), system);
            assertFalse(system.contains("heron"), "mira is not a guard");
            assertEquals("Mira at the forge, and a thief took my hammer.",
                    mira.getComponent(DialogueComponent.class).lastReply());

            GameSave save = new GameSave().register(MemorySaveSection.KEY, memory.saveSection());
            save.save(dir.resolve("slot1.json"));
            GameSave.LoadReport report = save.load(dir.resolve("slot1.json"));
            assertEquals(java.util.List.of(MemorySaveSection.KEY), report.loaded());
            assertEquals(3, mind.stream().size()); // the event, the player's line, the reply
        } finally {
            animata.dispose();
        }
    }
}
