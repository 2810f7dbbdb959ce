package io.animata.core.npc.minds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.memory.MemoryStreamComponent;
import io.animata.core.npc.memory.WordHashEmbedder;
import io.animata.core.npc.save.GameSave;
import io.animata.core.npc.story.StorySlice;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.embed.Embedder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's NpcMinds example, as written there (with a stand-in embedder and model). */
class ReadmeNpcMindsExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRunsAndSavesEverything() {
        Engine engine = new Engine();
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build();
        Animata animata = Animata.installOwning(engine, runtime);
        ScriptedLanguageModel model = ScriptedLanguageModel.replying("Welcome to my forge, traveller.");
        try {
            Embedder embedder = new WordHashEmbedder(); // the README: MiniLmEmbedder.load(runtime.sessionConfig())
            ActionDefinition giveItem = ActionDefinition.builder("give_item")
                    .optDescription("hand the player an item you carry")
                    .addArg(ActionArg.inventoryItem("item"))
                    .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
                    .build();
            NpcMinds minds = NpcMinds.builder()
                    .setQueue(runtime.textQueue(model))
                    .optWorldFacts((npc, out) -> out.append("It is night.\n"))
                    .optActions(giveItem, ActionDefinition.of("open_door"), ActionDefinition.of("trade"),
                            ActionDefinition.of("stay"), ActionDefinition.of("attack"), ActionDefinition.of("follow"))
                    .optMemory(runtime.jobs(), embedder)
                    .optLod(8, 10)
                    .install(engine);
            for (String id : List.of("guard", "mira", "tom")) {
                minds.story().cast(id, minds.createNpc(id, Persona.builtIn(id)));
            }
            minds.story().start(StorySlice.builtIn("guards-key"));
            Entity mira = minds.story().castMember("mira");
            minds.memory().event(mira, "A thief stole my best hammer", 9);
            minds.say(mira, "Thank you for the welcome, Mira. Did you lose a hammer?");
            for (int i = 0; i < 60 && (mira.getComponent(MemoryStreamComponent.class).isRecalling()
                    || mira.getComponent(DialogueComponent.class).isBusy()); i++) {
                engine.update(1 / 60f);
            }
            GameSave save = minds.gameSave();
            save.save(dir.resolve("slot1.json"));

            String system = model.prompts().get(0).get(0).content();
            assertTrue(system.contains("It is night.\nYou forged the lock of the vault door"), system);
            assertTrue(system.contains("You have: spare key.\nWhat you want now: Keep the spare key"), system);
            assertTrue(system.contains("What you remember, most relevant first:\n- (just now) A thief stole my best"
                    + " hammer"), system);
            assertTrue(system.contains("- give_item: hand the player an item you carry; \"item\" is one of"
                    + " \"spare_key\"\n  - trade\n  - stay"), system);
            assertTrue(minds.relations().value(mira, "player", "affinity") > 0, "a kind line warms Mira");
            assertEquals("Welcome to my forge, traveller.", mira.getComponent(DialogueComponent.class).lastReply());
            assertEquals(List.of("npc-memory", "relationships", "story"), save.load(dir.resolve("slot1.json"))
                    .loaded());
        } finally {
            animata.dispose();
        }
    }
}
