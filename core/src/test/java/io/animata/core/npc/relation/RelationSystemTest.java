package io.animata.core.npc.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.runtime.AnimataException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelationSystemTest {
    private final Engine engine = new Engine();
    private final RelationSystem relations = RelationSystem.builder().optDecayPerFrame(100).build();

    RelationSystemTest() {
        engine.addSystem(relations);
    }

    private Entity npc(String id, String persona) {
        Entity e = engine.createEntity();
        e.add(engine.createComponent(RelationshipComponent.class).setId(id));
        if (persona != null) {
            e.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn(persona)));
        }
        engine.addEntity(e);
        return e;
    }

    @Test
    void eventsMoveTheDimensionsByTheRules() {
        Entity mira = npc("mira", "mira");
        assertEquals(0f, relations.value(mira, "player", "trust"));
        assertTrue(relations.apply(mira, "gift", "player"));
        assertEquals(0.10f, relations.value(mira, "player", "trust"), 1e-6);
        assertEquals(0.25f, relations.value(mira, "player", "affinity"), 1e-6);
        assertTrue(relations.apply(mira, "help", "player", 0.5f));
        assertEquals(0.225f, relations.value(mira, "player", "trust"), 1e-6);
        assertFalse(relations.apply(mira, "dance", "player"), "unknown events change nothing");
        assertEquals(0.225f, relations.value(mira, "player", "trust"), 1e-6);
        // toward another NPC, independently of the player
        relations.apply(mira, "insult", "tom");
        assertEquals(-0.25f, relations.value(mira, "tom", "affinity"), 1e-6);
        assertEquals(0.35f, relations.value(mira, "player", "affinity"), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomEventsNeverLeaveTheBounds(long seed) {
        Random random = new Random(seed);
        Entity a = npc("a", null);
        List<String> events = List.copyOf(relations.rules().eventNames());
        String[] targets = {"player", "b", "c"};
        for (int i = 0; i < 2_000; i++) {
            relations.apply(a, events.get(random.nextInt(events.size())), targets[random.nextInt(3)],
                    random.nextFloat() * 3);
            if (i % 50 == 0) {
                engine.update(random.nextFloat() * 100);
            }
            for (String t : targets) {
                for (RelationDimension d : relations.rules().dimensions()) {
                    float v = relations.value(a, t, d.name());
                    assertTrue(v >= d.min() && v <= d.max(), d.name() + " toward " + t + " = " + v);
                }
            }
        }
    }

    @Test
    void repeatedAttacksClampFearAtItsMaximum() {
        Entity guard = npc("guard", "guard");
        for (int i = 0; i < 5; i++) {
            relations.apply(guard, "attack", "player");
        }
        assertEquals(1f, relations.value(guard, "player", "fear"));
        assertEquals(-1f, relations.value(guard, "player", "trust"));
    }

    @Test
    void valuesDecayTowardTheBaselineByTheirHalfLife() {
        Entity tom = npc("tom", "tom");
        relations.set(tom, "player", "fear", 0.8f);
        relations.set(tom, "player", "trust", 0.8f);
        float fearHalfLife = relations.rules().dimensions().get(relations.rules().dimension("fear")).halfLifeSeconds();
        float trustHalfLife = relations.rules().dimensions().get(relations.rules().dimension("trust"))
                .halfLifeSeconds();
        int frames = 600;
        for (int i = 0; i < frames; i++) {
            engine.update(fearHalfLife / frames);
        }
        assertEquals(0.4f, relations.value(tom, "player", "fear"), 1e-3);
        assertEquals(0.8f * (float) Math.pow(0.5, fearHalfLife / trustHalfLife),
                relations.value(tom, "player", "trust"), 1e-3);
    }

    @Test
    void decayIsSpreadOverFramesButOwedTimeIsKept() {
        RelationSystem slow = RelationSystem.builder().optDecayPerFrame(1).build();
        Engine e2 = new Engine();
        e2.addSystem(slow);
        Entity[] npcs = new Entity[4];
        for (int i = 0; i < npcs.length; i++) {
            npcs[i] = e2.createEntity();
            npcs[i].add(new RelationshipComponent().setId("n" + i));
            e2.addEntity(npcs[i]);
            slow.set(npcs[i], "player", "fear", 1f);
        }
        // one NPC per frame: after 4 frames of 75 s, each has been decayed once by all its owed time
        for (int f = 0; f < 4; f++) {
            e2.update(75f);
        }
        float[] seen = new float[4];
        for (int i = 0; i < 4; i++) {
            slow.decayNow(npcs[i]);
            seen[i] = slow.value(npcs[i], "player", "fear");
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5f, seen[i], 1e-4, "NPC " + i); // fear's half-life is 300 s
        }
    }

    @Test
    void playerLinesMoveFeelingsThroughTheirSentiment() {
        Entity mira = npc("mira", "mira");
        relations.hearLine(mira, "Thank you, friend, your blades are wonderful.");
        float warm = relations.value(mira, "player", "affinity");
        assertTrue(warm > 0.05f, "affinity after kind words: " + warm);
        relations.hearLine(mira, "Where is the door?");
        assertEquals(warm, relations.value(mira, "player", "affinity"), 1e-6, "a neutral line changes nothing");
        relations.hearLine(mira, "Give me the key or I will burn your forge.");
        assertEquals(0.3f, relations.value(mira, "player", "fear"), 1e-6, "a threat fires the threat event");
        relations.hearLine(mira, "You useless idiot.");
        assertTrue(relations.value(mira, "player", "affinity") < warm - 0.15f);
    }

    @Test
    void theStrongestFeelingsAreDescribedForThePrompt() {
        Entity guard = npc("guard", "guard");
        npc("mira", "mira");
        relations.set(guard, "player", "trust", 0.2f);
        relations.set(guard, "player", "affinity", -0.05f); // too weak to mention
        relations.set(guard, "mira", "fear", 0.5f);
        relations.set(guard, "tom", "affinity", -0.9f);
        StringBuilder out = new StringBuilder();
        relations.facts().describe(guard, out);
        assertEquals("You really dislike tom; you are afraid of Mira; you trust the player a little.\n",
                out.toString());
        relations.setDisplayName("tom", "the innkeeper");
        out.setLength(0);
        relations.describe(guard, out);
        assertTrue(out.toString().startsWith("You really dislike the innkeeper;"), out.toString());
    }

    @Test
    void anNpcWithoutFeelingsDescribesNothing() {
        Entity tom = npc("tom", "tom");
        StringBuilder out = new StringBuilder();
        relations.describe(tom, out);
        relations.set(tom, "player", "trust", 0.1f);
        relations.describe(tom, out);
        assertEquals("", out.toString());
    }

    @Test
    void hearsayCountsWeaklyUnlessItHappenedToTheListener() {
        Entity tom = npc("tom", "tom");
        relations.hear(tom, "attack", "player", "guard");
        assertEquals(0.6f * 0.3f, relations.value(tom, "player", "fear"), 1e-6);
        relations.hear(tom, "attack", "player", "tom");
        assertEquals(0.6f * 0.3f + 0.6f, relations.value(tom, "player", "fear"), 1e-6);
        assertFalse(relations.hear(tom, "attack", "tom", "player"), "an NPC does not hear of its own deeds");
    }

    @Test
    void jsonRoundTripRestoresEveryValue() {
        Entity guard = npc("guard", "guard");
        Entity mira = npc("mira", "mira");
        Random random = new Random(7);
        String[] targets = {"player", "mira", "tom", "guard"};
        for (int i = 0; i < 40; i++) {
            relations.change(random.nextBoolean() ? guard : mira, targets[random.nextInt(4)],
                    relations.rules().dimensions().get(random.nextInt(3)).name(), random.nextFloat() - 0.5f);
        }
        ObjectNode saved = relations.toJson();
        String text = saved.toString();

        Engine other = new Engine();
        RelationSystem loaded = RelationSystem.builder().build();
        other.addSystem(loaded);
        Entity guard2 = other.createEntity();
        guard2.add(new RelationshipComponent().setId("guard"));
        other.addEntity(guard2);
        Entity mira2 = other.createEntity();
        mira2.add(new RelationshipComponent().setId("mira"));
        other.addEntity(mira2);
        JsonNode parsed;
        try {
            parsed = JsonFields.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(2, loaded.readJson(parsed));
        for (String t : targets) {
            for (RelationDimension d : relations.rules().dimensions()) {
                assertEquals(relations.value(guard, t, d.name()), loaded.value(guard2, t, d.name()), 1e-6);
                assertEquals(relations.value(mira, t, d.name()), loaded.value(mira2, t, d.name()), 1e-6);
            }
        }
        assertEquals(saved, loaded.toJson());
    }

    @Test
    void loadingSkipsDimensionsTheRulesNoLongerHaveAndClamps() throws Exception {
        Entity tom = npc("tom", null);
        relations.readJson(tom, JsonFields.mapper().readTree(
                "{\"id\": \"tom\", \"toward\": {\"player\": {\"trust\": 5, \"courage\": 0.3}}}"));
        assertEquals(1f, relations.value(tom, "player", "trust"));
        assertEquals(1, relations.toJson(tom).get("toward").size());
    }

    @Test
    void malformedSavesAreClearErrors() throws Exception {
        Entity tom = npc("tom", null);
        AnimataException e = assertThrows(AnimataException.class, () -> relations.readJson(tom,
                JsonFields.mapper().readTree("{\"toward\": {\"player\": {\"trust\": \"high\"}}}")));
        assertTrue(e.getMessage().contains("toward.player.trust: must be a number"), e.getMessage());
        e = assertThrows(AnimataException.class, () -> relations.readJson(
                JsonFields.mapper().readTree("{\"version\": 9, \"npcs\": {}}")));
        assertTrue(e.getMessage().contains("unknown version 9"), e.getMessage());
        e = assertThrows(AnimataException.class, () -> relations.value(engine.createEntity(), "player", "trust"));
        assertTrue(e.getMessage().contains("no RelationshipComponent"), e.getMessage());
        e = assertThrows(AnimataException.class, () -> relations.value(tom, "player", "courage"));
        assertTrue(e.getMessage().contains("dimensions are trust, affinity, fear"), e.getMessage());
    }
}
