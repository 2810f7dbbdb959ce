package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.lod.ThinkingLodComponent;
import io.animata.core.npc.lod.ThinkingLodSystem;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Far NPCs record what they hear as memories; they are embedded off the game thread once the NPC comes near. */
class HeardMemoryTest {

    private static final class World implements AutoCloseable {
        final WordHashEmbedder embedder = new WordHashEmbedder();
        final MindFixture f;
        final RelationSystem relations = RelationSystem.builder().build();
        final ThinkingLodSystem lod;

        World(boolean embedFar) {
            f = new MindFixture(ScriptedLanguageModel.builder().setReplies(r -> "Aye.").build(), embedder,
                    b -> b.optEmbedFarMemories(embedFar));
            lod = ThinkingLodSystem.builder().optRelations(relations).optCheapMemory(f.memory.heardMemory())
                    .optRadii(8, 10).optFarPeriodFrames(2).build();
            f.engine.addSystem(relations);
            f.engine.addSystem(lod);
        }

        Entity npc(String id, float x) {
            Entity e = f.npc(id);
            e.add(f.engine.createComponent(RelationshipComponent.class).setId(id));
            e.add(f.engine.createComponent(ThinkingLodComponent.class).at(x, 0));
            return e;
        }

        @Override
        public void close() {
            f.close();
        }
    }

    private static List<Memory> heard(Entity npc) {
        List<Memory> out = new ArrayList<>();
        MemoryStream s = MindFixture.mind(npc).stream();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).text().startsWith("Heard that")) {
                out.add(s.get(i));
            }
        }
        return out;
    }

    @Test
    void aFarNpcRemembersWhatItHeardAndRecallsItWhenThePlayerComesToTalk() {
        try (World w = new World(false)) {
            Entity guard = w.npc("guard", 0);
            Entity mira = w.npc("mira", 100);
            w.lod.setPlayer(0, 0);
            w.f.update();
            w.lod.report(RelationSystem.PLAYER, "attack", "guard");
            for (int i = 0; i < 6; i++) {
                w.f.update();
            }
            List<Memory> heard = heard(mira);
            assertEquals(1, heard.size(), "Mira heard of it once");
            Memory m = heard.get(0);
            assertEquals("Heard that the player attacked Captain Hale.", m.text());
            assertEquals(MemoryKind.OBSERVATION, m.kind());
            assertTrue(m.importance() >= 7, "violence is important: " + m.importance());
            assertNull(m.embedding, "a far NPC's memory waits to be embedded");
            assertTrue(heard(guard).isEmpty(), "the guard saw it; he was near, not hearing of it");

            w.lod.setPlayer(100, 0); // the player walks to the forge
            w.f.update();
            assertTrue(w.lod.isNear(mira));
            w.f.settle(mira, 50);
            assertNotNull(m.embedding, "embedded once Mira is near");
            assertFalse(w.embedder.threads.isEmpty());
            assertFalse(w.embedder.threads.contains(Thread.currentThread().getName()), "never on the game thread");

            w.f.memory.say(mira, "Did the player attack the guard?");
            w.f.untilReplied(mira, 100);
            Recall recall = MindFixture.mind(mira).recall();
            assertTrue(recall.size() > 0);
            assertEquals(m, recall.get(0), "the heard event is what she recalls first");
            String system = w.f.model.prompts().get(w.f.model.prompts().size() - 1).get(0).content();
            assertTrue(system.contains("Heard that the player attacked Captain Hale."), system);
        }
    }

    @Test
    void farMemoriesCanBeEmbeddedInTheBackground() {
        try (World w = new World(true)) {
            Entity mira = w.npc("mira", 100);
            w.lod.setPlayer(0, 0);
            w.f.update();
            w.lod.report(RelationSystem.PLAYER, "gift", "tom");
            for (int i = 0; i < 6; i++) {
                w.f.update();
            }
            assertFalse(w.lod.isNear(mira));
            Memory m = heard(mira).get(0);
            assertEquals("Heard that the player gave tom a gift.", m.text());
            w.f.settle(mira, 50);
            assertNotNull(m.embedding, "embedded while Mira is still far");
        }
    }

    @Test
    void npcsWithoutAMemoryStreamAreSkipped() {
        try (World w = new World(false)) {
            Entity plain = w.f.engine.createEntity();
            plain.add(new RelationshipComponent().setId("plain"));
            plain.add(new ThinkingLodComponent().at(100, 0));
            w.f.engine.addEntity(plain);
            w.lod.setPlayer(0, 0);
            w.f.update();
            w.lod.report(RelationSystem.PLAYER, "attack", "tom");
            for (int i = 0; i < 6; i++) {
                w.f.update();
            }
            assertEquals(1, plain.getComponent(ThinkingLodComponent.class).heardCount());
        }
    }
}
