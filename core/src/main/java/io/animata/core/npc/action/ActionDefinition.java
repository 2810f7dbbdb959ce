package io.animata.core.npc.action;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A verb a game lets its NPCs act out: its name, a short description for the model, its arguments
 * ({@link ActionArg}, with types and allowed values) and the preconditions that must hold in the world
 * ({@link ActionPrecondition}). Registered with {@link io.animata.core.npc.DialogueSystem.Builder#optActions}.
 *
 * <pre>{@code
 * ActionDefinition give = ActionDefinition.builder("give_item")
 *         .optDescription("hand the player an item you carry")
 *         .addArg(ActionArg.inventoryItem("item"))
 *         .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (preconditions and value sources are called on the game thread only).
 *
 * @param verb the verb, lower-case letters, digits and underscores
 * @param description what it does, for the model ("" for none)
 * @param args the arguments, all required, in the order the model writes them
 * @param preconditions what must hold in the world, each with a description for the log
 */
public record ActionDefinition(String verb, String description, List<ActionArg> args,
        List<Precondition> preconditions) {
    private static final Pattern VERB = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /**
     * A precondition and what it checks, for the log of a refused action.
     *
     * @param description e.g. "a door is in reach"
     * @param check the check
     */
    public record Precondition(String description, ActionPrecondition check) {
    }

    /** Validates and copies. */
    public ActionDefinition {
        if (verb == null || !VERB.matcher(verb).matches()) {
            throw new IllegalArgumentException("an action verb must be 1-32 lower-case letters, digits or underscores"
                    + " starting with a letter, was '" + verb + "'");
        }
        if (verb.equals(ActionParser.NO_ACTION)) {
            throw new IllegalArgumentException("'" + ActionParser.NO_ACTION + "' means no action; it cannot be a verb");
        }
        description = description == null ? "" : description.strip();
        args = List.copyOf(args);
        preconditions = List.copyOf(preconditions);
        for (int i = 0; i < args.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (args.get(i).name().equals(args.get(j).name())) {
                    throw new IllegalArgumentException("action " + verb + " has argument '" + args.get(i).name()
                            + "' twice");
                }
            }
        }
    }

    /** @return a verb with no arguments, no description and no preconditions */
    public static ActionDefinition of(String verb) {
        return builder(verb).build();
    }

    /** @return a builder for {@code verb} */
    public static Builder builder(String verb) {
        return new Builder(verb);
    }

    /** @return the argument named {@code name}, or null when the verb has none of that name */
    public ActionArg arg(String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).name().equals(name)) {
                return args.get(i);
            }
        }
        return null;
    }

    /** Builds an {@link ActionDefinition}. Not thread-safe. */
    public static final class Builder {
        private final String verb;
        private String description = "";
        private final List<ActionArg> args = new ArrayList<>();
        private final List<Precondition> preconditions = new ArrayList<>();

        private Builder(String verb) {
            this.verb = verb;
        }

        /** What the verb does, in a few words, for the model (default none). */
        public Builder optDescription(String text) {
            this.description = text;
            return this;
        }

        /** Adds an argument; the model writes them in the order added. */
        public Builder addArg(ActionArg arg) {
            if (arg == null) {
                throw new IllegalArgumentException("argument is null");
            }
            args.add(arg);
            return this;
        }

        /** Adds a precondition that must hold in the world for the action to happen. */
        public Builder addPrecondition(String description, ActionPrecondition check) {
            if (description == null || description.isBlank() || check == null) {
                throw new IllegalArgumentException("a precondition needs a description and a check");
            }
            preconditions.add(new Precondition(description.strip(), check));
            return this;
        }

        /** @return the definition */
        public ActionDefinition build() {
            return new ActionDefinition(verb, description, args, preconditions);
        }
    }
}
