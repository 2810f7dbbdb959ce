package io.animata.core.npc.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verbs of the NPC contract as {@link ActionDefinition}s: {@code give_item} (argument {@code item}, an item of
 * the NPC's {@link InventoryComponent}, which it must have), {@code open_door}, {@code follow}, {@code stay},
 * {@code attack}, and {@code trade} (arguments {@code item}, from the inventory, and {@code price}, a whole number).
 * The shipped dialogue model is trained on prompts that describe exactly these definitions, so a game that uses them
 * sends the model the rules text it learned; other verbs are defined bare (no arguments).
 *
 * <p>Stateless and thread-safe; the preconditions run on the game thread, as every precondition does.
 */
public final class StandardActions {
    /** The contract's verbs, in the order the rules list them. */
    public static final List<String> VERBS = List.of("give_item", "open_door", "follow", "stay", "attack", "trade");

    private static final ActionDefinition GIVE_ITEM = ActionDefinition.builder("give_item")
            .addArg(ActionArg.inventoryItem("item"))
            .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
            .build();
    private static final ActionDefinition TRADE = ActionDefinition.builder("trade")
            .addArg(ActionArg.inventoryItem("item"))
            .addArg(ActionArg.integer("price"))
            .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
            .addPrecondition("the price is not negative", (npc, a) -> a.integer("price") >= 0)
            .build();

    private StandardActions() {
    }

    /**
     * @param verb a verb, e.g. "give_item" (trimmed, lower-cased, spaces become underscores)
     * @return the contract's definition of {@code verb}, or a bare definition (no arguments) for another verb
     */
    public static ActionDefinition definition(String verb) {
        String v = verb == null ? "" : verb.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (v) {
            case "give_item" -> GIVE_ITEM;
            case "trade" -> TRADE;
            default -> ActionDefinition.of(v);
        };
    }

    /**
     * @param verbs verbs, in the order the rules should list them; blank ones are skipped
     * @return their definitions, see {@link #definition}
     */
    public static ActionDefinition[] definitions(List<String> verbs) {
        List<ActionDefinition> list = new ArrayList<>();
        for (String v : verbs) {
            if (v != null && !v.isBlank()) {
                list.add(definition(v));
            }
        }
        return list.toArray(new ActionDefinition[0]);
    }
}
