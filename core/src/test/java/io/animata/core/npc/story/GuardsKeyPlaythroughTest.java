package io.animata.core.npc.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted playthroughs of the shipped slice "The guard's key" in a headless engine with the demo's cast: player
 * lines go through the DialogueSystem to a rule-driven model that acts on the goal the story puts into the prompt
 * (it never reads the player's words for instructions), relationships change through the lines and the game's
 * events, and each path reaches the end it earns. Every action goes through validation: the story sets each NPC's
 * allow-list and inventory, the verbs have preconditions (the NPC holds the item it gives, the door is in reach), and
 * the story's triggers read the accepted actions with their arguments.
 */
class GuardsKeyPlaythroughTest {
    private final ScriptedLanguageModel model = ScriptedLanguageModel.builder()
            .setReplies(GuardsKeyPlaythroughTest::reply).build();
    private final Engine engine = new Engine();
    private final Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.LOCKSTEP)
            .optLockstepTimeout(Duration.ofSeconds(20)).build());
    private final RelationSystem relations = RelationSystem.builder().build();
    private final StorySystem story = StorySystem.builder().optRelations(relations).build();
    private final DialogueSystem dialogue = DialogueSystem.builder()
            .setQueue(animata.runtime().textQueue(model))
            .optWorldFacts(story.facts().andThen(relations.facts()))
            .optActions(
                    ActionDefinition.builder("give_item").optDescription("hand the player an item you carry")
                            .addArg(ActionArg.inventoryItem("item"))
                            .addPrecondition("the NPC has the item",
                                    (npc, a) -> InventoryComponent.has(npc, a.text("item"))).build(),
                    ActionDefinition.builder("open_door").optDescription("unlock and open the vault door")
                            .addPrecondition("the door is in reach and shut", (npc, a) -> atTheDoor(npc)).build(),
                    ActionDefinition.of("follow"), ActionDefinition.of("stay"), ActionDefinition.of("attack"),
                    ActionDefinition.builder("trade").addArg(ActionArg.inventoryItem("item"))
                            .addPrecondition("the NPC has the item",
                                    (npc, a) -> InventoryComponent.has(npc, a.text("item"))).build())
            .build();
    private final List<StoryReport> ends = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private final Entity guard;
    private final Entity mira;
    private final Entity tom;

    GuardsKeyPlaythroughTest() {
        engine.addSystem(relations);
        engine.addSystem(story);
        engine.addSystem(dialogue);
        dialogue.addListener(relations);
        dialogue.addActionListener(story);
        dialogue.addListener((npc, d) -> said.add(npc.getComponent(PersonaComponent.class).name + ": "
                + d.lastReply() + (d.action().equals(DialogueSystem.NO_ACTION) ? "" : " [" + d.action() + "]")
                + (d.actionRejection() == null ? "" : " (refused: " + d.actionRejection() + ")")));
        guard = npc("guard");
        mira = npc("mira");
        tom = npc("tom");
        StorySlice slice = StorySlice.load(StorySliceTest.SHIPPED);
        java.util.Map<String, Entity> cast = java.util.Map.of("guard", guard, "mira", mira, "tom", tom);
        for (StorySlice.StoryNpc n : slice.npcs()) {
            story.cast(n.id(), cast.get(n.id()));
        }
        story.addListener((s, report) -> ends.add(report));
        story.start(slice);
    }

    @AfterEach
    void close() {
        animata.dispose();
    }

    /** The rule-driven model: it does what the story's goal in its system prompt says, and talks otherwise. */
    private static String reply(GenerationRequest request) {
        String system = request.messages().get(0).content();
        if (system.contains("open the door for them")) {
            return "Very well, traveller. Go on through.\nACTION: {\"action\": \"open_door\"}";
        }
        if (system.contains("give them the spare key")) {
            return "By the forge, you have earned it. Take the spare key.\n"
                    + "ACTION: {\"action\": \"give_item\", \"item\": \"spare_key\"}";
        }
        if (system.contains("give up the key")) {
            return "Enough! Take the key and leave me be.\nACTION: {\"action\": \"give_item\", \"item\": \"key\"}";
        }
        if (system.contains("tell them to leave your forge")) {
            return "Out of my forge, brute!\nACTION: {\"action\": \"open_door\"}"; // not a verb Mira may use
        }
        if (system.contains("Mira has a spare key")) {
            return "Ah, friend, Mira keeps a spare key, and the captain warms to honest folk.";
        }
        return "Hm. We will see.";
    }

    private Entity npc(String id) {
        Entity e = engine.createEntity();
        e.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn(id)));
        DialogueComponent d = engine.createComponent(DialogueComponent.class);
        d.sampling = SamplingConfig.GREEDY;
        e.add(d);
        e.add(engine.createComponent(MemoryComponent.class));
        e.add(engine.createComponent(RelationshipComponent.class).setId(id));
        engine.addEntity(e);
        return e;
    }

    /** The game's precondition of open_door: the NPC stands at the door (the slice's placement) and it is shut. */
    private boolean atTheDoor(Entity npc) {
        for (StorySlice.StoryNpc n : story.slice().npcs()) {
            if (story.castMember(n.id()) == npc) {
                return n.place() != null && "door".equals(n.place().at()) && !story.world().flag("door_open");
            }
        }
        return false;
    }

    private static java.util.List<String> items(Entity npc) {
        java.util.List<String> out = new ArrayList<>();
        npc.getComponent(InventoryComponent.class).items.forEach(out::add);
        return out;
    }

    private static java.util.List<String> allowed(Entity npc) {
        java.util.List<String> out = new ArrayList<>();
        npc.getComponent(ActionsComponent.class).allowed.forEach(out::add);
        return out;
    }

    /** The player says a line and the game runs until the NPC has answered. */
    private void say(Entity npc, String line) {
        dialogue.say(npc, line);
        for (int frames = 0; npc.getComponent(DialogueComponent.class).isBusy(); frames++) {
            assertTrue(frames < 200, "no reply within 200 frames");
            engine.update(1f / 60);
        }
    }

    /** The game's door: it opens for a player who holds a key, or who breaks it. */
    private void playerTriesTheDoor() {
        if (story.world().holds("player", "key") || story.world().holds("player", "spare_key")) {
            story.world().setFlag("door_open", true);
        }
        engine.update(1f / 60);
    }

    private String lastSystemPrompt() {
        List<List<ChatMessage>> prompts = model.prompts();
        return prompts.get(prompts.size() - 1).get(0).content();
    }

    @Test
    void kindnessToMiraGetsTheSpareKeyAndOpensTheDoorPeacefully() {
        assertEquals(List.of("spare_key"), items(mira));
        assertEquals(List.of("give_item", "trade", "stay"), allowed(mira));
        say(tom, "Hello friend, who could help me with the vault door?");
        assertTrue(said.get(0).contains("Mira keeps a spare key"), said.toString());
        playerTriesTheDoor();
        assertTrue(story.isRunning(), "the door is locked and the player has no key");

        relations.apply(mira, "help", "player"); // the player carried coal at the forge
        story.event("helped_mira");
        String[] kind = {"Thank you for the welcome, Mira. Your blades are wonderful.",
            "I am glad to help at your forge, friend.", "Please, I respect your craft greatly."};
        int lines = 0;
        while (!story.world().holds("player", "spare_key")) {
            assertTrue(lines < 8, "Mira never gave the spare key: " + said);
            say(mira, kind[lines++ % kind.length]);
        }
        assertTrue(lines >= 2, "one line was enough; the rule should need a warmer Mira");
        assertTrue(lastSystemPrompt().contains("What you want now: You like this traveller: give them the spare key"),
                lastSystemPrompt());
        assertTrue(lastSystemPrompt().contains("You have: spare key."), lastSystemPrompt());
        assertTrue(lastSystemPrompt().contains("like the player"), lastSystemPrompt());
        assertEquals("key_in_hand", story.stage());
        assertEquals("Get on with your work at the forge.", story.goal("mira"));
        assertEquals(List.of(), items(mira), "the spare key left Mira's inventory with the story");
        assertEquals(List.of("trade", "stay"), allowed(mira), "the stage narrows Mira's verbs");
        assertTrue(lastSystemPrompt().contains("- give_item: hand the player an item you carry; \"item\" is one of"
                + " \"spare_key\""), lastSystemPrompt());
        assertFalse(lastSystemPrompt().contains("- open_door"), "Mira is never offered the door: " + lastSystemPrompt());

        playerTriesTheDoor();
        assertEquals(1, ends.size());
        StoryReport r = ends.get(0);
        assertEquals("peaceful", r.endId());
        assertEquals(List.of("locked", "key_in_hand"), r.stages());
        assertEquals(1, r.events().get("mira:give_item"));
        assertEquals(1, r.events().get("mira:give_item:item=spare_key"));
        assertEquals(1, r.events().get("spare_key_given"));
        assertFalse(r.events().containsKey("guard_attacked"));
    }

    @Test
    void attackingTheGuardFrightensHimIntoGivingUpTheKeyAndTheDoorOpensByForce() {
        say(guard, "Let me through.");
        assertTrue(lastSystemPrompt().contains("honest words and help may win your trust"), lastSystemPrompt());
        relations.apply(guard, "attack", "player"); // the game's combat: the player struck the guard
        story.event("guard_attacked");
        engine.update(1f / 60);
        assertTrue(relations.value(guard, "player", "fear") >= 0.5f);
        assertEquals("The traveller attacked the guard. Keep the spare key and tell them to leave your forge.",
                story.goal("mira"));
        say(guard, "The key. Now.");
        assertTrue(lastSystemPrompt().contains("give up the key"), lastSystemPrompt());
        assertTrue(lastSystemPrompt().contains("are afraid of the player"), lastSystemPrompt());
        assertEquals("player", story.world().holder("key"));
        assertEquals(List.of(), items(guard));
        playerTriesTheDoor();
        assertEquals("by_force", ends.get(0).endId());
        assertEquals(1, ends.get(0).events().get("guard:give_item:item=key"));
    }

    @Test
    void winningTheGuardsTrustMakesHimOpenTheDoor() {
        relations.apply(guard, "help", "player");       // the player chased off the wolves
        relations.apply(guard, "help", "player");       // and mended the gate
        relations.apply(guard, "promise_kept", "player"); // and came back with the mayor's seal as promised
        say(guard, "Thank you, captain. I am honest with you, as I promised.");
        assertTrue(said.get(said.size() - 1).endsWith("[open_door]"), said.toString());
        assertEquals("peaceful", ends.get(0).endId());
        assertEquals(1, ends.get(0).events().get("guard:open_door"));
        assertTrue(story.world().holds("guard", "key"), "the guard kept his key");
    }

    @Test
    void insultingTheGuardKeepsTheDoorShutAndThePlayerLeaves() {
        say(guard, "You useless old fool, open up.");
        say(guard, "Stupid coward. I hate this place.");
        assertTrue(relations.value(guard, "player", "trust") < -0.2f);
        engine.update(1f / 60);
        assertTrue(story.isRunning());
        assertFalse(said.stream().anyMatch(s -> s.contains("[open_door]")), said.toString());
        story.world().setFlag("player_left", true); // the player took the stairs
        engine.update(1f / 60);
        assertEquals("left", ends.get(0).endId());
    }

    @Test
    void miraCannotGiveTheSpareKeyOnceSheNoLongerHoldsIt() {
        story.world().giveItem("spare_key", "tom"); // the game: Tom borrowed it
        engine.update(1f / 60);
        assertEquals(List.of(), items(mira));
        assertEquals(List.of("spare_key"), items(tom));
        relations.set(mira, "player", "affinity", 0.9f); // she would like to give it
        say(mira, "Hello Mira.");
        assertTrue(story.goal("mira").contains("give them the spare key"), story.goal("mira"));
        DialogueComponent d = mira.getComponent(DialogueComponent.class);
        assertFalse(d.lastReply().contains("Take the spare key"), "a refused action is said as a refusal");
        assertEquals(DialogueSystem.NO_ACTION, d.action());
        assertTrue(d.actionRejection() != null && d.actionRejection().contains("spare_key"), said.toString());
        assertFalse(lastSystemPrompt().contains("- give_item"), "no item, no give_item offered: " + lastSystemPrompt());
        assertEquals("tom", story.world().holder("spare_key"));
        assertEquals(0, story.world().eventCount("mira:give_item"));
        assertEquals("locked", story.stage());
    }

    @Test
    void aVerbOutsideMirasAllowListIsRefusedAndNeverCounted() {
        story.event("guard_attacked");
        engine.update(1f / 60);
        say(mira, "Open the vault door for me.");
        DialogueComponent d = mira.getComponent(DialogueComponent.class);
        assertEquals("open_door", d.proposedAction());
        assertEquals(DialogueSystem.NO_ACTION, d.action());
        assertTrue(d.actionRejection().contains("not in this NPC's allowed actions"), d.actionRejection());
        assertFalse(story.world().flag("door_open"));
        assertEquals(0, story.world().eventCount("mira:open_door"));
        assertTrue(story.isRunning());
    }
}
