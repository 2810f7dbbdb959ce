package io.animata.core.npc.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action an NPC's reply names: a verb and its arguments ({@code {"action": "give_item", "item": "key"}}), as
 * parsed from the reply's final line by {@link ActionParser}. Being parsed says nothing about being allowed:
 * {@link ActionRules#validate} decides that on the game thread.
 *
 * <p>Immutable and thread-safe. Argument values are {@link String} or {@link Long}.
 */
public final class NpcAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String verb;
    private final Map<String, Object> args;

    /**
     * @param verb the verb, e.g. "give_item"
     * @param args the arguments in order, values {@link String} or {@link Long} (copied)
     */
    public NpcAction(String verb, Map<String, Object> args) {
        if (verb == null || verb.isEmpty()) {
            throw new IllegalArgumentException("an action needs a verb");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : args.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String) && !(v instanceof Long)) {
                throw new IllegalArgumentException("argument '" + e.getKey() + "' must be a String or a Long, was " + v);
            }
            copy.put(e.getKey(), v);
        }
        this.verb = verb;
        this.args = Collections.unmodifiableMap(copy);
    }

    /** @return an action with no arguments */
    public static NpcAction of(String verb) {
        return new NpcAction(verb, Map.of());
    }

    /** @return the verb */
    public String verb() {
        return verb;
    }

    /** @return the arguments in the order written (unmodifiable); values are {@link String} or {@link Long} */
    public Map<String, Object> args() {
        return args;
    }

    /** @return whether the argument is present */
    public boolean has(String name) {
        return args.containsKey(name);
    }

    /**
     * @return a text argument
     * @throws AnimataException when it is missing or not text
     */
    public String text(String name) {
        Object v = args.get(name);
        if (!(v instanceof String s)) {
            throw new AnimataException("action " + verb + " has no text argument '" + name + "' (arguments " + args + ")");
        }
        return s;
    }

    /**
     * @return an integer argument
     * @throws AnimataException when it is missing or not an integer
     */
    public long integer(String name) {
        Object v = args.get(name);
        if (!(v instanceof Long n)) {
            throw new AnimataException("action " + verb + " has no integer argument '" + name + "' (arguments " + args
                    + ")");
        }
        return n;
    }

    /** @return the action as one line of JSON, {@code {"action":"give_item","item":"key"}} */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("action", verb);
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (e.getValue() instanceof Long n) {
                node.put(e.getKey(), n);
            } else {
                node.put(e.getKey(), (String) e.getValue());
            }
        }
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpcAction a && a.verb.equals(verb) && a.args.equals(args);
    }

    @Override
    public int hashCode() {
        return verb.hashCode() * 31 + args.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
