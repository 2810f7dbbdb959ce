package io.animata.core.npc.story;

import com.badlogic.gdx.utils.ObjectIntMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.relation.JsonFields;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The state a story slice's conditions read: world flags ("door_open"), numeric variables ("gold"), who holds each
 * item ("key" held by "guard"), each NPC's state ("on_duty", "defeated") and how often each event happened. The game
 * writes it as things happen ({@link #setFlag}, {@link #giveItem}, {@link #event}...); a slice's start state and
 * triggers write it too. Every name is given an index the first time it is seen, so that the compiled conditions of
 * a slice read arrays, not maps.
 *
 * <p>Threading: game thread. Reading and writing known names allocates nothing; a new name grows the tables once.
 */
public final class StoryWorld {
    private final ObjectIntMap<String> flagIds = new ObjectIntMap<>();
    private final ObjectIntMap<String> varIds = new ObjectIntMap<>();
    private final ObjectIntMap<String> itemIds = new ObjectIntMap<>();
    private final ObjectIntMap<String> npcIds = new ObjectIntMap<>();
    private final ObjectIntMap<String> eventIds = new ObjectIntMap<>();
    private boolean[] flags = new boolean[8];
    private double[] vars = new double[8];
    private String[] holders = new String[8];
    private String[] npcStates = new String[8];
    private int[] events = new int[8];
    private String[] flagNames = new String[8];
    private String[] varNames = new String[8];
    private String[] itemNames = new String[8];
    private String[] npcNames = new String[8];
    private String[] eventNames = new String[8];
    private long version;

    /** Forgets every value (names keep their indices). */
    public void clear() {
        Arrays.fill(flags, false);
        Arrays.fill(vars, 0);
        Arrays.fill(holders, null);
        Arrays.fill(npcStates, null);
        Arrays.fill(events, 0);
        version++;
    }

    /** @return a number that changes whenever anything in the world changes */
    public long version() {
        return version;
    }

    // ---- flags -----------------------------------------------------------------------------------------------

    /** Sets a flag, e.g. {@code setFlag("door_open", true)}. */
    public void setFlag(String name, boolean value) {
        int i = flagIndex(name);
        if (flags[i] != value) {
            flags[i] = value;
            version++;
        }
    }

    /** @return the flag (false when never set) */
    public boolean flag(String name) {
        int i = flagIds.get(name, -1);
        return i >= 0 && flags[i];
    }

    int flagIndex(String name) {
        int i = flagIds.get(name, -1);
        if (i < 0) {
            i = flagIds.size;
            if (i == flags.length) {
                flags = Arrays.copyOf(flags, i * 2);
                flagNames = Arrays.copyOf(flagNames, i * 2);
            }
            flagIds.put(name, i);
            flagNames[i] = name;
        }
        return i;
    }

    boolean flagAt(int i) {
        return flags[i];
    }

    // ---- variables -------------------------------------------------------------------------------------------

    /** Sets a numeric variable, e.g. {@code setVar("gold", 12)}. */
    public void setVar(String name, double value) {
        int i = varIndex(name);
        if (vars[i] != value) {
            vars[i] = value;
            version++;
        }
    }

    /** Adds to a numeric variable. */
    public void addVar(String name, double delta) {
        setVar(name, var(name) + delta);
    }

    /** @return the variable (0 when never set) */
    public double var(String name) {
        int i = varIds.get(name, -1);
        return i < 0 ? 0 : vars[i];
    }

    int varIndex(String name) {
        int i = varIds.get(name, -1);
        if (i < 0) {
            i = varIds.size;
            if (i == vars.length) {
                vars = Arrays.copyOf(vars, i * 2);
                varNames = Arrays.copyOf(varNames, i * 2);
            }
            varIds.put(name, i);
            varNames[i] = name;
        }
        return i;
    }

    double varAt(int i) {
        return vars[i];
    }

    // ---- items -----------------------------------------------------------------------------------------------

    /** Gives an item to a holder ("player", an NPC's id, or a place such as "floor"); null: nobody has it. */
    public void giveItem(String item, String holder) {
        int i = itemIndex(item);
        if (holder == null ? holders[i] != null : !holder.equals(holders[i])) {
            holders[i] = holder;
            version++;
        }
    }

    /** @return who holds the item, or null */
    public String holder(String item) {
        int i = itemIds.get(item, -1);
        return i < 0 ? null : holders[i];
    }

    /** @return whether {@code holder} holds {@code item} */
    public boolean holds(String holder, String item) {
        return holder.equals(holder(item));
    }

    int itemIndex(String name) {
        int i = itemIds.get(name, -1);
        if (i < 0) {
            i = itemIds.size;
            if (i == holders.length) {
                holders = Arrays.copyOf(holders, i * 2);
                itemNames = Arrays.copyOf(itemNames, i * 2);
            }
            itemIds.put(name, i);
            itemNames[i] = name;
        }
        return i;
    }

    String holderAt(int i) {
        return holders[i];
    }

    /** @return how many items have ever been named */
    public int itemCount() {
        return itemIds.size;
    }

    /** @return the name of item {@code i} */
    public String itemName(int i) {
        return itemNames[i];
    }

    // ---- NPC states ------------------------------------------------------------------------------------------

    /** Sets an NPC's state, e.g. {@code setNpcState("guard", "defeated")}. */
    public void setNpcState(String npc, String state) {
        int i = npcIndex(npc);
        if (state == null ? npcStates[i] != null : !state.equals(npcStates[i])) {
            npcStates[i] = state;
            version++;
        }
    }

    /** @return the NPC's state, or null */
    public String npcState(String npc) {
        int i = npcIds.get(npc, -1);
        return i < 0 ? null : npcStates[i];
    }

    int npcIndex(String name) {
        int i = npcIds.get(name, -1);
        if (i < 0) {
            i = npcIds.size;
            if (i == npcStates.length) {
                npcStates = Arrays.copyOf(npcStates, i * 2);
                npcNames = Arrays.copyOf(npcNames, i * 2);
            }
            npcIds.put(name, i);
            npcNames[i] = name;
        }
        return i;
    }

    String npcStateAt(int i) {
        return npcStates[i];
    }

    // ---- events ----------------------------------------------------------------------------------------------

    /** Counts an event, e.g. {@code event("guard_attacked")}. */
    public void event(String name) {
        eventAt(eventIndex(name));
    }

    /** @return how often the event happened */
    public int eventCount(String name) {
        int i = eventIds.get(name, -1);
        return i < 0 ? 0 : events[i];
    }

    int eventIndex(String name) {
        int i = eventIds.get(name, -1);
        if (i < 0) {
            i = eventIds.size;
            if (i == events.length) {
                events = Arrays.copyOf(events, i * 2);
                eventNames = Arrays.copyOf(eventNames, i * 2);
            }
            eventIds.put(name, i);
            eventNames[i] = name;
        }
        return i;
    }

    void eventAt(int i) {
        events[i]++;
        version++;
    }

    int eventCountAt(int i) {
        return events[i];
    }

    /** @return how many events have ever been named */
    public int eventNameCount() {
        return eventIds.size;
    }

    /** @return the name of event {@code i} */
    public String eventName(int i) {
        return eventNames[i];
    }

    // ---- saving ---------------------------------------------------------------------------------------------

    /** @return the whole state: {@code {"flags": {...}, "vars": {...}, "items": {...}, "npcStates": {...}, "events": {...}}} */
    public ObjectNode toJson() {
        ObjectNode root = JsonFields.mapper().createObjectNode();
        ObjectNode f = root.putObject("flags");
        for (int i = 0; i < flagIds.size; i++) {
            f.put(flagNames[i], flags[i]);
        }
        ObjectNode v = root.putObject("vars");
        for (int i = 0; i < varIds.size; i++) {
            v.put(varNames[i], vars[i]);
        }
        ObjectNode it = root.putObject("items");
        for (int i = 0; i < itemIds.size; i++) {
            if (holders[i] != null) {
                it.put(itemNames[i], holders[i]);
            }
        }
        ObjectNode n = root.putObject("npcStates");
        for (int i = 0; i < npcIds.size; i++) {
            if (npcStates[i] != null) {
                n.put(npcNames[i], npcStates[i]);
            }
        }
        ObjectNode e = root.putObject("events");
        for (int i = 0; i < eventIds.size; i++) {
            if (events[i] > 0) {
                e.put(eventNames[i], events[i]);
            }
        }
        return root;
    }

    /**
     * Replaces the state with {@link #toJson()}'s form.
     *
     * @throws io.animata.runtime.AnimataException naming the field when it is malformed
     */
    public void readJson(JsonNode node, JsonFields f, String path) {
        check(node, f, path); // everything is checked before anything changes
        JsonNode fl = node.get("flags");
        JsonNode vs = node.get("vars");
        JsonNode its = node.get("items");
        JsonNode ns = node.get("npcStates");
        JsonNode es = node.get("events");
        clear();
        for (Iterator<Map.Entry<String, JsonNode>> i = fields(fl); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            setFlag(e.getKey(), e.getValue().asBoolean());
        }
        for (Iterator<Map.Entry<String, JsonNode>> i = fields(vs); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            setVar(e.getKey(), e.getValue().asDouble());
        }
        for (Iterator<Map.Entry<String, JsonNode>> i = fields(its); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            giveItem(e.getKey(), e.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> i = fields(ns); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            setNpcState(e.getKey(), e.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> i = fields(es); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            events[eventIndex(e.getKey())] = e.getValue().asInt();
        }
        version++;
    }

    /**
     * Checks {@link #toJson()}'s form without changing anything.
     *
     * @throws io.animata.runtime.AnimataException naming the field when it is malformed
     */
    public void check(JsonNode node, JsonFields f, String path) {
        if (node == null || !node.isObject()) {
            throw f.error(path, "must be an object {\"flags\": {...}, ...}");
        }
        f.onlyFields(node, path, java.util.Set.of("flags", "vars", "items", "npcStates", "events"));
        check(f.object(node, path, "flags", false), f, JsonFields.join(path, "flags"), 'b');
        check(f.object(node, path, "vars", false), f, JsonFields.join(path, "vars"), 'n');
        check(f.object(node, path, "items", false), f, JsonFields.join(path, "items"), 't');
        check(f.object(node, path, "npcStates", false), f, JsonFields.join(path, "npcStates"), 't');
        check(f.object(node, path, "events", false), f, JsonFields.join(path, "events"), 'n');
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node == null ? java.util.Collections.emptyIterator() : node.fields();
    }

    private static void check(JsonNode node, JsonFields f, String path, char kind) {
        for (Iterator<Map.Entry<String, JsonNode>> i = fields(node); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            JsonNode v = e.getValue();
            boolean ok = switch (kind) {
                case 'b' -> v.isBoolean();
                case 'n' -> v.isNumber();
                default -> v.isTextual();
            };
            if (!ok) {
                throw f.error(JsonFields.join(path, e.getKey()), "must be " + (kind == 'b' ? "true or false"
                        : kind == 'n' ? "a number" : "a text") + ", was " + v);
            }
        }
    }
}
