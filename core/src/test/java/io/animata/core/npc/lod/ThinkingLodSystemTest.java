package io.animata.core.npc.lod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.runtime.text.ChatRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinkingLodSystemTest {
    private static final float DT = 1f / 60;
    private final Engine engine = new Engine();
    private final RelationSystem relations = RelationSystem.builder().build();
    private final List<String> transitions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ThinkingLodSystem lod;

    ThinkingLodSystemTest() {
        CheapMemory recent = CheapMemory.recentTurns();
        lod = ThinkingLodSystem.builder().optRelations(relations).optRadii(8, 10).optFarPeriodFrames(10)
                .optCheapMemory(new CheapMemory() {
                    @Override
                    public void noteFar(Entity npc, String actor, String verb, String victim, double time) {
                        notes.add(actor + " " + verb + " " + victim);
                    }

                    @Override
                    public void onWake(Entity npc, CharSequence summary) {
                        recent.onWake(npc, summary);
                    }
                }).build();
        engine.addSystem(relations);
        engine.addSystem(lod);
        lod.addListener(new LodListener() {
            @Override
            public void onWake(Entity npc, ThinkingLodComponent c) {
                transitions.add("wake " + npc.getComponent(RelationshipComponent.class).id);
            }

            @Override
            public void onSleep(Entity npc, ThinkingLodComponent c) {
                transitions.add("sleep " + npc.getComponent(RelationshipComponent.class).id);
            }
        });
    }

    private Entity npc(String id, float x, float y) {
        Entity e = engine.createEntity();
        e.add(engine.createComponent(ThinkingLodComponent.class).at(x, y));
        e.add(engine.createComponent(RelationshipComponent.class).setId(id));
        e.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn(id)));
        e.add(engine.createComponent(MemoryComponent.class));
        engine.addEntity(e);
        return e;
    }

    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            engine.update(DT);
        }
    }

    @Test
    void nearAndFarSwitchWithHysteresis() {
        Entity tom = npc("tom", 9, 0); // between the radii: starts far
        ThinkingLodComponent c = tom.getComponent(ThinkingLodComponent.class);
        frames(1);
        assertFalse(c.isNear());
        lod.setPlayer(1.5f, 0); // 7.5 away: near
        frames(1);
        assertTrue(c.isNear());
        lod.setPlayer(0, 0); // 9 away: still near (inside the far radius)
        frames(5);
        assertTrue(c.isNear());
        lod.setPlayer(-1.5f, 0); // 10.5 away: far
        frames(1);
        assertFalse(c.isNear());
        lod.setPlayer(0, 0); // 9 away again: stays far
        frames(5);
        assertFalse(c.isNear());
        assertEquals(List.of("wake tom", "sleep tom"), transitions);
        assertEquals(1, c.wakes());
        assertEquals(0, lod.nearCount());
    }

    @Test
    void anNpcOnTheBorderDoesNotFlicker() {
        Entity tom = npc("tom", 8, 0);
        lod.setPlayer(-5, 0); // 13 away: starts far
        frames(1);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 600; i++) {
            lod.setPlayer((random.nextFloat() - 0.5f) * 1.8f, 0); // 7.1 .. 8.9 away
            engine.update(DT);
        }
        assertTrue(tom.getComponent(ThinkingLodComponent.class).isNear());
        assertEquals(List.of("wake tom"), transitions);
    }

    @Test
    void farNpcsHearOfEventsAtTheirLowRateAndNearOnesSeeThemAtOnce() {
        lod.setPlayer(0, 0);
        Entity tom = npc("tom", 50, 0);   // far
        Entity mira = npc("mira", 3, 0);  // near
        Entity guard = npc("guard", 80, 0); // far, and the victim
        frames(1);
        lod.report(RelationSystem.PLAYER, "attack", "guard");
        frames(1);
        assertEquals(0.6f * 0.6f, relations.value(mira, "player", "fear"), 1e-3, "a near NPC witnesses it");
        assertEquals(0f, relations.value(tom, "player", "fear"), "a far one has not heard yet");
        frames(10); // the far period
        assertEquals(0.6f * 0.3f, relations.value(tom, "player", "fear"), 1e-3, "hearsay strength");
        assertEquals(0.6f, relations.value(guard, "player", "fear"), 1e-3, "the victim counts it in full");
        assertEquals(List.of("player attack guard", "player attack guard"), notes);
        // each far NPC thinks about once per period, spread over the frames
        long before = lod.farThoughts();
        frames(100);
        assertEquals(2 * 100 / 10, lod.farThoughts() - before, 2);
    }

    @Test
    void aWokenNpcTellsWhatItHeardUntilItReplies() {
        lod.setPlayer(0, 0);
        Entity tom = npc("tom", 40, 0);
        npc("guard", 60, 0);
        frames(1);
        lod.report(RelationSystem.PLAYER, "attack", "guard");
        lod.report(RelationSystem.PLAYER, "attack", "guard");
        lod.report(RelationSystem.PLAYER, "gift", "tom");
        lod.report("guard", "open_door", null);
        frames(20);
        StringBuilder out = new StringBuilder();
        lod.facts().describe(tom, out);
        assertEquals("", out.toString(), "no news before waking");
        lod.setPlayer(35, 0);
        frames(1);
        assertTrue(tom.getComponent(ThinkingLodComponent.class).hasNews());
        lod.describe(tom, out);
        assertEquals("Since you last saw the player, you heard that the player attacked Captain Hale (2 times);"
                + " the player gave you a gift; Captain Hale did 'open door'.\n", out.toString());
        MemoryComponent memory = tom.getComponent(MemoryComponent.class);
        assertEquals(ChatRole.SYSTEM, memory.role(memory.size() - 1), "the recent-turns note");
        assertEquals(out.toString(), memory.text(memory.size() - 1));
        lod.onReply(tom, null);
        out.setLength(0);
        lod.describe(tom, out);
        assertEquals("", out.toString(), "told once");
    }

    @Test
    void aFarNpcThatMissesManyEventsSummarisesTheRest() {
        lod.setPlayer(0, 0);
        Entity tom = npc("tom", 40, 0);
        frames(1);
        for (int i = 0; i < ThinkingLodComponent.HEARD_CAPACITY + 3; i++) {
            lod.report("npc" + i, "help", "player");
        }
        lod.setPlayer(40, 0);
        frames(1);
        StringBuilder out = new StringBuilder();
        lod.describe(tom, out);
        assertTrue(out.toString().endsWith("; and 3 other things happened.\n"), out.toString());
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> ThinkingLodSystem.builder().optRadii(10, 8));
        assertThrows(IllegalArgumentException.class, () -> ThinkingLodSystem.builder().optFarPeriodFrames(0));
        assertThrows(IllegalArgumentException.class, () -> new WorldEventLog(0));
    }
}
