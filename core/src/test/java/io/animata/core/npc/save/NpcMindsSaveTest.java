package io.animata.core.npc.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.lod.ThinkingLodComponent;
import io.animata.core.npc.memory.MemoryStream;
import io.animata.core.npc.memory.MemoryStreamComponent;
import io.animata.core.npc.memory.WordHashEmbedder;
import io.animata.core.npc.minds.NpcMinds;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.story.StoryReport;
import io.animata.core.npc.story.StorySlice;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NPC minds as one whole across a save: a world with memories (some heard by a far NPC), relationships and the
 * shipped story half-way is saved in one document; a fresh engine loads it and continues to the same state; and a
 * write that crashes half-way leaves the previous save loadable.
 */
class NpcMindsSaveTest {
    @TempDir
    Path dir;

    /** The rule-driven model of the playthrough: it does what the story's goal in its prompt says. */
    private static String reply(GenerationRequest request) {
        String system = request.messages().get(0).content();
        if (system.contains("give them the spare key")) {
            return "You have earned it.\nACTION: {\"action\": \"give_item\", \"item\": \"spare_key\"}";
        }
        if (system.contains("open the door for them")) {
            return "Go on through.\nACTION: {\"action\": \"open_door\"}";
        }
        return "Hm. We will see.";
    }

    /** One running game: an engine, the runtime, the minds and the demo's cast of the shipped slice. */
    private static final class Game implements AutoCloseable {
        final Engine engine = new Engine();
        final Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.LOCKSTEP)
                .optLockstepTimeout(Duration.ofSeconds(20)).build());
        final NpcMinds minds;
        final Entity guard;
        final Entity mira;
        final Entity tom;
        final List<StoryReport> ends = new ArrayList<>();

        Game() {
            ActionDefinition give = ActionDefinition.builder("give_item").addArg(ActionArg.inventoryItem("item"))
                    .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
                    .build();
            minds = NpcMinds.builder()
                    .setQueue(animata.runtime().textQueue(ScriptedLanguageModel.builder()
                            .setReplies(NpcMindsSaveTest::reply).build()))
                    .optActions(give, ActionDefinition.of("open_door"), ActionDefinition.of("trade"),
                            ActionDefinition.of("stay"), ActionDefinition.of("attack"), ActionDefinition.of("follow"))
                    .optMemory(animata.runtime().jobs(), new WordHashEmbedder())
                    .optLod(8, 10)
                    .install(engine);
            guard = npc("guard", 0);
            mira = npc("mira", 2);
            tom = npc("tom", 100); // far from the player, at the other end of the hall
            minds.story().addListener((s, report) -> ends.add(report));
            minds.lod().setPlayer(0, 0);
        }

        private Entity npc(String id, float x) {
            Entity e = minds.createNpc(id, Persona.builtIn(id));
            e.getComponent(DialogueComponent.class).sampling = SamplingConfig.GREEDY;
            e.getComponent(ThinkingLodComponent.class).at(x, 0);
            minds.story().cast(id, e);
            return e;
        }

        void frames(int n) {
            for (int i = 0; i < n; i++) {
                engine.update(1f / 60);
            }
        }

        void say(Entity npc, String line) {
            minds.say(npc, line);
            for (int f = 0; npc.getComponent(MemoryStreamComponent.class).isRecalling()
                    || npc.getComponent(DialogueComponent.class).isBusy(); f++) {
                assertTrue(f < 300, "no reply within 300 frames");
                engine.update(1f / 60);
            }
        }

        /** The game's door: it opens for a player who holds a key. */
        void playerTriesTheDoor() {
            if (minds.story().world().holds("player", "spare_key")) {
                minds.story().world().setFlag("door_open", true);
            }
            frames(1);
        }

        /** Everything the save holds, as the sections write it (the memory section includes every embedding). */
        String state() {
            GameSave save = minds.gameSave();
            JsonNode sections = save.snapshot().get("sections");
            return sections.toString();
        }

        @Override
        public void close() {
            animata.dispose();
        }
    }

    private static List<String> texts(Entity npc) {
        List<String> out = new ArrayList<>();
        MemoryStream s = npc.getComponent(MemoryStreamComponent.class).stream();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.get(i).text());
        }
        return out;
    }

    private static List<String> strings(com.badlogic.gdx.utils.Array<String> a) {
        List<String> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    /** Plays the slice half-way: Mira warms to the player and gives the spare key; the door is still shut. */
    private static void halfWay(Game g) {
        g.minds.story().start(StorySlice.builtIn("guards-key"));
        g.frames(2);
        g.minds.memory().event(g.mira, "The player carried coal to the forge for me", 6);
        g.minds.relations().apply(g.mira, "help", "player");
        g.minds.lod().report(RelationSystem.PLAYER, "help", "mira"); // Tom hears of it, far away
        String[] kind = {"Thank you, Mira. Your blades are wonderful.", "I am glad to help at your forge, friend."};
        for (int i = 0; !g.minds.story().world().holds("player", "spare_key"); i++) {
            assertTrue(i < 8, "Mira never gave the spare key");
            g.say(g.mira, kind[i % kind.length]);
        }
        g.frames(60); // far thinking steps; embeddings of the near NPCs come back
        assertEquals("key_in_hand", g.minds.story().stage());
        assertTrue(g.minds.story().isRunning());
        assertTrue(texts(g.tom).contains("Heard that the player helped Mira."), texts(g.tom).toString());
    }

    @Test
    void aFreshEngineLoadsMemoriesRelationshipsAndTheStoryAndContinuesToTheSameEnd() {
        Path file = dir.resolve("slot1.json");
        try (Game a = new Game(); Game b = new Game()) {
            halfWay(a);
            a.minds.gameSave().save(file);
            String saved = a.state();

            GameSave.LoadReport report = b.minds.gameSave().load(file); // b never started the slice itself
            assertFalse(report.fromBackup());
            assertEquals(List.of("npc-memory", "relationships", "story"), report.loaded());
            assertEquals(saved, b.state(), "the loaded world is the saved one");
            assertEquals(texts(a.mira), texts(b.mira));
            assertEquals(texts(a.tom), texts(b.tom));
            assertEquals(a.minds.relations().value(a.mira, "player", "affinity"),
                    b.minds.relations().value(b.mira, "player", "affinity"));
            assertEquals("key_in_hand", b.minds.story().stage());
            assertEquals(List.of(), strings(b.mira.getComponent(InventoryComponent.class).items));
            assertEquals(List.of("key"), strings(b.guard.getComponent(InventoryComponent.class).items));
            assertEquals(List.of("trade", "stay"), strings(b.mira.getComponent(ActionsComponent.class).allowed));

            for (Game g : List.of(a, b)) {
                g.say(g.guard, "Good evening, captain.");
                g.playerTriesTheDoor();
            }
            assertEquals("peaceful", a.ends.get(0).endId());
            assertEquals(a.ends, b.ends, "both games reach the same end with the same report");
            assertEquals(a.state(), b.state(), "and the same state");
        }
    }

    @Test
    void aWriteThatCrashesHalfWayLeavesThePreviousSaveLoadable() throws Exception {
        Path file = dir.resolve("slot1.json");
        try (Game a = new Game(); Game c = new Game()) {
            halfWay(a);
            a.minds.gameSave().save(file);
            String first = a.state();
            a.playerTriesTheDoor(); // the story ends; the next save crashes while it is written
            a.minds.memory().event(a.guard, "The player went down to the vault", 5);
            GameSave save = a.minds.gameSave();
            byte[] bytes = save.json().writeValueAsBytes(save.snapshot());
            AnimataException crash = assertThrows(AnimataException.class, () -> SaveFiles.write(file, bytes,
                    (temp, written, total) -> {
                        if (written >= total / 2) {
                            throw new java.io.IOException("simulated crash after " + written + " of " + total);
                        }
                    }));
            assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
            assertNotEquals(first, a.state());

            GameSave.LoadReport report = c.minds.gameSave().load(file);
            assertFalse(report.fromBackup());
            assertEquals(first, c.state(), "the save written before the crash loads whole");
            assertTrue(c.minds.story().isRunning());
            assertEquals(1, Files.list(dir).filter(p -> p.getFileName().toString().equals("slot1.json")).count());
        }
    }
}
