package io.animata.core.npc.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import io.animata.core.npc.save.GameSave;
import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every NPC's relationships as a section of a game save. */
class RelationSaveSectionTest {
    @TempDir
    Path dir;

    private static final class World {
        final Engine engine = new Engine();
        final RelationSystem relations = RelationSystem.builder().build();
        final GameSave save = new GameSave().register(RelationSaveSection.KEY, relations.saveSection());

        World() {
            engine.addSystem(relations);
        }

        Entity npc(String id) {
            Entity e = engine.createEntity();
            e.add(new RelationshipComponent().setId(id));
            engine.addEntity(e);
            return e;
        }
    }

    @Test
    void aSaveRestoresEveryNpcAndNpcsThatJoinLater() {
        Path file = dir.resolve("slot.json");
        World a = new World();
        Entity guard = a.npc("guard");
        Entity mira = a.npc("mira");
        a.relations.apply(guard, "attack", "player");
        a.relations.set(mira, "guard", "trust", 0.7f);
        a.save.save(file);

        World b = new World();
        Entity guard2 = b.npc("guard");
        Entity stranger = b.npc("stranger");
        b.relations.set(stranger, "player", "trust", 0.9f);
        GameSave.LoadReport report = b.save.load(file);
        assertEquals(java.util.List.of(RelationSaveSection.KEY), report.loaded());
        assertEquals(a.relations.value(guard, "player", "fear"), b.relations.value(guard2, "player", "fear"));
        assertEquals(0f, b.relations.value(stranger, "player", "trust"), "an NPC the save does not name is reset");
        assertEquals(1, b.relations.parkedCount(), "Mira is not in the engine yet");
        Entity mira2 = b.npc("mira");
        assertEquals(0.7f, b.relations.value(mira2, "guard", "trust"), 1e-6, "she gets hers when she joins");
        assertEquals(0, b.relations.parkedCount());
        com.fasterxml.jackson.databind.node.ObjectNode loaded =
                (com.fasterxml.jackson.databind.node.ObjectNode) b.relations.toJson().get("npcs");
        loaded.remove("stranger");
        assertEquals(a.relations.toJson().get("npcs"), loaded);
    }

    @Test
    void parkedRelationshipsAreSavedAgain() {
        Path file = dir.resolve("slot.json");
        World a = new World();
        a.relations.set(a.npc("tom"), "player", "affinity", 0.4f);
        a.save.save(file);
        World b = new World();
        b.save.load(file);
        JsonNode again = b.relations.toJson();
        assertEquals(0.4f, again.at("/npcs/tom/toward/player/affinity").floatValue(), 1e-6);
    }

    @Test
    void invalidDataChangesNothing() throws Exception {
        Path file = dir.resolve("slot.json");
        World a = new World();
        Entity guard = a.npc("guard");
        a.relations.set(guard, "player", "trust", 0.5f);
        a.save.save(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"trust\" : 0.5"), text);
        Files.writeString(file, text.replace("\"trust\" : 0.5", "\"trust\" : \"high\""));
        Files.deleteIfExists(dir.resolve("slot.json.bak")); // no backup to fall back to
        a.relations.set(guard, "player", "trust", -0.3f);
        AnimataException e = assertThrows(AnimataException.class, () -> a.save.load(file));
        assertTrue(e.getMessage().contains("toward.player.trust"), e.getMessage());
        assertEquals(-0.3f, a.relations.value(guard, "player", "trust"), 1e-6);
    }
}
