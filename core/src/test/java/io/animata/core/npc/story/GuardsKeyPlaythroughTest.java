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
 * events, and each path reaches the end it earns.
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
            .optActions("give_item", "open_door", "follow", "stay", "attack", "trade")
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
        dialogue.addListener(story);
        dialogue.addListener((npc, d) -> said.add(npc.getComponent(PersonaComponent.class).name + ": "
                + d.lastReply() + (d.action().equals(DialogueSystem.NO_ACTION) ? "" : " [" + d.action() + "]")));
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
            return "Very well, traveller. Go on through. ACTION: open_door";
        }
        if (system.contains("give them the spare key")) {
            return "By the forge, you have earned it. Take the spare key. ACTION: give_item";
        }
        if (system.contains("give up the key")) {
            return "Enough! Take the key and leave me be. ACTION: give_item";
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

        playerTriesTheDoor();
        assertEquals(1, ends.size());
        StoryReport r = ends.get(0);
        assertEquals("peaceful", r.endId());
        assertEquals(List.of("locked", "key_in_hand"), r.stages());
        assertEquals(1, r.events().get("mira:give_item"));
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
        playerTriesTheDoor();
        assertEquals("by_force", ends.get(0).endId());
        assertEquals(1, ends.get(0).events().get("guard:give_item"));
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
}
