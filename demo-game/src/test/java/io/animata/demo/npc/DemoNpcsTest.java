package io.animata.demo.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.math.Vector2;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.core.npc.DialogueState;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.demo.DemoReport;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWorld;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerInput;
import io.animata.runtime.RunMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dungeon adventure with its NPCs, headless and in lockstep: the smoke run with a real (tiny, random) ONNX
 * decoder loaded from a model folder, actions carried out with a model that asks for them, the fallback without a
 * model, and walking away.
 */
class DemoNpcsTest {
    private static final DemoSettings LOCKSTEP = DemoSettings.defaults().withSeed(42L).withMode(RunMode.LOCKSTEP);
    private static final PlayerInput STANDING = (player, out) -> out.setZero();

    @Test
    void aSmokeRunPlaysWithNpcsThatReplyThroughTheModelWhileTheBotsAct(@TempDir Path dir) {
        NpcSettings npcs = NpcSettings.defaults()
                .withModel(DialogueModelSource.folder(TestModels.tinyDecoderFolder(dir.resolve("dialogue"), 3L)));
        TalkingPlayer talker = new TalkingPlayer();
        try (DemoWorld demo = new DemoWorld(LOCKSTEP, talker, npcs)) {
            talker.attach(demo.npcs());
            DungeonLevel level = demo.level();
            run(demo, 400);

            DemoNpcs people = demo.npcs();
            assertTrue(people.isModelLoaded(), people.modelStatus());
            assertEquals(NpcSettings.DEFAULT_COUNT, people.count());
            assertTrue(talker.linesSaid() >= 2, "the scripted player said " + talker.linesSaid() + " lines");
            DemoReport report = demo.report(demo.stepTimes());
            assertTrue(report.npcReplies() >= 1, "replies from the model: " + report.summary());
            for (int i = 0; i < people.count(); i++) {
                // the random decoder may end a reply at once: an empty reply becomes a fallback line, nothing else
                assertTrue(!people.dialogue(i).isFallback()
                        || "the model gave an empty reply".equals(people.dialogue(i).lastError()),
                        people.dialogue(i).lastError());
            }
            assertTrue(report.npcReplies() + people.fallbacks() >= talker.linesSaid() - 1, report.summary());
            assertEquals(0, people.dialogueSystem().cancelledReplies(), "the scripted player waits for replies");
            assertTrue(report.botDecisions() >= 20L * (400 / DemoWorld.DECISION_PERIOD - 1), report.toString());
            Playability verdict = PlayabilityCheck.forLegend(level.legend()).check(level.grid());
            assertTrue(verdict.isPlayable(), verdict.toString());
            assertTrue(report.summary().contains("NPCs: 3 per dungeon"), report.summary());
            assertTrue(report.resultLine().startsWith("RESULT frames=400 npc_replies=" + report.npcReplies()
                    + " npc_actions="), report.resultLine());
        }
    }

    @Test
    void npcsCarryOutTheActionsTheirRepliesNameWhenTheirPreconditionsHoldAndTheStoryEndsPeacefully() {
        NpcSettings npcs = NpcSettings.defaults().withModel(DialogueModelSource.of("acting", TestModels::acting));
        TalkingPlayer talker = new TalkingPlayer();
        try (DemoWorld demo = new DemoWorld(LOCKSTEP, talker, npcs)) {
            talker.attach(demo.npcs());
            DemoNpcs people = demo.npcs();
            assertTrue(people.door().isPresent(), "seed 42's first dungeon has a dead end to lock");
            assertTrue(people.door().isLocked());
            assertEquals(List.of("mira", "tom", "guard"), List.of(people.npc(0).personaId, people.npc(1).personaId,
                    people.npc(2).personaId));
            assertTrue(InventoryComponent.has(people.entity(0), NpcActions.SPARE_KEY), "Mira keeps the spare key");
            assertTrue(InventoryComponent.has(people.entity(2), NpcActions.KEY), "the guard carries the key");
            int frame = 0;
            while (!talker.isDoneTalking() && frame < 60 * 60) {
                demo.step();
                frame++;
            }
            assertTrue(talker.isDoneTalking(), "the scripted player did not talk to everyone in a minute");

            // Mira: "Could you give me the key?" -> give_item spare_key (she has it); Tom: the door -> open_door,
            // not his to take (refused), "come with me" -> follow; the guard: "Can you spare a gold coin?" -> a coin
            assertFalse(InventoryComponent.has(people.entity(0), NpcActions.SPARE_KEY));
            assertEquals(1, demo.player().keys, "the spare key was given");
            assertTrue(people.door().isLocked(), "Tom may not open the door");
            assertTrue(people.npc(1).following, "Tom follows the player");
            assertEquals(DemoNpcs.COINS - 1, coins(people.entity(2)));
            assertEquals(3, people.actionsApplied());
            assertEquals(1, people.actionsRefused());
            assertEquals(6, people.replies());
            assertEquals(0, people.fallbacks());
            assertEquals("key_in_hand", people.story().system().stage());

            // the player takes the key to the door, which opens: the story's peaceful end
            frame = 0;
            while (people.door().isLocked() && frame < 60 * 30) {
                demo.step();
                frame++;
            }
            assertFalse(people.door().isLocked(), "the player opened the door with the key");
            assertEquals(0, demo.player().keys, "the door took the key");
            assertEquals(List.of("peaceful"), people.story().ends());
            run(demo, 120);
            Vector2 p = demo.player().body.getPosition();
            float gap = people.npc(1).body.getPosition().dst(p);
            assertTrue(gap < 4f, "the companion is " + gap + " m behind the player");
            DemoReport report = demo.report(demo.stepTimes());
            assertTrue(report.resultLine().contains(" npc_replies=6 npc_actions=3 "), report.resultLine());
            assertTrue(report.summary().contains("story_end=peaceful"), report.summary());
            assertFalse(report.resultLine().contains("story"), report.resultLine());
        }
    }

    private static int coins(Entity npc) {
        InventoryComponent inventory = npc.getComponent(InventoryComponent.class);
        int n = 0;
        for (int i = 0; i < inventory.items.size; i++) {
            n += NpcActions.COIN.equals(inventory.items.get(i)) ? 1 : 0;
        }
        return n;
    }

    @Test
    void withoutAModelNpcsSayTheirFallbackLinesAndTheGamePlaysOn(@TempDir Path dir) {
        NpcSettings npcs = NpcSettings.defaults().withModel(DialogueModelSource.folder(dir.resolve("missing")));
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withBots(4), STANDING, npcs)) {
            DemoNpcs people = demo.npcs();
            assertFalse(people.isModelLoaded());
            assertTrue(people.modelStatus().contains("no dialogue model"), people.modelStatus());
            Vector2 at = people.npc(0).body.getPosition();
            demo.player().body.setTransform(at.x + 1f, at.y, 0f);
            people.say(0, "Hello!");
            run(demo, 5);

            assertEquals(1, people.fallbacks());
            assertEquals(0, people.replies());
            assertTrue(people.dialogue(0).isFallback());
            assertTrue(people.persona(0).fallbackLines.contains(people.dialogue(0).lastReply(), false),
                    people.dialogue(0).lastReply());
            assertEquals(0, demo.report(demo.stepTimes()).npcReplies());
        }
    }

    @Test
    void walkingAwayCancelsTheReply() {
        NpcSettings npcs = NpcSettings.defaults().withModel(DialogueModelSource.of("acting", TestModels::acting));
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withBots(2), STANDING, npcs)) {
            DemoNpcs people = demo.npcs();
            Vector2 at = people.npc(0).body.getPosition();
            demo.player().body.setTransform(at.x + 1f, at.y, 0f);
            people.say(0, "Hello there! Who are you?");
            demo.step();
            assertTrue(people.dialogue(0).isBusy());
            Vector2 start = new Vector2(at);
            demo.player().body.setTransform(demo.level().worldX(demo.level().start()),
                    demo.level().worldY(demo.level().start()), 0f);
            assertTrue(start.dst(demo.player().body.getPosition()) > ConversationRules.LEAVE_DISTANCE);
            demo.step();

            assertEquals(1, people.dialogueSystem().cancelledReplies());
            assertEquals(DialogueState.IDLE, people.dialogue(0).state());
            assertFalse(people.npc(0).talkingWithPlayer);
            run(demo, 30);
            assertEquals(0, people.replies(), "a cancelled reply never completes");
        }
    }

    @Test
    void framesWithNpcsAndACompanionAllocateNothingOnTheGameThreadWhileNobodyTalks() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        NpcSettings npcs = NpcSettings.defaults().withModel(DialogueModelSource.of("acting", TestModels::acting));
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withSeed(1L).withBots(4), STANDING, npcs)) {
            demo.npcs().npc(0).following = true;
            run(demo, 300); // warm up: JIT, pools, the companion's walk to the player
            demo.npcs().npc(1).following = true; // measured: another companion walks up
            long before = threads.getThreadAllocatedBytes(self);
            run(demo, 300);
            long allocated = threads.getThreadAllocatedBytes(self) - before;
            assertTrue(allocated < 4096, allocated + " bytes allocated over 300 frames");
            run(demo, 240);
            Vector2 p = demo.player().body.getPosition();
            float gap = demo.npcs().npc(1).body.getPosition().dst(p);
            assertTrue(gap < CompanionSystem.KEEP_DISTANCE + 0.5f, "the companion walked up to the player: " + gap);
        }
    }

    private static void run(DemoWorld demo, int frames) {
        for (int i = 0; i < frames; i++) {
            demo.step();
        }
    }
}
