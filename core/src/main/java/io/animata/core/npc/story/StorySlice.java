package io.animata.core.npc.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.core.npc.relation.JsonFields;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A story slice, as a designer writes it in JSON: where it starts, the ends it can reach, the NPCs in it with their
 * allowed actions and their goals per stage. The path between start and end is the player's; the ends are the
 * designer's. {@link StorySystem} runs it.
 *
 * <pre>{@code
 * { "id": "guards-key", "title": "The guard's key", "description": "...",
 *   "start": { "flags": {"door_open": false}, "vars": {"gold": 5}, "items": {"key": "guard"},
 *              "npcStates": {"guard": "on_duty"},
 *              "relationships": [{"npc": "guard", "toward": "player", "trust": -0.2}] },
 *   "npcs": { "guard": { "persona": "guard", "place": {"at": "door", "x": 4, "y": 3},
 *                        "actions": ["open_door", "attack", "stay"],
 *                        "facts": ["You guard the cellar door."],
 *                        "goals": [ {"stage": "locked", "when": {...}, "goal": "..."}, {"goal": "..."} ] } },
 *   "stages": [ {"id": "locked", "title": "..."}, {"id": "key_in_hand", "when": {...}} ],
 *   "triggers": [ {"when": {"action": "open_door", "by": "guard"}, "do": {"flags": {"door_open": true}}} ],
 *   "ends": [ {"id": "peaceful", "title": "...", "summary": "...", "when": {...}} ] }
 * }</pre>
 *
 * <p>Conditions ({@code when}) are objects of one kind: {@code {"flag": "door_open"}} (with {@code "is": false} for
 * unset), {@code {"var": "gold", ">=": 10}}, {@code {"item": "key", "heldBy": "player"}},
 * {@code {"npc": "guard", "state": "defeated"}}, {@code {"relation": "guard", "toward": "player", "dimension":
 * "trust", ">=": 0.5}}, {@code {"event": "guard_attacked"}} (happened at least once, or with a comparison),
 * {@code {"action": "give_item", "by": "mira"}} (an NPC performed an allowed action; with
 * {@code "with": {"item": "spare_key"}} only one with that argument, each named argument checked on its own),
 * {@code {"stage": "key_in_hand"}}
 * (that stage or a later one reached), and {@code {"all": [...]}}, {@code {"any": [...]}}, {@code {"not": {...}}}.
 * Comparisons: {@code >= <= > < == !=}.
 *
 * <p>Stages are entered in order, each when its {@code when} holds (the first is where the slice starts); a stage may
 * narrow NPCs' verbs while it lasts ({@code "actions": {"mira": ["trade", "stay"]}}, each a subset of the NPC's
 * {@code actions}); an NPC's
 * goal is the first of its goals whose stage is the current one (or which names no stage) and whose {@code when}
 * holds. Triggers apply their {@code do} (same shape as {@code start}) once, the first frame their {@code when}
 * holds. An end is reached the first frame its {@code when} holds; ends are checked in order.
 *
 * <p>Immutable once parsed, except that its conditions are bound to the one {@link StorySystem} running it: run a
 * slice in one system at a time.
 *
 * @param id a short id
 * @param title what it is called
 * @param description what it is about, for designers and the report
 * @param start the start state
 * @param npcs the NPCs involved, in order
 * @param stages the stages, in order (at least one)
 * @param triggers changes the slice makes to the world when conditions first hold
 * @param ends the ends (at least one)
 */
public record StorySlice(String id, String title, String description, WorldChange start, List<StoryNpc> npcs,
        List<StoryStage> stages, List<StoryTrigger> triggers, List<StoryEnd> ends) {
    private static final Set<String> TOP = Set.of("id", "title", "description", "start", "npcs", "stages", "triggers",
            "ends");
    private static final Set<String> CHANGE = Set.of("flags", "vars", "items", "npcStates", "relationships");
    private static final Set<String> NPC = Set.of("persona", "place", "actions", "facts", "goals");
    private static final Set<String> PLACE = Set.of("at", "x", "y");
    private static final Set<String> GOAL = Set.of("stage", "when", "goal");
    private static final Set<String> STAGE = Set.of("id", "title", "when", "actions");
    private static final Set<String> TRIGGER = Set.of("when", "do", "event");
    private static final Set<String> END = Set.of("id", "title", "summary", "when");
    private static final Pattern VERB = Pattern.compile("[a-z][a-z0-9_]*");

    /** @return the NPC of this id, or null */
    public StoryNpc npc(String npcId) {
        for (StoryNpc n : npcs) {
            if (n.id().equals(npcId)) {
                return n;
            }
        }
        return null;
    }

    /** @return the index of the stage of this id, or -1 */
    public int stageIndex(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    /** Where an NPC stands when the slice starts: a named place, coordinates, or both. */
    public record Placement(String at, float x, float y, boolean hasXy) {
    }

    /** One NPC's goal: when it applies and what it is. */
    public record Goal(int stage, Condition when, String text) {
    }

    /**
     * An NPC involved in the slice.
     *
     * @param id its id in the slice (the id it is cast under)
     * @param persona a persona to give it (a built-in id or a file the game resolves); empty for the game's choice
     * @param place where it starts; null when the game places it
     * @param actions the verbs it may perform in this slice (from the NPC contract: give_item, open_door, follow, stay,
     *     attack, trade, or the game's own)
     * @param facts what it knows in this slice, one fact per entry, added to its prompt
     * @param goals its goals, first match wins
     */
    public record StoryNpc(String id, String persona, Placement place, List<String> actions, List<String> facts,
            List<Goal> goals) {
    }

    /**
     * A stage: entered when {@code when} holds (the first stage is where the slice starts).
     *
     * @param actions NPC id to the verbs it may use during this stage, narrowing its {@link StoryNpc#actions()}
     *     (each a subset of them); an NPC not named keeps all of its verbs
     */
    public record StoryStage(String id, String title, Condition when, Map<String, List<String>> actions) {
        /** Copies. */
        public StoryStage {
            actions = Map.copyOf(actions);
        }

        /** A stage that narrows no NPC's verbs. */
        public StoryStage(String id, String title, Condition when) {
            this(id, title, when, Map.of());
        }
    }

    /** A change the slice makes once, the first frame {@code when} holds; {@code event}, when set, is counted too. */
    public record StoryTrigger(Condition when, WorldChange change, String event) {
    }

    /** An end: reached the first frame {@code when} holds. */
    public record StoryEnd(String id, String title, String summary, Condition when) {
    }

    /** A relationship value a start or trigger sets. */
    public record RelationSeed(String npc, String toward, String dimension, float value) {
    }

    /**
     * A change to the world: flags, variables, item holders, NPC states and relationships to set.
     *
     * @param flags flag values
     * @param vars variable values
     * @param items who holds each item
     * @param npcStates NPC states
     * @param relationships relationship values (need a {@link io.animata.core.npc.relation.RelationSystem})
     */
    public record WorldChange(Map<String, Boolean> flags, Map<String, Double> vars, Map<String, String> items,
            Map<String, String> npcStates, List<RelationSeed> relationships) {
        /** No change. */
        public static final WorldChange NONE = new WorldChange(Map.of(), Map.of(), Map.of(), Map.of(), List.of());
    }

    /** The slices shipped in {@code assets/stories} (and in the core jar), for {@link #builtIn}. */
    public static final List<String> BUILT_IN = List.of("guards-key");

    /**
     * @param sliceId one of {@link #BUILT_IN}
     * @return the shipped slice
     * @throws AnimataException for another id, listing the shipped ones
     */
    public static StorySlice builtIn(String sliceId) {
        if (!BUILT_IN.contains(sliceId)) {
            throw new AnimataException("no shipped story slice '" + sliceId + "'; shipped: " + String.join(", ", BUILT_IN)
                    + " (or load a slice JSON file)");
        }
        String resource = "/animata/stories/" + sliceId + ".json";
        try (java.io.InputStream in = StorySlice.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AnimataException("shipped story slice missing from the jar: " + resource);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), sliceId + ".json");
        } catch (IOException e) {
            throw new AnimataException("cannot read shipped story slice " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a slice from a JSON file.
     *
     * @throws AnimataException when the file is missing or malformed (naming the field)
     */
    public static StorySlice load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnimataException("story slice file not found: " + file.toAbsolutePath());
        }
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new AnimataException("cannot read story slice " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a slice from JSON text.
     *
     * @param source where the text came from, for errors
     * @throws AnimataException naming the field that is wrong, e.g. {@code story slice x.json: ends[1].when: ...}
     */
    public static StorySlice parse(String json, String source) {
        JsonFields f = new JsonFields("story slice " + source);
        JsonNode root = f.parseObject(json);
        f.onlyFields(root, "", TOP);
        String id = f.text(root, "", "id", null);
        if (id.isBlank()) {
            throw f.error("id", "must not be empty");
        }
        String title = f.text(root, "", "title", id);
        String description = f.text(root, "", "description", "");

        JsonNode stageNodes = f.array(root, "", "stages", false);
        List<String> stageIds = new ArrayList<>();
        if (stageNodes == null || stageNodes.isEmpty()) {
            stageIds.add("start");
        } else {
            for (int i = 0; i < stageNodes.size(); i++) {
                String path = JsonFields.at("stages", i);
                JsonNode s = stageNodes.get(i);
                if (!s.isObject()) {
                    throw f.error(path, "must be an object {\"id\": ..., \"when\": {...}}");
                }
                String sid = f.text(s, path, "id", null);
                if (stageIds.contains(sid)) {
                    throw f.error(JsonFields.join(path, "id"), "stage '" + sid + "' is defined twice");
                }
                stageIds.add(sid);
            }
        }
        List<StoryStage> stages = new ArrayList<>();
        for (int i = 0; i < stageIds.size(); i++) {
            if (stageNodes == null || stageNodes.isEmpty()) {
                stages.add(new StoryStage("start", title, Condition.ALWAYS));
                break;
            }
            String path = JsonFields.at("stages", i);
            JsonNode s = stageNodes.get(i);
            f.onlyFields(s, path, STAGE);
            JsonNode when = s.get("when");
            if (i == 0 && when != null) {
                throw f.error(JsonFields.join(path, "when"), "the first stage is where the slice starts; it has no"
                        + " 'when'");
            }
            if (i > 0 && when == null) {
                throw f.error(path, "missing 'when': the condition that enters this stage");
            }
            stages.add(new StoryStage(stageIds.get(i), f.text(s, path, "title", stageIds.get(i)),
                    i == 0 ? Condition.ALWAYS : Conditions.parse(f, when, JsonFields.join(path, "when"), stageIds)));
        }

        JsonNode npcNodes = f.object(root, "", "npcs", true);
        if (npcNodes.isEmpty()) {
            throw f.error("npcs", "needs at least one NPC");
        }
        List<StoryNpc> npcs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = npcNodes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            npcs.add(npc(f, e.getKey(), e.getValue(), "npcs." + e.getKey(), stageIds));
        }
        Set<String> npcIds = new HashSet<>();
        npcs.forEach(n -> npcIds.add(n.id()));
        for (int i = 0; stageNodes != null && i < stageNodes.size(); i++) {
            JsonNode narrowed = f.object(stageNodes.get(i), JsonFields.at("stages", i), "actions", false);
            if (narrowed != null) {
                StoryStage st = stages.get(i);
                stages.set(i, new StoryStage(st.id(), st.title(), st.when(),
                        stageActions(f, narrowed, JsonFields.join(JsonFields.at("stages", i), "actions"), npcs)));
            }
        }

        JsonNode startNode = f.object(root, "", "start", false);
        WorldChange start = startNode == null ? WorldChange.NONE : change(f, startNode, "start", npcIds);

        List<StoryTrigger> triggers = new ArrayList<>();
        JsonNode triggerNodes = f.array(root, "", "triggers", false);
        if (triggerNodes != null) {
            for (int i = 0; i < triggerNodes.size(); i++) {
                String path = JsonFields.at("triggers", i);
                JsonNode t = triggerNodes.get(i);
                if (!t.isObject()) {
                    throw f.error(path, "must be an object {\"when\": {...}, \"do\": {...}}");
                }
                f.onlyFields(t, path, TRIGGER);
                if (!t.has("when")) {
                    throw f.error(path, "missing 'when': the condition that fires the trigger");
                }
                JsonNode d = f.object(t, path, "do", false);
                String event = f.text(t, path, "event", "");
                if (d == null && event.isEmpty()) {
                    throw f.error(path, "a trigger needs 'do' (a change) or 'event' (an event to count)");
                }
                triggers.add(new StoryTrigger(Conditions.parse(f, t.get("when"), JsonFields.join(path, "when"),
                        stageIds), d == null ? WorldChange.NONE : change(f, d, JsonFields.join(path, "do"), npcIds),
                        event));
            }
        }

        JsonNode endNodes = f.array(root, "", "ends", true);
        if (endNodes.isEmpty()) {
            throw f.error("ends", "needs at least one end");
        }
        List<StoryEnd> ends = new ArrayList<>();
        Set<String> endIds = new HashSet<>();
        for (int i = 0; i < endNodes.size(); i++) {
            String path = JsonFields.at("ends", i);
            JsonNode e = endNodes.get(i);
            if (!e.isObject()) {
                throw f.error(path, "must be an object {\"id\": ..., \"when\": {...}}");
            }
            f.onlyFields(e, path, END);
            String eid = f.text(e, path, "id", null);
            if (!endIds.add(eid)) {
                throw f.error(JsonFields.join(path, "id"), "end '" + eid + "' is defined twice");
            }
            if (!e.has("when")) {
                throw f.error(path, "missing 'when': the condition that reaches this end");
            }
            ends.add(new StoryEnd(eid, f.text(e, path, "title", eid), f.text(e, path, "summary", ""),
                    Conditions.parse(f, e.get("when"), JsonFields.join(path, "when"), stageIds)));
        }
        return new StorySlice(id, title, description, start, List.copyOf(npcs), List.copyOf(stages),
                List.copyOf(triggers), List.copyOf(ends));
    }

    /** Reads a stage's {@code "actions": {"mira": ["trade"]}}: each NPC's verbs there, a subset of its own. */
    private static Map<String, List<String>> stageActions(JsonFields f, JsonNode node, String path,
            List<StoryNpc> npcs) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String np = JsonFields.join(path, e.getKey());
            StoryNpc npc = npcs.stream().filter(n -> n.id().equals(e.getKey())).findFirst().orElse(null);
            if (npc == null) {
                throw f.error(np, "'" + e.getKey() + "' is not one of the slice's npcs");
            }
            if (!e.getValue().isArray()) {
                throw f.error(np, "must be an array of verbs, e.g. [\"stay\"]");
            }
            List<String> verbs = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                String verb = f.text(e.getValue().get(i), JsonFields.at(np, i));
                if (!npc.actions().contains(verb)) {
                    throw f.error(JsonFields.at(np, i), "'" + verb + "' is not one of " + e.getKey() + "'s actions "
                            + npc.actions() + "; a stage can only narrow them");
                }
                verbs.add(verb);
            }
            out.put(e.getKey(), List.copyOf(verbs));
        }
        return out;
    }

    private static StoryNpc npc(JsonFields f, String id, JsonNode n, String path, List<String> stageIds) {
        if (!n.isObject()) {
            throw f.error(path, "must be an object {\"actions\": [...], \"goals\": [...]}");
        }
        f.onlyFields(n, path, NPC);
        String persona = f.text(n, path, "persona", "");
        Placement place = null;
        JsonNode p = f.object(n, path, "place", false);
        if (p != null) {
            String pp = JsonFields.join(path, "place");
            f.onlyFields(p, pp, PLACE);
            boolean hasXy = p.has("x") || p.has("y");
            if (hasXy && !(p.has("x") && p.has("y"))) {
                throw f.error(pp, "give both x and y, or neither");
            }
            place = new Placement(f.text(p, pp, "at", ""), (float) f.number(p, pp, "x", 0),
                    (float) f.number(p, pp, "y", 0), hasXy);
        }
        List<String> actions = new ArrayList<>();
        JsonNode a = f.array(n, path, "actions", false);
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                String ap = JsonFields.at(JsonFields.join(path, "actions"), i);
                String verb = f.text(a.get(i), ap);
                if (!VERB.matcher(verb).matches()) {
                    throw f.error(ap, "'" + verb + "' is not a verb: lower case letters, digits and _ (e.g. give_item)");
                }
                actions.add(verb);
            }
        }
        List<String> facts = new ArrayList<>();
        JsonNode fa = f.array(n, path, "facts", false);
        if (fa != null) {
            for (int i = 0; i < fa.size(); i++) {
                facts.add(f.text(fa.get(i), JsonFields.at(JsonFields.join(path, "facts"), i)));
            }
        }
        List<Goal> goals = new ArrayList<>();
        JsonNode g = f.array(n, path, "goals", false);
        if (g != null) {
            for (int i = 0; i < g.size(); i++) {
                String gp = JsonFields.at(JsonFields.join(path, "goals"), i);
                JsonNode goal = g.get(i);
                if (!goal.isObject()) {
                    throw f.error(gp, "must be an object {\"goal\": \"...\"} with optional stage and when");
                }
                f.onlyFields(goal, gp, GOAL);
                int stage = -1;
                if (goal.has("stage")) {
                    String sid = f.text(goal.get("stage"), JsonFields.join(gp, "stage"));
                    stage = stageIds.indexOf(sid);
                    if (stage < 0) {
                        throw f.error(JsonFields.join(gp, "stage"), "no stage '" + sid + "'; stages are "
                                + String.join(", ", stageIds));
                    }
                }
                Condition when = goal.has("when") ? Conditions.parse(f, goal.get("when"), JsonFields.join(gp, "when"),
                        stageIds) : Condition.ALWAYS;
                goals.add(new Goal(stage, when, f.text(goal, gp, "goal", null)));
            }
        }
        return new StoryNpc(id, persona, place, List.copyOf(actions), List.copyOf(facts), List.copyOf(goals));
    }

    private static WorldChange change(JsonFields f, JsonNode n, String path, Set<String> npcIds) {
        f.onlyFields(n, path, CHANGE);
        Map<String, Boolean> flags = new LinkedHashMap<>();
        JsonNode fl = f.object(n, path, "flags", false);
        if (fl != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fl.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isBoolean()) {
                    throw f.error(path + ".flags." + e.getKey(), "must be true or false, was " + e.getValue());
                }
                flags.put(e.getKey(), e.getValue().asBoolean());
            }
        }
        Map<String, Double> vars = new LinkedHashMap<>();
        JsonNode vs = f.object(n, path, "vars", false);
        if (vs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vs.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                vars.put(e.getKey(), f.number(e.getValue(), path + ".vars." + e.getKey()));
            }
        }
        Map<String, String> items = texts(f, n, path, "items");
        Map<String, String> states = texts(f, n, path, "npcStates");
        List<RelationSeed> seeds = new ArrayList<>();
        JsonNode rs = f.array(n, path, "relationships", false);
        if (rs != null) {
            for (int i = 0; i < rs.size(); i++) {
                String rp = JsonFields.at(JsonFields.join(path, "relationships"), i);
                JsonNode r = rs.get(i);
                if (!r.isObject()) {
                    throw f.error(rp, "must be an object {\"npc\": ..., \"toward\": ..., \"trust\": 0.3}");
                }
                String npc = f.text(r, rp, "npc", null);
                if (!npcIds.contains(npc)) {
                    throw f.error(JsonFields.join(rp, "npc"), "'" + npc + "' is not one of the slice's npcs ("
                            + String.join(", ", npcIds) + ")");
                }
                String toward = f.text(r, rp, "toward", "player");
                int values = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals("npc") || e.getKey().equals("toward")) {
                        continue;
                    }
                    seeds.add(new RelationSeed(npc, toward, e.getKey(),
                            (float) f.number(e.getValue(), JsonFields.join(rp, e.getKey()))));
                    values++;
                }
                if (values == 0) {
                    throw f.error(rp, "names no dimension; e.g. \"trust\": 0.3");
                }
            }
        }
        return new WorldChange(Map.copyOf(flags), Map.copyOf(vars), Map.copyOf(items), Map.copyOf(states),
                List.copyOf(seeds));
    }

    private static Map<String, String> texts(JsonFields f, JsonNode n, String path, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode m = f.object(n, path, field, false);
        if (m != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), f.text(e.getValue(), path + "." + field + "." + e.getKey()));
            }
        }
        return out;
    }
}
