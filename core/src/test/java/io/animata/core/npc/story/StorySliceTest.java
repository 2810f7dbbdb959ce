package io.animata.core.npc.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorySliceTest {
    static final Path SHIPPED = Path.of(System.getProperty("animata.root", ".."))
            .resolve("assets/stories/guards-key.json");

    @Test
    void theShippedSliceIsWrittenForTheDemoCast() {
        StorySlice s = StorySlice.load(SHIPPED);
        assertEquals("guards-key", s.id());
        assertEquals("The guard's key", s.title());
        assertEquals(List.of("guard", "mira", "tom"), s.npcs().stream().map(StorySlice.StoryNpc::id).toList());
        assertEquals(List.of("by_force", "peaceful", "left"), s.ends().stream().map(StorySlice.StoryEnd::id).toList());
        assertEquals(List.of("locked", "key_in_hand"), s.stages().stream().map(StorySlice.StoryStage::id).toList());
        assertEquals(List.of("open_door", "give_item", "attack", "stay"), s.npc("guard").actions());
        assertEquals("door", s.npc("guard").place().at());
        assertEquals("guard", s.start().items().get("key"));
        assertEquals("mira", s.start().items().get("spare_key"));
        assertEquals(1, s.stageIndex("key_in_hand"));
        // every NPC's persona is a built-in one, and the jar carries the same slice
        for (StorySlice.StoryNpc n : s.npcs()) {
            io.animata.core.npc.Persona.builtIn(n.persona());
        }
        assertEquals(s.npcs().size(), StorySlice.builtIn("guards-key").npcs().size());
        assertEquals(s.description(), StorySlice.builtIn("guards-key").description());
    }

    private static final String VALID = """
            {"id": "t", "npcs": {"a": {"actions": ["give_item"], "goals": [{"goal": "Be."}]}},
             "stages": [{"id": "one"}, {"id": "two", "when": {"flag": "x"}}],
             "ends": [{"id": "e", "when": {"flag": "done"}}]}""";

    @Test
    void aSmallSliceParsesWithDefaults() {
        StorySlice s = StorySlice.parse(VALID, "t.json");
        assertEquals("t", s.title());
        assertEquals(StorySlice.WorldChange.NONE, s.start());
        assertEquals(-1, s.npc("a").goals().get(0).stage());
        assertEquals(null, s.npc("a").place());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // what is wrong | where the message points
        "{\"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|id: missing",
        "{\"id\": \"t\", \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|npcs: missing",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}}|ends: missing",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": []}|ends: needs at least one end",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flg\": \"d\"}}]}|ends[0].when: unknown condition 'flg'",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\"}]}|ends[0]: missing 'when'",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}, {\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|ends[1].id: end 'e' is defined twice",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"all\": [{\"flag\": \"d\"}, {\"var\": \"g\"}]}}]}|ends[0].when.all[1]: needs a comparison",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"var\": \"g\", \">\": \"x\"}}]}|ends[0].when.>: must be a number",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\", \"event\": \"x\"}}]}|ends[0].when: a condition has one kind",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"stage\": \"nope\"}}]}|ends[0].when.stage: no stage 'nope'",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ends\": [{\"id\": \"e\", \"when\": {\"relation\": \"a\", \"dimension\": \"trust\"}}]}|ends[0].when: needs a comparison",
        "{\"id\": \"t\", \"npcs\": {\"a\": {\"actions\": [\"Open Door\"]}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|npcs.a.actions[0]: 'Open Door' is not a verb",
        "{\"id\": \"t\", \"npcs\": {\"a\": {\"mood\": 1}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|npcs.a.mood: unknown field",
        "{\"id\": \"t\", \"npcs\": {\"a\": {\"goals\": [{\"stage\": \"x\", \"goal\": \"g\"}]}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|npcs.a.goals[0].stage: no stage 'x'",
        "{\"id\": \"t\", \"npcs\": {\"a\": {\"goals\": [{\"when\": {\"flag\": \"d\"}}]}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|npcs.a.goals[0].goal: missing",
        "{\"id\": \"t\", \"npcs\": {\"a\": {\"place\": {\"x\": 1}}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|npcs.a.place: give both x and y",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"start\": {\"flags\": {\"d\": 1}}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|start.flags.d: must be true or false",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"start\": {\"relationships\": [{\"npc\": \"b\", \"trust\": 1}]}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|start.relationships[0].npc: 'b' is not one of the slice's npcs",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"start\": {\"relationships\": [{\"npc\": \"a\"}]}, \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|start.relationships[0]: names no dimension",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"stages\": [{\"id\": \"s\", \"when\": {\"flag\": \"d\"}}], \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|stages[0].when: the first stage is where the slice starts",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"stages\": [{\"id\": \"s\"}, {\"id\": \"u\"}], \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|stages[1]: missing 'when'",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"triggers\": [{\"when\": {\"flag\": \"d\"}}], \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|triggers[0]: a trigger needs 'do'",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"triggers\": [{\"when\": {\"flag\": \"d\"}, \"do\": {\"items\": {\"k\": 3}}}], \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|triggers[0].do.items.k: must be a non-empty text",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}}, \"ending\": [], \"ends\": [{\"id\": \"e\", \"when\": {\"flag\": \"d\"}}]}|ending: unknown field",
        "{\"id\": \"t\", \"npcs\": {\"a\": {}},|is not valid JSON",
        "[1, 2]|must be a JSON object",
    })
    void malformedSlicesNameTheField(String json, String expected) {
        AnimataException e = assertThrows(AnimataException.class, () -> StorySlice.parse(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("story slice bad.json"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void missingFilesAndUnknownShippedSlicesAreClearErrors() {
        AnimataException e = assertThrows(AnimataException.class, () -> StorySlice.load(Path.of("no/such.json")));
        assertTrue(e.getMessage().contains("story slice file not found"), e.getMessage());
        e = assertThrows(AnimataException.class, () -> StorySlice.builtIn("dragons"));
        assertTrue(e.getMessage().contains("shipped: guards-key"), e.getMessage());
    }
}
