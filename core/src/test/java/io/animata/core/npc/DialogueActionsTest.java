package io.animata.core.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.NpcAction;
import io.animata.core.npc.action.NpcActionEvent;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.text.ChatRole;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Structured actions through DialogueSystem: validation on the game thread, events, refusals, per-NPC lists. */
class DialogueActionsTest {
    private static final ActionDefinition GIVE = ActionDefinition.builder("give_item")
            .optDescription("hand the player an item you carry")
            .addArg(ActionArg.inventoryItem("item"))
            .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
            .build();
    private static final ActionDefinition FOLLOW = ActionDefinition.builder("follow")
            .optDescription("walk with the player")
            .addPrecondition("the player is near", (npc, a) -> true).build();
    private static final ActionDefinition OPEN = ActionDefinition.builder("open_door")
            .addPrecondition("a door is in reach", (npc, a) -> false).build();

    private final List<NpcAction> events = new ArrayList<>();
    private final List<Entity> eventNpcs = new ArrayList<>();
    private final List<GenerationRequest> requests = new ArrayList<>();

    private NpcFixture fixture(Function<GenerationRequest, String> script) {
        ScriptedLanguageModel model = ScriptedLanguageModel.builder().setReplies(r -> {
            requests.add(r);
            return script.apply(r);
        }).build();
        NpcFixture f = new NpcFixture(RunMode.LOCKSTEP, model, TextQueueOptions.DEFAULT.withStepsPerFrame(2),
                DialogueSystem.builder().optActions(GIVE, FOLLOW, OPEN));
        f.dialogue.addActionListener((signal, event) -> {
            events.add(event.action());
            eventNpcs.add(event.npc());
        });
        return f;
    }

    private static Entity withItems(Entity npc, String... items) {
        InventoryComponent inventory = new InventoryComponent();
        inventory.items.addAll(items);
        npc.add(inventory);
        return npc;
    }

    @Test
    void anAcceptedActionIsDispatchedOnceAndShownWithItsArguments() {
        try (NpcFixture f = fixture(r -> "Here, take it.\nACTION: {\"action\": \"give_item\", \"item\": \"key\"}")) {
            Entity mira = withItems(f.npc("mira", true), "key", "bread");
            List<String> heard = new ArrayList<>();
            f.dialogue.addListener((npc, d) -> heard.add(d.action() + " " + d.actionArgs() + " events=" + events.size()));
            f.dialogue.say(mira, "Could I have the key?");
            f.untilIdle(mira, 50);
            for (int i = 0; i < 5; i++) {
                f.update();
            }
            DialogueComponent d = NpcFixture.dialogue(mira);
            assertEquals(List.of(new NpcAction("give_item", Map.of("item", "key"))), events, "exactly one event");
            assertSame(mira, eventNpcs.get(0));
            assertEquals(List.of("give_item {item=key} events=1"), heard, "listeners hear after the event");
            assertEquals("Here, take it.", d.lastReply());
            assertEquals("give_item", d.action());
            assertEquals(Map.of("item", "key"), d.actionArgs());
            assertNull(d.actionRejection());
            MemoryComponent memory = mira.getComponent(MemoryComponent.class);
            assertEquals(ChatRole.ASSISTANT, memory.role(1));
            assertEquals("Here, take it.\nACTION: {\"action\":\"give_item\",\"item\":\"key\"}", memory.text(1));
        }
    }

    @Test
    void aFailedPreconditionOrAnItemNotCarriedIsRefusedInCharacter() {
        try (NpcFixture f = fixture(r -> r.messages().get(r.messages().size() - 1).content().contains("door")
                ? "Of course.\nACTION: {\"action\": \"open_door\"}"
                : "Here.\nACTION: {\"action\": \"give_item\", \"item\": \"crown\"}")) {
            Entity guard = withItems(f.npc("guard", false), "key");
            DialogueComponent d = NpcFixture.dialogue(guard);
            f.dialogue.say(guard, "Open the door.");
            f.untilIdle(guard, 50);
            assertEquals(DialogueSystem.NO_ACTION, d.action());
            assertEquals("open_door", d.proposedAction());
            assertEquals("precondition of open_door failed: a door is in reach", d.actionRejection());
            assertEquals(Persona.builtIn("guard").refusalLines().get(0), d.lastReply());

            f.dialogue.say(guard, "Give me the crown.");
            f.untilIdle(guard, 50);
            assertTrue(d.actionRejection().contains("'crown', not one of [key]"), d.actionRejection());
            assertEquals(Persona.builtIn("guard").refusalLines().get(1), d.lastReply());
            assertTrue(d.actionArgs().isEmpty());
            assertNull(d.acceptedAction());
            assertTrue(events.isEmpty());
        }
    }

    @Test
    void eachNpcHasItsOwnAllowListAndSeesOnlyItsVerbsInTheRules() {
        try (NpcFixture f = fixture(r -> "Right.\nACTION: {\"action\": \"give_item\", \"item\": \"key\"}")) {
            Entity guard = withItems(f.npc("guard", false), "key");
            guard.add(new ActionsComponent().allow("follow"));
            Entity tom = f.npc("tom", false); // no inventory: give_item cannot be offered to it
            f.dialogue.say(guard, "The key, please.");
            f.untilIdle(guard, 50);
            assertEquals("'give_item' is not in this NPC's allowed actions",
                    NpcFixture.dialogue(guard).actionRejection());
            f.dialogue.say(tom, "The key, please.");
            f.untilIdle(tom, 50);
            assertTrue(NpcFixture.dialogue(tom).actionRejection().contains("not one of []"));
            assertTrue(events.isEmpty());

            String guardRules = requests.get(0).messages().get(0).content();
            assertTrue(guardRules.contains("\n  - follow: walk with the player"), guardRules);
            assertFalse(guardRules.contains("give_item"), guardRules);
            String tomRules = requests.get(1).messages().get(0).content();
            assertTrue(tomRules.contains("- follow") && tomRules.contains("- open_door"), tomRules);
            assertFalse(tomRules.contains("give_item"), tomRules);
            assertTrue(requests.get(0).constraint() != null && requests.get(0).structuredReply() != null,
                    "the request carries the NPC's schema for constrained decoding and structured output");
            assertTrue(requests.get(0).constraint() != requests.get(1).constraint(), "different schemas");
        }
    }

    @Test
    void npcsWithTheSameSchemaShareOneGrammarAndAnNpcWithNoVerbsGetsNoConstraint() {
        try (NpcFixture f = fixture(r -> "Hm.")) {
            Entity a = withItems(f.npc("mira", false), "key");
            Entity b = withItems(f.npc("tom", false), "key");
            Entity mute = f.npc("guard", false);
            mute.add(new ActionsComponent());
            for (Entity npc : List.of(a, b, mute)) {
                f.dialogue.say(npc, "Hello.");
                f.untilIdle(npc, 50);
            }
            assertSame(requests.get(0).constraint(), requests.get(1).constraint());
            assertNull(requests.get(2).constraint());
            assertFalse(requests.get(2).messages().get(0).content().contains("ACTION:"));
        }
    }

    @Test
    void theOldFormStillWorksAndNoneOrMidReplyActionsAreNoAction() {
        try (NpcFixture f = fixture(r -> switch (r.messages().get(r.messages().size() - 1).content()) {
            case "a" -> "Let's go.\nACTION: follow";
            case "b" -> "Nothing to do.\nACTION: none";
            default -> "ACTION: {\"action\": \"follow\"}\nActually, no.";
        })) {
            Entity tom = f.npc("tom", false);
            DialogueComponent d = NpcFixture.dialogue(tom);
            f.dialogue.say(tom, "a");
            f.untilIdle(tom, 50);
            assertEquals("follow", d.action());
            assertEquals("Let's go.", d.lastReply());
            f.dialogue.say(tom, "b");
            f.untilIdle(tom, 50);
            assertEquals(DialogueSystem.NO_ACTION, d.action());
            assertNull(d.actionRejection());
            assertEquals("Nothing to do.", d.lastReply());
            f.dialogue.say(tom, "c");
            f.untilIdle(tom, 50);
            assertEquals(DialogueSystem.NO_ACTION, d.action());
            assertNull(d.proposedAction(), "an action line that is not the last line is no proposal");
            assertEquals("Actually, no.", d.lastReply());
            assertEquals(List.of(NpcAction.of("follow")), events);
        }
    }

    @Test
    void malformedJsonIsRefusedAndTheEventObjectIsReused() {
        List<NpcActionEvent> seen = new ArrayList<>();
        try (NpcFixture f = fixture(r -> r.messages().get(r.messages().size() - 1).content().equals("x")
                ? "Hm.\nACTION: {\"action\": \"follow\"" : "Fine.\nACTION: {\"action\": \"follow\"}")) {
            f.dialogue.addActionListener((signal, e) -> seen.add(e));
            Entity tom = f.npc("tom", false);
            f.dialogue.say(tom, "x");
            f.untilIdle(tom, 50);
            assertTrue(NpcFixture.dialogue(tom).actionRejection().startsWith("malformed action: "));
            f.dialogue.say(tom, "y");
            f.untilIdle(tom, 50);
            f.dialogue.say(tom, "z");
            f.untilIdle(tom, 50);
            assertEquals(2, seen.size());
            assertSame(seen.get(0), seen.get(1), "one pooled event object");
        }
    }
}
