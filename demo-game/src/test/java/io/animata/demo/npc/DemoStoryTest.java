package io.animata.demo.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.utils.Array;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWorld;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerInput;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story slice in the dungeon, headless and in lockstep with a scripted model that acts: Mira gives her spare key
 * and the door it opens ends the story peacefully; actions the world does not allow are refused and change nothing;
 * the stairs and a forced door reach the slice's other ends; the prompt carries the slice and the feelings.
 */
class DemoStoryTest {
    private static final DemoSettings LOCKSTEP = DemoSettings.defaults().withSeed(42L).withMode(RunMode.LOCKSTEP)
            .withBots(2);

    /** Steers the player: standing still unless {@link #toward} is set. */
    private static final class Steering implements PlayerInput {
        final Vector2 toward = new Vector2();

        @Override
        public void move(io.animata.demo.PlayerComponent player, Vector2 out) {
            out.set(toward);
        }
    }

    @Test
    void miraGivesHerSpareKeyAndTheDoorItOpensEndsTheStoryPeacefully() {
        Steering input = new Steering();
        try (DemoWorld demo = world(input)) {
            DemoNpcs people = demo.npcs();
            DemoStory story = people.story();
            assertTrue(story.isStarted());
            assertEquals("locked", story.system().stage());
            assertTrue(story.appendStatus(new StringBuilder()).toString()
                    .startsWith("Story: The guard's key - stage The door is locked"));
            Entity mira = people.entity(0);
            Array<String> verbs = new Array<>();
            people.dialogueSystem().actionRules().allowedVerbs(mira, verbs);
            assertEquals(List.of("give_item", "stay"), List.of(verbs.toArray(String.class)),
                    "the slice's verbs that the demo defines");

            standNextTo(demo, 0);
            people.say(0, "Could you give me the key?");
            waitForReply(demo, 0);

            assertEquals("Here, take my key, traveller.", people.dialogue(0).lastReply());
            assertEquals("give_item", people.dialogue(0).action());
            assertFalse(InventoryComponent.has(mira, NpcActions.SPARE_KEY));
            assertEquals(1, demo.player().keys);
            assertEquals(1, people.actionsApplied());
            assertEquals("player", story.system().world().holder(NpcActions.SPARE_KEY));
            assertEquals("key_in_hand", story.system().stage());
            assertNull(story.currentEnd(), "a key in hand is not an end");

            // the player walks up to the door with it
            int front = NpcPlacement.nearDoor(demo.level(), people.door(), new int[0], -1);
            DungeonLevel level = demo.level();
            demo.player().body.setTransform(level.worldX(front), level.worldY(front), 0f);
            run(demo, 2);

            assertFalse(people.door().isLocked());
            assertEquals(0, demo.player().keys);
            assertEquals("peaceful", story.currentEnd());
            assertEquals(List.of("peaceful"), story.ends());
            assertEquals("The door was opened peacefully", story.lastReport().endTitle());
            assertEquals("Story: The guard's key - ended: peaceful",
                    story.appendStatus(new StringBuilder()).toString());
            assertTrue(demo.report(demo.stepTimes()).summary().contains("story_end=peaceful"));
        }
    }

    @Test
    void anItemSheDoesNotHaveIsRefusedInCharacterAndNothingChanges() {
        try (DemoWorld demo = world(new Steering())) {
            DemoNpcs people = demo.npcs();
            Entity mira = people.entity(0);
            standNextTo(demo, 0);
            people.say(0, "Give me your sword!");
            waitForReply(demo, 0);

            assertEquals(DialogueSystem.NO_ACTION, people.dialogue(0).action());
            assertNotNull(people.dialogue(0).actionRejection());
            assertTrue(people.persona(0).refusalLines.contains(people.dialogue(0).lastReply(), false),
                    "the bubble shows a refusal line: " + people.dialogue(0).lastReply());
            assertEquals(0, people.actionsApplied());
            assertEquals(1, people.actionsRefused());
            assertTrue(InventoryComponent.has(mira, NpcActions.SPARE_KEY), "she keeps what she has");
            assertEquals(0, demo.player().keys);
            assertEquals("locked", people.story().system().stage());
        }
    }

    @Test
    void actionsWhosePreconditionsFailInTheDungeonAreRefused() {
        try (DemoWorld demo = world(new Steering())) {
            DemoNpcs people = demo.npcs();
            // the player stands at the start, far from the guard: a coin cannot change hands
            Entity guard = people.entity(2);
            Vector2 g = people.npc(2).body.getPosition();
            assertTrue(g.dst(demo.player().body.getPosition()) > NpcActions.HAND_REACH);
            people.dialogueSystem().say(guard, "Can you spare a gold coin?");
            waitForReply(demo, 2);
            assertNotNull(people.dialogue(2).actionRejection());
            assertTrue(people.dialogue(2).actionRejection().contains("the player is within reach"),
                    people.dialogue(2).actionRejection());
            assertEquals(2, coinsOf(guard));

            // Tom may not open the door (the slice gives him follow and stay only)
            standNextTo(demo, 1);
            people.say(1, "Please open the locked door for me.");
            waitForReply(demo, 1);
            assertTrue(people.door().isLocked());
            assertTrue(people.dialogue(1).actionRejection().contains("allowed"), people.dialogue(1).actionRejection());

            // Tom cannot stay when he is not following
            people.say(1, "Wait here, please.");
            waitForReply(demo, 1);
            assertNotNull(people.dialogue(1).actionRejection());
            assertEquals(0, people.actionsApplied());
            assertEquals(3, people.actionsRefused());

            // the guard opens the door: it is in his reach (he stands in front of it)
            standNextTo(demo, 2);
            people.say(2, "Please open the locked door for me.");
            waitForReply(demo, 2);
            assertNull(people.dialogue(2).actionRejection());
            assertFalse(people.door().isLocked());
            assertEquals("peaceful", people.story().currentEnd());
        }
    }

    @Test
    void theStairsWithTheDoorShutEndTheStoryLeftAndTheNextDungeonStartsItAgain() {
        try (DemoWorld demo = world(new Steering())) {
            DemoNpcs people = demo.npcs();
            DungeonLevel level = demo.level();
            demo.player().body.setTransform(level.worldX(level.goal()), level.worldY(level.goal()), 0f);
            int frames = 0;
            while (demo.levelsPlayed() == 1 && frames++ < 600) {
                demo.step();
            }
            assertEquals(2, demo.levelsPlayed());
            assertEquals(List.of("left"), people.story().ends());
            assertEquals("left", people.story().lastEnd());
            assertTrue(people.story().isStarted(), "the next dungeon plays the story again");
            assertEquals("locked", people.story().system().stage());
        }
    }

    @Test
    void walkingIntoTheDoorWithoutAKeyBreaksItOpenTheStoryEndsByForce() {
        Steering input = new Steering();
        try (DemoWorld demo = world(input)) {
            DemoNpcs people = demo.npcs();
            DungeonLevel level = demo.level();
            int front = NpcPlacement.nearDoor(level, people.door(), new int[0], -1);
            demo.player().body.setTransform(level.worldX(front), level.worldY(front), 0f);
            input.toward.set(level.worldX(people.door().cell()) - level.worldX(front),
                    level.worldY(people.door().cell()) - level.worldY(front)).nor();
            run(demo, (int) (ConversationRules.FORCE_SECONDS / DemoWorld.STEP) - 10);
            assertTrue(people.door().isLocked(), "not yet");
            run(demo, 20);

            assertFalse(people.door().isLocked());
            assertEquals("by_force", people.story().currentEnd());
        }
    }

    @Test
    void thePromptCarriesTheSliceFactsTheGoalAndTheFeelings() {
        try (DemoWorld demo = world(new Steering())) {
            DemoNpcs people = demo.npcs();
            List<ChatMessage> prompt = people.dialogueSystem().prompt(people.entity(2), "Hello");
            String system = prompt.get(0).content();
            assertTrue(system.contains("You guard the locked door to the lower vault"), system);
            assertTrue(system.contains("What you want now: Keep the door shut."), system);
            assertTrue(system.contains("\"item\" is one of \"coin\", \"key\""), system);
            assertTrue(system.contains("You have: key."), system);
            assertTrue(system.contains("You carry 2 gold coins."), system);
            assertTrue(system.contains("trust"), system);
            StringBuilder feelings = people.story().appendFeelings(people.entity(2), new StringBuilder());
            assertTrue(feelings.toString().startsWith("trust -0.20"), feelings.toString());
        }
    }

    private static DemoWorld world(PlayerInput input) {
        return new DemoWorld(LOCKSTEP, input, NpcSettings.defaults()
                .withModel(DialogueModelSource.of("acting", TestModels::acting)));
    }

    private static void standNextTo(DemoWorld demo, int npc) {
        Vector2 at = demo.npcs().npc(npc).body.getPosition();
        demo.player().body.setTransform(at.x, at.y, 0f); // the player and the NPCs pass through each other
    }

    private static void waitForReply(DemoWorld demo, int npc) {
        demo.step();
        int frames = 0;
        while (demo.npcs().dialogue(npc).isBusy() && frames++ < 600) {
            demo.step();
        }
        assertFalse(demo.npcs().dialogue(npc).isBusy(), "no reply in 10 s");
    }

    private static int coinsOf(Entity npc) {
        InventoryComponent inventory = npc.getComponent(InventoryComponent.class);
        int n = 0;
        for (int i = 0; i < inventory.items.size; i++) {
            n += NpcActions.COIN.equals(inventory.items.get(i)) ? 1 : 0;
        }
        return n;
    }

    private static void run(DemoWorld demo, int frames) {
        for (int i = 0; i < frames; i++) {
            demo.step();
        }
    }
}
