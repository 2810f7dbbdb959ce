package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.save.GameSave;
import io.animata.core.npc.save.SaveSection;
import io.animata.runtime.AnimataException;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NPC memories in a game save: round trip with embeddings, another model re-embeds, NPCs that join later. */
class MemorySaveSectionTest {
    @TempDir
    Path dir;

    /** Another system's state saved beside the memories (relationships, say). */
    private static final class Trust implements SaveSection {
        int value;

        @Override
        public int version() {
            return 1;
        }

        @Override
        public JsonNode save(ObjectMapper json) {
            return json.getNodeFactory().numberNode(value);
        }

        @Override
        public Runnable prepare(JsonNode data, int version, ObjectMapper json) {
            if (!data.isInt()) {
                throw new AnimataException("trust is not a whole number");
            }
            int read = data.intValue();
            return () -> value = read;
        }
    }

    private static List<String> describe(MemoryStream s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Memory m = s.get(i);
            out.add(m.id() + " " + m.kind() + " " + m.hours() + " " + m.lastAccessHours() + " " + m.importance() + " "
                    + java.util.Arrays.toString(m.sources()) + " " + m.text());
        }
        return out;
    }

    private static ScriptedLanguageModel model() {
        return ScriptedLanguageModel.builder().setReplies(r -> "Aye.").build();
    }

    @Test
    void memoriesReflectionsKnowledgeAndAPluggedSectionRoundTripWithoutReEmbedding() {
        Path file = dir.resolve("save.json");
        List<String> miraBefore;
        List<String> worldBefore = new ArrayList<>();
        float[] firstVector;
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(model(), embedder, b -> b.optReflectionThreshold(15))) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "A thief stole my hammer", 9);
            f.memory.observe(mira, "Alex gave me a ruby ring");
            f.memory.say(mira, "Will you forge me a sword?");
            f.untilReplied(mira, 50);
            f.memory.worldKnowledge().add("The gate password is heron", "guards", 10, 7);
            f.memory.worldKnowledge().add("The king is dead", 5, 6);
            f.settle(mira, 20);
            MemoryStream s = MindFixture.mind(mira).stream();
            assertEquals(1, texts(s, MemoryKind.REFLECTION));
            assertEquals(0, s.unembeddedCount());
            miraBefore = describe(s);
            firstVector = s.get(0).embedding().clone();
            for (int i = 0; i < f.memory.worldKnowledge().size(); i++) {
                Memory m = f.memory.worldKnowledge().get(i);
                worldBefore.add(m.id() + " " + m.faction() + " " + m.text());
            }
            Trust trust = new Trust();
            trust.value = 42;
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).register("trust", trust).save(file);
        }
        WordHashEmbedder fresh = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(model(), fresh)) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "something from before the load", 3);
            Trust trust = new Trust();
            GameSave.LoadReport report = new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection())
                    .register("trust", trust).load(file);
            assertEquals(List.of(MemorySaveSection.KEY, "trust"), report.loaded());
            assertEquals(42, trust.value);
            MemoryStream s = MindFixture.mind(mira).stream();
            assertEquals(miraBefore, describe(s));
            assertArrayEquals(firstVector, s.get(0).embedding());
            Memory reflection = null;
            for (int i = 0; i < s.size(); i++) {
                if (s.get(i).kind() == MemoryKind.REFLECTION) {
                    reflection = s.get(i);
                }
            }
            assertTrue(reflection != null && reflection.sourceCount() > 0);
            for (long id : reflection.sources()) {
                assertTrue(s.find(id) != null, "a reflection's source " + id + " must survive the load");
            }
            List<String> world = new ArrayList<>();
            for (int i = 0; i < f.memory.worldKnowledge().size(); i++) {
                Memory m = f.memory.worldKnowledge().get(i);
                world.add(m.id() + " " + m.faction() + " " + m.text());
            }
            assertEquals(worldBefore, world);
            f.update();
            f.update();
            assertEquals(0, fresh.textsEmbedded(), "the same model must not embed saved memories again");
            Memory next = f.memory.event(mira, "after the load", 2);
            assertTrue(next.id() > s.get(s.size() - 2).id());
        }
    }

    private static int texts(MemoryStream s, MemoryKind kind) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            n += s.get(i).kind() == kind ? 1 : 0;
        }
        return n;
    }

    @Test
    void anotherEmbeddingModelEmbedsEverythingAgain() {
        Path file = dir.resolve("save.json");
        try (MindFixture f = new MindFixture(model(), new WordHashEmbedder("model-a"))) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "The forge was cold this morning", 3);
            f.memory.worldKnowledge().add("Winter is coming", 1, 4);
            f.settle(mira, 10);
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).save(file);
        }
        WordHashEmbedder other = new WordHashEmbedder("model-b");
        try (MindFixture f = new MindFixture(model(), other)) {
            Entity mira = f.npc("mira");
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).load(file);
            MemoryStream s = MindFixture.mind(mira).stream();
            assertNull(s.get(0).embedding());
            f.settle(mira, 10);
            assertEquals(2, other.textsEmbedded());
            assertArrayEquals(WordHashEmbedder.vector("The forge was cold this morning"), s.get(0).embedding());
        }
    }

    @Test
    void anNpcThatJoinsAfterTheLoadGetsItsMemoriesAndTheyAreSavedMeanwhile() {
        Path file = dir.resolve("save.json");
        try (MindFixture f = new MindFixture(model(), new WordHashEmbedder())) {
            f.npc("mira");
            Entity tom = f.npc("tom");
            f.memory.event(tom, "My flour sacks got wet", 5);
            f.settle(tom, 10);
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).save(file);
        }
        Path again = dir.resolve("again.json");
        try (MindFixture f = new MindFixture(model(), new WordHashEmbedder())) {
            f.npc("mira");
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).load(file);
            assertEquals(1, f.memory.unclaimed().size());
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).save(again);
            Entity tom = f.npc("tom");
            assertEquals("My flour sacks got wet", MindFixture.mind(tom).stream().get(0).text());
            assertTrue(f.memory.unclaimed().isEmpty());
        }
        try (MindFixture f = new MindFixture(model(), new WordHashEmbedder())) {
            Entity tom = f.npc("tom");
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).load(again);
            assertEquals("My flour sacks got wet", MindFixture.mind(tom).stream().get(0).text());
        }
    }

    @Test
    void theSystemsOwnClockIsSaved() {
        Path file = dir.resolve("save.json");
        WordHashEmbedder e = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(model(), e, b -> b.optClock(null).optHoursPerSecond(60.0))) {
            f.npc("mira");
            for (int i = 0; i < 60; i++) {
                f.update(); // one second at 60 game hours per second
            }
            assertEquals(60.0, f.memory.hours(), 1e-3);
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).save(file);
        }
        try (MindFixture f = new MindFixture(model(), e, b -> b.optClock(null))) {
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).load(file);
            assertEquals(60.0, f.memory.hours(), 1e-3);
        }
    }

    @Test
    void invalidMemoryDataIsRefusedNamingTheNpcAndLeavesTheMemoriesAlone() throws Exception {
        Path file = dir.resolve("save.json");
        try (MindFixture f = new MindFixture(model(), new WordHashEmbedder())) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "The forge was cold", 3);
            f.settle(mira, 10);
            new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).save(file);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(file.toFile());
        ObjectNode memory = (ObjectNode) doc.at("/sections/npc-memory/data/npcs/mira/memories/0");
        memory.put("importance", 42);
        Files.write(file, json.writeValueAsBytes(doc));
        try (MindFixture f = new MindFixture(model(), new WordHashEmbedder())) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "kept", 3);
            AnimataException e = assertThrows(AnimataException.class,
                    () -> new GameSave().register(MemorySaveSection.KEY, f.memory.saveSection()).load(file));
            assertTrue(e.getMessage().contains("NPC 'mira' memory 1 has importance 42"), e.getMessage());
            assertEquals("kept", MindFixture.mind(mira).stream().get(0).text());
        }
    }
}
