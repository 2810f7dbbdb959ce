package io.animata.core.npc.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.NpcAction;
import io.animata.core.npc.action.NpcActionEvent;
import io.animata.core.npc.save.GameSave;
import io.animata.runtime.AnimataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story and the actions: allow-lists and inventories follow the slice; accepted actions count with arguments. */
class StoryActionsTest {
    static final String SLICE = """
            {"id": "shop", "start": {"items": {"gem": "a", "ring": "a", "coin": "b"}},
             "npcs": {"a": {"actions": ["give_item", "trade", "stay"]}, "b": {"actions": ["follow"]}},
             "stages": [{"id": "open"},
                        {"id": "closed", "when": {"item": "gem", "heldBy": "player"},
                         "actions": {"a": ["stay"]}}],
             "triggers": [{"when": {"action": "give_item", "by": "a", "with": {"item": "gem"}},
                           "do": {"items": {"gem": "player"}}},
                          {"when": {"action": "trade", "by": "a", "with": {"item": "ring", "price": 10}},
                           "do": {"items": {"ring": "player"}}}],
             "ends": [{"id": "rich", "when": {"all": [{"item": "ring", "heldBy": "player"},
                                                      {"item": "gem", "heldBy": "player"}]}}]}""";

    @TempDir
    Path dir;
    private final Engine engine = new Engine();
    private final StorySystem story = StorySystem.builder().build();
    private final Entity a = engine.createEntity();
    private final Entity b = engine.createEntity();
    private final NpcActionEvent event = new NpcActionEvent();

    StoryActionsTest() {
        engine.addEntity(a);
        engine.addEntity(b);
        engine.addSystem(story);
        story.cast("a", a);
        story.cast("b", b);
        story.start(StorySlice.parse(SLICE, "shop.json"));
    }

    private static List<String> list(Array<String> array) {
        List<String> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private void accepted(Entity npc, String verb, Map<String, Object> args) {
        story.receive(null, event.set(npc, new NpcAction(verb, args)));
        engine.update(1f / 60);
    }

    @Test
    void theCastsAllowListsAndInventoriesFollowTheStory() {
        assertEquals(List.of("give_item", "trade", "stay"), list(a.getComponent(ActionsComponent.class).allowed));
        assertEquals(List.of("follow"), list(b.getComponent(ActionsComponent.class).allowed));
        assertEquals(List.of("gem", "ring"), list(a.getComponent(InventoryComponent.class).items));
        assertEquals(List.of("coin"), list(b.getComponent(InventoryComponent.class).items));

        story.world().giveItem("coin", "a"); // the game moves an item of the story
        a.getComponent(InventoryComponent.class).items.add("bread"); // and keeps its own
        engine.update(1f / 60);
        assertEquals(List.of("gem", "ring", "bread", "coin"), list(a.getComponent(InventoryComponent.class).items));
        assertEquals(List.of(), list(b.getComponent(InventoryComponent.class).items));

        accepted(a, "give_item", Map.of("item", "gem"));
        assertEquals("closed", story.stage());
        assertEquals(List.of("stay"), list(a.getComponent(ActionsComponent.class).allowed), "the stage narrows");
        assertEquals(List.of("stay"), story.allowedActions("a"));
        assertEquals(List.of("stay"), story.allowedActions(a));
        assertEquals(List.of("ring", "bread", "coin"), list(a.getComponent(InventoryComponent.class).items));
    }

    @Test
    void conditionsReadTheArgumentsOfAcceptedActions() {
        accepted(a, "give_item", Map.of("item", "ring"));
        assertEquals("a", story.world().holder("gem"), "giving the ring is not giving the gem");
        assertEquals(1, story.world().eventCount("a:give_item"));
        assertEquals(1, story.world().eventCount("a:give_item:item=ring"));
        accepted(a, "trade", Map.of("item", "ring", "price", 5L));
        assertEquals("a", story.world().holder("ring"), "each named argument must match");
        accepted(a, "trade", Map.of("item", "ring", "price", 10L));
        assertEquals("player", story.world().holder("ring"));
        accepted(a, "give_item", Map.of("item", "gem"));
        assertFalse(story.isRunning());
        assertEquals("rich", story.report().endId());
    }

    @Test
    void actionsOutsideTheCastOrNotAllowedNowDoNotCount() {
        Entity stranger = engine.createEntity();
        accepted(stranger, "give_item", Map.of("item", "gem"));
        accepted(b, "give_item", Map.of("item", "gem"));
        assertEquals("a", story.world().holder("gem"));
        assertEquals(0, story.world().eventCount("*:give_item"));
        accepted(a, "give_item", Map.of("item", "gem"));
        assertFalse(story.action("a", NpcAction.of("trade")), "the closed stage allows a only to stay");
        assertTrue(story.action("a", NpcAction.of("stay")));
    }

    @Test
    void aStageCanOnlyNarrowAnNpcsVerbs() {
        String bad = SLICE.replace("\"actions\": {\"a\": [\"stay\"]}", "\"actions\": {\"a\": [\"attack\"]}");
        AnimataException e = assertThrows(AnimataException.class, () -> StorySlice.parse(bad, "bad.json"));
        assertTrue(e.getMessage().contains("stages[1].actions.a[0]: 'attack' is not one of a's actions"),
                e.getMessage());
        String nobody = SLICE.replace("\"actions\": {\"a\": [\"stay\"]}", "\"actions\": {\"c\": [\"stay\"]}");
        e = assertThrows(AnimataException.class, () -> StorySlice.parse(nobody, "bad.json"));
        assertTrue(e.getMessage().contains("stages[1].actions.c: 'c' is not one of the slice's npcs"),
                e.getMessage());
        String noArgs = SLICE.replace("\"with\": {\"item\": \"gem\"}", "\"with\": {}");
        e = assertThrows(AnimataException.class, () -> StorySlice.parse(noArgs, "bad.json"));
        assertTrue(e.getMessage().contains("triggers[0].when.with: names no argument"), e.getMessage());
    }

    @Test
    void castComponentsCanBeLeftToTheGame() {
        Engine other = new Engine();
        StorySystem own = StorySystem.builder().optCastComponents(false).build();
        other.addSystem(own);
        Entity c = other.createEntity();
        Entity d = other.createEntity();
        own.cast("a", c);
        own.cast("b", d);
        own.start(StorySlice.parse(SLICE, "shop.json"));
        other.update(1f / 60);
        assertNull(c.getComponent(ActionsComponent.class));
        assertNull(c.getComponent(InventoryComponent.class));
    }

    @Test
    void theSaveSectionStartsTheSavedSliceInAFreshStoryAndRestoresItsCast() throws Exception {
        accepted(a, "give_item", Map.of("item", "gem"));
        Path file = dir.resolve("slot.json");
        new GameSave().register(StorySaveSection.KEY, story.saveSection(id -> StorySlice.parse(SLICE, id))).save(file);

        Engine other = new Engine();
        StorySystem loaded = StorySystem.builder().build();
        other.addSystem(loaded);
        List<String> told = new ArrayList<>();
        loaded.addListener((s, r) -> told.add(r.endId()));
        GameSave save = new GameSave().register(StorySaveSection.KEY,
                loaded.saveSection(id -> StorySlice.parse(SLICE, id)));
        AnimataException e = assertThrows(AnimataException.class, () -> save.load(file));
        assertTrue(e.getMessage().contains("involves NPC 'a' but no entity was cast"), e.getMessage());
        assertNull(loaded.slice(), "nothing was started");

        Entity a2 = other.createEntity();
        Entity b2 = other.createEntity();
        loaded.cast("a", a2);
        loaded.cast("b", b2);
        save.load(file);
        assertEquals(story.toJson(), loaded.toJson());
        assertEquals("closed", loaded.stage());
        assertEquals(List.of("stay"), list(a2.getComponent(ActionsComponent.class).allowed));
        assertEquals(List.of("ring"), list(a2.getComponent(InventoryComponent.class).items));
        assertEquals(List.of(), told);
    }

    @Test
    void aSaveWithoutAStoryStopsTheRunningOneAndAnUnknownSliceIsAnError() throws Exception {
        Path file = dir.resolve("none.json");
        StorySystem idle = StorySystem.builder().build();
        new GameSave().register(StorySaveSection.KEY, idle.saveSection()).save(file);
        new GameSave().register(StorySaveSection.KEY, story.saveSection()).load(file);
        assertFalse(story.isRunning());

        ObjectMapper json = new ObjectMapper();
        StorySaveSection section = idle.saveSection();
        AnimataException e = assertThrows(AnimataException.class,
                () -> section.prepare(json.readTree("{\"version\": 1, \"slice\": \"shop\"}"), 1, json));
        assertTrue(e.getMessage().contains("no shipped story slice 'shop'"), e.getMessage());
    }
}
