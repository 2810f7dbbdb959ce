package io.animata.core.npc.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionRulesTest {
    /** Whether a door is in reach of the NPC, as the game would know it. */
    static final class DoorInReach implements com.badlogic.ashley.core.Component {
    }

    static ActionRules demoRules() {
        return ActionRules.of(
                ActionDefinition.builder("give_item").optDescription("hand the player an item")
                        .addArg(ActionArg.inventoryItem("item"))
                        .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
                        .build(),
                ActionDefinition.builder("open_door")
                        .addPrecondition("a door is in reach", (npc, a) -> npc.getComponent(DoorInReach.class) != null)
                        .build(),
                ActionDefinition.of("follow"),
                ActionDefinition.builder("trade").addArg(ActionArg.oneOf("item", "sword", "shield"))
                        .addArg(ActionArg.integer("price"))
                        .addPrecondition("a fair price", (npc, a) -> a.integer("price") >= 5).build());
    }

    private static Entity npc(String... items) {
        Entity e = new Entity();
        InventoryComponent inv = new InventoryComponent();
        inv.items.addAll(items);
        e.add(inv);
        return e;
    }

    @Test
    void acceptsAWellFormedAllowedActionWhosePreconditionsHold() {
        ActionRules rules = demoRules();
        Entity mira = npc("key", "bread");
        Array<String> scratch = new Array<>();
        assertEquals(ActionVerdict.ACCEPTED,
                rules.validate(mira, new NpcAction("give_item", Map.of("item", "key")), scratch));
        assertEquals(ActionVerdict.ACCEPTED, rules.validate(mira, NpcAction.of("follow"), scratch));
        assertEquals(ActionVerdict.ACCEPTED,
                rules.validate(mira, new NpcAction("trade", Map.of("item", "sword", "price", 7L)), scratch));
    }

    @Test
    void refusesWithAReasonForEachWayAnActionCanBeWrong() {
        ActionRules rules = demoRules();
        Entity mira = npc("bread");
        Array<String> s = new Array<>();
        assertRefused("unknown verb 'burn'", rules.validate(mira, NpcAction.of("burn"), s));
        assertRefused("'key', not one of [bread]",
                rules.validate(mira, new NpcAction("give_item", Map.of("item", "key")), s));
        assertRefused("needs argument 'item'", rules.validate(mira, NpcAction.of("give_item"), s));
        assertRefused("takes no argument 'target'",
                rules.validate(mira, new NpcAction("follow", Map.of("target", "x")), s));
        assertRefused("must be an integer",
                rules.validate(mira, new NpcAction("trade", Map.of("item", "sword", "price", "ten")), s));
        assertRefused("precondition of trade failed: a fair price",
                rules.validate(mira, new NpcAction("trade", Map.of("item", "sword", "price", 1L)), s));
        assertRefused("precondition of open_door failed: a door is in reach",
                rules.validate(mira, NpcAction.of("open_door"), s));
        mira.add(new DoorInReach());
        assertTrue(rules.validate(mira, NpcAction.of("open_door"), s).accepted());
    }

    @Test
    void theNpcsOwnAllowListNarrowsTheGamesVerbs() {
        ActionRules rules = demoRules();
        Entity guard = npc("key");
        guard.add(new ActionsComponent().allow("follow", "open_door", "fly"));
        Array<String> verbs = new Array<>();
        rules.allowedVerbs(guard, verbs);
        assertEquals(new Array<>(new String[] {"open_door", "follow"}), verbs, "defined verbs only, in their order");
        assertRefused("not in this NPC's allowed actions",
                rules.validate(guard, new NpcAction("give_item", Map.of("item", "key")), new Array<>()));
        assertFalse(rules.isAllowed(guard, "fly"));
        guard.getComponent(ActionsComponent.class).allowed.clear();
        assertFalse(rules.isAllowed(guard, "follow"), "an empty allow-list allows nothing");
    }

    @Test
    void definitionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ActionDefinition.of("Give Item"));
        assertThrows(IllegalArgumentException.class, () -> ActionDefinition.of("none"));
        assertThrows(IllegalArgumentException.class, () -> ActionArg.text("action"));
        assertThrows(IllegalArgumentException.class, () -> ActionDefinition.builder("x")
                .addArg(ActionArg.text("a")).addArg(ActionArg.integer("a")).build());
        assertThrows(IllegalArgumentException.class, () -> ActionRules.of(ActionDefinition.of("x"),
                ActionDefinition.of("x")));
    }

    private static void assertRefused(String reasonPart, ActionVerdict v) {
        assertFalse(v.accepted(), v.toString());
        assertTrue(v.reason().contains(reasonPart), v.reason());
    }
}
