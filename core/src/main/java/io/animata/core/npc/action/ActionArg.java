package io.animata.core.npc.action;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One argument of an action verb: its name, its {@link ArgType}, and optionally the values it may take, fixed
 * ({@link #oneOf}) or read from the NPC when asked ({@link #from}, e.g. "one of the items this NPC has"). Every
 * argument of a verb is required.
 *
 * <p>Immutable and thread-safe (a dynamic source is called on the game thread only).
 *
 * @param name the JSON field name, lower case letters, digits and underscores
 * @param type the value's type
 * @param fixedValues the allowed values when fixed; empty when any value of the type (or a dynamic source) is allowed
 * @param source where the allowed values come from per NPC; null when not dynamic
 */
public record ActionArg(String name, ArgType type, List<String> fixedValues, ArgValues source) {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** Validates. */
    public ActionArg {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an action argument name must be 1-32 lower-case letters, digits or"
                    + " underscores starting with a letter, was '" + name + "'");
        }
        if (name.equals("action")) {
            throw new IllegalArgumentException("'action' is the verb's field; name the argument otherwise");
        }
        if (type == null) {
            throw new IllegalArgumentException("argument '" + name + "' has no type");
        }
        fixedValues = fixedValues == null ? List.of() : List.copyOf(fixedValues);
        if (!fixedValues.isEmpty() && source != null) {
            throw new IllegalArgumentException("argument '" + name + "' has both fixed values and a source");
        }
    }

    /** @return a text argument taking any string */
    public static ActionArg text(String name) {
        return new ActionArg(name, ArgType.TEXT, List.of(), null);
    }

    /** @return an integer argument taking any integer */
    public static ActionArg integer(String name) {
        return new ActionArg(name, ArgType.INTEGER, List.of(), null);
    }

    /** @return a text argument that must be one of {@code values} */
    public static ActionArg oneOf(String name, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("argument '" + name + "' needs at least one value");
        }
        return new ActionArg(name, ArgType.TEXT, List.of(values), null);
    }

    /** @return a text argument that must be one of the values {@code source} gives for the NPC at hand */
    public static ActionArg from(String name, ArgValues source) {
        if (source == null) {
            throw new IllegalArgumentException("argument '" + name + "' has a null source");
        }
        return new ActionArg(name, ArgType.TEXT, List.of(), source);
    }

    /** @return a text argument that must be an item in the NPC's {@link InventoryComponent} */
    public static ActionArg inventoryItem(String name) {
        return from(name, InventoryComponent.ITEMS);
    }

    /** @return whether the values are restricted (fixed or from a source) */
    public boolean isEnumerated() {
        return !fixedValues.isEmpty() || source != null;
    }

    /**
     * Adds the values this argument may take for {@code npc} (nothing when any value of its type is allowed).
     * Game thread.
     */
    public void values(Entity npc, Array<String> out) {
        if (source != null) {
            source.values(npc, out);
        } else {
            for (int i = 0; i < fixedValues.size(); i++) {
                out.add(fixedValues.get(i));
            }
        }
    }
}
