package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.DialogueComponent;
import io.animata.runtime.AnimataException;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MemorySystem in lockstep: recall into the prompt, batching on the worker, reflection, importance, stale answers. */
class MemorySystemTest {

    private static ScriptedLanguageModel replying(String reply) {
        return ScriptedLanguageModel.builder().setReplies(r -> reply).build();
    }

    private static String systemText(List<ChatMessage> prompt) {
        return prompt.get(0).content();
    }

    private static List<String> texts(MemoryStream s, MemoryKind kind) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).kind() == kind) {
                out.add(s.get(i).text());
            }
        }
        return out;
    }

    @Test
    void theMostRelevantMemoryReachesThePromptAndBothTurnsAreRemembered() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("I keep it by the anvil."), embedder)) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "A crow sat on the forge roof all morning", 2);
            f.memory.observe(mira, "Alex gave me a ruby ring as thanks");
            f.memory.event(mira, "Tom cut the rope of the old bridge", 6);
            f.settle(mira, 10);
            f.clock[0] = 103.0;
            f.memory.say(mira, "Do you still wear the ruby ring?");
            assertTrue(FixtureChecks.recalling(mira));
            f.untilReplied(mira, 50);

            assertEquals("I keep it by the anvil.", mira.getComponent(DialogueComponent.class).lastReply());
            String system = systemText(lastRequest(f));
            assertTrue(system.contains("It is evening."), system);
            int remember = system.indexOf("What you remember, most relevant first:");
            assertTrue(remember > 0, system);
            String firstRecalled = system.substring(remember).lines().skip(1).findFirst().orElseThrow();
            assertEquals("- (3 hours ago) Alex gave me a ruby ring as thanks", firstRecalled);
            assertEquals("Alex gave me a ruby ring as thanks", FixtureChecks.recalled(mira, 0));

            List<String> dialogue = texts(MindFixture.mind(mira).stream(), MemoryKind.DIALOGUE);
            assertEquals(List.of("Alex told me: \"Do you still wear the ruby ring?\"",
                    "I told Alex: \"I keep it by the anvil.\""), dialogue);
            f.settle(mira, 10);
            assertEquals(0, MindFixture.mind(mira).stream().unembeddedCount());
            assertEquals(1L, f.memory.recalls());
        }
        String game = Thread.currentThread().getName();
        assertFalse(embedder.threads.isEmpty());
        for (String thread : embedder.threads) {
            assertFalse(thread.equals(game), "the model ran on the game thread");
            assertTrue(thread.endsWith("-jobs"), "the model ran on " + thread + ", not the job worker");
        }
    }

    private static List<ChatMessage> lastRequest(MindFixture f) {
        List<List<ChatMessage>> prompts = f.model.prompts();
        return prompts.get(prompts.size() - 1);
    }

    @Test
    void textsWaitingInOneFrameGoToTheModelInOneCallWithTheLineFirst() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("Hm."), embedder)) {
            Entity mira = f.npc("mira");
            Entity tom = f.npc("tom");
            f.memory.observe(mira, "The furnace is hot");
            f.memory.observe(mira, "A merchant arrived");
            f.memory.observe(tom, "The mill wheel creaks");
            f.memory.worldKnowledge().add("The harvest festival is in three days", 90, 4);
            f.memory.say(tom, "Is the mill working?");
            f.update();
            f.update();
            assertEquals(1, embedder.calls.size());
            assertEquals(5, embedder.calls.get(0).size());
            assertEquals("Is the mill working?", embedder.calls.get(0).get(0));
            assertEquals(1, f.memory.embeddingCalls());
            assertEquals(5, f.memory.largestBatch());
        }
    }

    @Test
    void aLargeBacklogIsSplitIntoCallsOfTheMaximumBatch() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("Hm."), embedder, b -> b.optMaxBatch(4))) {
            Entity mira = f.npc("mira");
            for (int i = 0; i < 10; i++) {
                f.memory.event(mira, "delivery number " + i + " arrived", 1);
            }
            f.settle(mira, 10);
            assertEquals(List.of(4, 4, 2), embedder.calls.stream().map(List::size).toList());
            assertEquals(0, MindFixture.mind(mira).stream().unembeddedCount());
        }
    }

    @Test
    void factionKnowledgeReachesOnlyItsFactionsPrompts() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("Move along."), embedder)) {
            Entity guard = f.npc("guard");
            MindFixture.mind(guard).factions.add("guards");
            Entity tom = f.npc("tom");
            f.memory.worldKnowledge().add("The password for the gate is heron", "guards", 50, 8);
            f.memory.worldKnowledge().add("The old king died last winter", 10, 5);
            f.settle(guard, 10);
            f.memory.say(guard, "What is the password for the gate?");
            f.untilReplied(guard, 50);
            assertTrue(systemText(lastRequest(f)).contains("- (known to the guards) The password for the gate is heron"));
            f.memory.say(tom, "What is the password for the gate?");
            f.untilReplied(tom, 50);
            String tomsPrompt = systemText(lastRequest(f));
            assertFalse(tomsPrompt.contains("heron"), tomsPrompt);
            assertTrue(tomsPrompt.contains("(common knowledge) The old king died last winter"), tomsPrompt);
        }
    }

    @Test
    void aNewerLineMakesTheAnswerForTheOlderOneStale() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("Yes?"), embedder)) {
            Entity mira = f.npc("mira");
            f.memory.say(mira, "Hello there");
            f.memory.say(mira, "Actually, can you fix my sword?");
            f.untilReplied(mira, 50);
            assertEquals(1, f.model.starts());
            List<io.animata.runtime.text.ChatMessage> prompt = f.model.prompts().get(0);
            assertEquals("Actually, can you fix my sword?", prompt.get(prompt.size() - 1).content());
            assertEquals(List.of("Alex told me: \"Actually, can you fix my sword?\"", "I told Alex: \"Yes?\""),
                    texts(MindFixture.mind(mira).stream(), MemoryKind.DIALOGUE));
        }
    }

    @Test
    void whenEmbeddingFailsTheNpcStillAnswers() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        embedder.fail = true;
        try (MindFixture f = new MindFixture(replying("Eh?"), embedder)) {
            Entity mira = f.npc("mira");
            f.memory.event(mira, "The bellows tore", 4);
            f.memory.say(mira, "Good morning");
            f.untilReplied(mira, 50);
            assertEquals("Eh?", mira.getComponent(DialogueComponent.class).lastReply());
            assertTrue(f.memory.embeddingFailures() >= 1);
            assertEquals("The bellows tore", FixtureChecks.recalled(mira, 0));
            for (int i = 0; i < 10; i++) {
                f.update();
            }
            long tries = embedder.calls.stream().filter(c -> c.contains("The bellows tore")).count();
            assertEquals(MemorySystem.EMBED_ATTEMPTS, tries, "a memory is sent at most " + MemorySystem.EMBED_ATTEMPTS
                    + " times");
        }
    }

    @Test
    void aMemoryWhoseEmbeddingFailedOnceIsSentAgain() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        embedder.fail = true;
        try (MindFixture f = new MindFixture(replying("Eh?"), embedder)) {
            Entity mira = f.npc("mira");
            Memory torn = f.memory.event(mira, "The bellows tore", 4);
            f.update();
            f.update();
            assertEquals(1L, f.memory.embeddingFailures());
            embedder.fail = false;
            f.settle(mira, 10);
            assertArrayEquals(WordHashEmbedder.vector("The bellows tore"), torn.embedding());
        }
    }

    @Test
    void withoutAModelAReflectionSummarisesTheMostImportantMemories() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("."), embedder, b -> b.optReflectionThreshold(20))) {
            Entity mira = f.npc("mira");
            MemoryStream s = MindFixture.mind(mira).stream();
            Memory bread = f.memory.event(mira, "Tom brought bread", 2);
            Memory thief = f.memory.event(mira, "A thief stole my best hammer", 9);
            Memory rain = f.memory.event(mira, "It rained", 1);
            f.update();
            assertEquals(0, texts(s, MemoryKind.REFLECTION).size(), "12 < 20: no reflection yet");
            Memory saved = f.memory.event(mira, "Alex saved my apprentice from the fire", 8);
            f.update();
            List<String> reflections = texts(s, MemoryKind.REFLECTION);
            assertEquals(List.of("What matters most lately: A thief stole my best hammer; Alex saved my apprentice from "
                    + "the fire; Tom brought bread."), reflections);
            Memory r = s.get(s.size() - 1);
            assertArrayEquals(new long[] {thief.id(), saved.id(), bread.id()}, r.sources());
            assertEquals(9, r.importance());
            assertEquals(0, s.importanceSinceReflection());
            assertEquals(1L, MindFixture.mind(mira).reflections());
            assertNotNull(rain);
        }
    }

    @Test
    void withAModelAReflectionIsItsInsightsPointingAtTheirSources() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        ScriptedLanguageModel thinker = ScriptedLanguageModel.builder().setReplies(r ->
                "1. Alex is someone I can trust (because of 2, 3)\n- Tom is careless with the bridge (because of 1)\n")
                .optName("thinker").build();
        try (MindFixture f = new MindFixture(replying("."), embedder, b -> b)) {
            f.engine.removeSystem(f.memory);
            MemorySystem memory = MemorySystem.builder().setJobs(f.runtime.jobs()).setEmbedder(embedder)
                    .optClock(() -> f.clock[0]).optReflectionThreshold(20)
                    .optReflectionQueue(f.runtime.textQueue(thinker)).build();
            f.engine.addSystem(memory);
            Entity mira = f.npc("mira");
            MemoryStream s = MindFixture.mind(mira).stream();
            Memory tom = memory.event(mira, "Tom cut the rope of the old bridge", 6);
            Memory ring = memory.event(mira, "Alex gave me a ruby ring", 7);
            Memory fire = memory.event(mira, "Alex carried water to put out the forge fire", 8);
            for (int i = 0; i < 20 && texts(s, MemoryKind.REFLECTION).isEmpty(); i++) {
                f.update();
            }
            assertEquals(List.of("Alex is someone I can trust", "Tom is careless with the bridge"),
                    texts(s, MemoryKind.REFLECTION));
            Memory trust = s.get(s.size() - 2);
            Memory careless = s.get(s.size() - 1);
            assertArrayEquals(new long[] {ring.id(), fire.id()}, trust.sources());
            assertArrayEquals(new long[] {tom.id()}, careless.sources());
            assertEquals(8, trust.importance());
            String prompt = thinker.prompts().get(0).get(1).content();
            assertTrue(prompt.contains("1. Tom cut the rope of the old bridge\n2. Alex gave me a ruby ring\n"
                    + "3. Alex carried water to put out the forge fire"), prompt);
            assertTrue(prompt.contains("1 to 3 short insights"), prompt);
            assertFalse(MindFixture.mind(mira).isReflecting());
        }
    }

    @Test
    void theModelsImportanceRatingReplacesTheRuleScore() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        ScriptedLanguageModel rater = ScriptedLanguageModel.builder().setReplies(r -> "8").optName("rater").build();
        try (MindFixture f = new MindFixture(replying("."), embedder, b -> b)) {
            f.engine.removeSystem(f.memory);
            MemorySystem memory = MemorySystem.builder().setJobs(f.runtime.jobs()).setEmbedder(embedder)
                    .optClock(() -> f.clock[0]).optImportanceQueue(f.runtime.textQueue(rater)).build();
            f.engine.addSystem(memory);
            Entity mira = f.npc("mira");
            Memory cart = memory.observe(mira, "A cart passed by");
            assertEquals(3, cart.importance());
            for (int i = 0; i < 20 && cart.importance() == 3; i++) {
                f.update();
            }
            assertEquals(8, cart.importance());
            assertEquals(8, MindFixture.mind(mira).stream().importanceSinceReflection());
            assertTrue(rater.prompts().get(0).get(0).content().contains("Memory: A cart passed by"));
        }
    }

    @Test
    void framesWithNothingNewAllocateNothing() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("."), embedder)) {
            List<Entity> npcs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Entity npc = f.npc(i % 2 == 0 ? "tom" : "mira");
                MindFixture.mind(npc).npcId = "npc" + i;
                f.memory.event(npc, "npc " + i + " saw the market open", 3);
                npcs.add(npc);
            }
            f.settle(npcs.get(99), 10);
            for (int i = 0; i < 200; i++) {
                f.memory.update(MindFixture.DELTA);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 1000; i++) {
                f.memory.update(MindFixture.DELTA);
            }
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            assertTrue(allocated < 1024, "1000 idle frames over 100 NPCs allocated " + allocated + " bytes");
        }
    }

    @Test
    void badUseSaysWhatToDo() {
        WordHashEmbedder embedder = new WordHashEmbedder();
        try (MindFixture f = new MindFixture(replying("."), embedder)) {
            Entity plain = f.engine.createEntity();
            f.engine.addEntity(plain);
            AnimataException e = assertThrows(AnimataException.class, () -> f.memory.observe(plain, "x"));
            assertTrue(e.getMessage().contains("MemoryStreamComponent"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> f.memory.say(plain, " "));
        }
        assertThrows(IllegalStateException.class, () -> MemorySystem.builder().setEmbedder(embedder).build());
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            MemorySystem lonely = MemorySystem.builder().setEmbedder(embedder).setJobs(runtime.jobs()).build();
            com.badlogic.ashley.core.Engine engine = new com.badlogic.ashley.core.Engine();
            engine.addSystem(lonely);
            Entity npc = engine.createEntity();
            npc.add(new MemoryStreamComponent());
            engine.addEntity(npc);
            AnimataException e = assertThrows(AnimataException.class, () -> lonely.say(npc, "hello"));
            assertTrue(e.getMessage().contains("DialogueSystem"), e.getMessage());
            assertFalse(MindFixture.mind(npc).isRecalling());
        }
    }
}
