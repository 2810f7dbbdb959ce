package io.animata.core.npc.story;

import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.ashley.signals.Listener;
import com.badlogic.ashley.signals.Signal;
import com.badlogic.gdx.utils.Array;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.WorldFacts;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.NpcAction;
import io.animata.core.npc.action.NpcActionEvent;
import io.animata.core.npc.relation.JsonFields;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link StorySlice}: applies its start state, tracks which stage the story is in, fires its triggers, gives
 * each NPC in it the goal that fits the moment (into the prompt through {@link #facts()}, and to the game through
 * {@link #goal}), counts the NPCs' allowed actions and the game's events, and reports the end the player reaches
 * ({@link StoryListener}, {@link #report()}).
 *
 * <p>The game's part: cast the slice's NPCs ({@link #cast}), place them ({@link StorySlice.StoryNpc#place()}), write
 * what happens into {@link #world()} (flags, items, NPC states) or report it as events ({@link #event}); add the
 * system as an action listener of the {@link DialogueSystem} ({@link DialogueSystem#addActionListener}) so that the
 * NPCs' accepted actions count, with their arguments; the conditions are checked every frame.
 *
 * <p>The cast's components follow the story (unless {@link Builder#optCastComponents} is off): each cast NPC's
 * {@link ActionsComponent} is the verbs the slice allows it now ({@link #allowedActions}: its verbs, narrowed by the
 * current stage), set at the start, at each stage and at a load, so the model is offered only those and validation
 * refuses the others; and its {@link InventoryComponent} holds the slice's items the world says it holds (the key
 * moves out of the guard's inventory when a trigger gives it to the player), so preconditions such as "the NPC has
 * the item" read the story's state. Items the story does not name are left alone.
 *
 * <pre>{@code
 * StorySystem story = StorySystem.builder().optRelations(relations).build();
 * story.cast("guard", guard); story.cast("mira", mira); story.cast("tom", tom);
 * story.addListener((s, report) -> showEnding(report.endTitle()));
 * engine.addSystem(story);
 * dialogue.addActionListener(story);                                  // accepted NPC actions count
 * DialogueSystem.builder().optWorldFacts(story.facts().andThen(relations.facts()));
 * story.start(StorySlice.load(Path.of("assets/stories/guards-key.json")));
 * // in the game: story.world().setFlag("door_open", true); story.event("guard_attacked"); ...
 * }</pre>
 *
 * <p>Threading: game thread only. {@link #update} and {@link #check} allocate nothing unless a stage or an end is
 * reached (the report) or a trigger fires; {@link #start}, {@link #goal} lookups by id and the facts allocate little.
 */
public final class StorySystem extends EntitySystem implements Listener<NpcActionEvent> {
    /** The event counted for any NPC performing {@code verb}: {@code "*:verb"}. */
    static final String ANYONE = "*";

    private final RelationSystem relations;
    private final boolean castComponents;
    private long syncedWorld = -1;
    private final StoryWorld world = new StoryWorld();
    private final Array<StoryListener> listeners = new Array<>(false, 2);
    private final Map<String, Entity> castById = new LinkedHashMap<>();
    private final WorldFacts facts = this::describe;
    private StorySlice slice;
    private Entity[] cast = new Entity[0];
    private String[] castIds = new String[0];
    private int[][] actionEvents = new int[0][];
    private int[][] anyoneEvents = new int[0][];
    private boolean[] fired = new boolean[0];
    private int stage;
    private boolean running;
    private StorySlice.StoryEnd end;
    private StoryReport report;
    private final List<String> stagesEntered = new ArrayList<>();
    private double seconds;
    private long frames;
    private int rejected;

    private StorySystem(Builder b) {
        super(b.priority);
        this.relations = b.relations;
        this.castComponents = b.castComponents;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the event name for {@code npc} performing {@code verb} ({@code npc:verb}; {@code *:verb} for anyone) */
    public static String actionEvent(String npc, String verb) {
        return (npc == null ? ANYONE : npc) + ":" + verb;
    }

    /**
     * @return the event name for {@code npc} performing {@code verb} with argument {@code arg} = {@code value}
     *     ({@code npc:verb:arg=value}; {@code *:verb:arg=value} for anyone)
     */
    public static String actionEvent(String npc, String verb, String arg, Object value) {
        return actionEvent(npc, verb) + ":" + arg + "=" + value;
    }

    /** @return the world state the slice's conditions read; the game writes it */
    public StoryWorld world() {
        return world;
    }

    /** @return the slice running or last run, or null */
    public StorySlice slice() {
        return slice;
    }

    /** @return whether a slice is running (started and no end reached) */
    public boolean isRunning() {
        return running;
    }

    /** @return the current stage's index */
    public int stageIndex() {
        return stage;
    }

    /** @return the current stage's id, or null before a start */
    public String stage() {
        return slice == null ? null : slice.stages().get(stage).id();
    }

    /** @return the end reached, or null */
    public StorySlice.StoryEnd end() {
        return end;
    }

    /** @return the report of the end reached, or null before an end */
    public StoryReport report() {
        return report;
    }

    /** Adds a listener. */
    public void addListener(StoryListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        listeners.add(listener);
    }

    /** Removes a listener; no effect when absent. */
    public void removeListener(StoryListener listener) {
        listeners.removeValue(listener, true);
    }

    /** Casts {@code npc} as the slice's NPC {@code npcId} (before or after {@link #start}). */
    public void cast(String npcId, Entity npc) {
        if (npcId == null || npcId.isBlank() || npc == null) {
            throw new IllegalArgumentException("cast needs an NPC id and an entity");
        }
        castById.put(npcId, npc);
        for (int i = 0; i < castIds.length; i++) {
            if (castIds[i].equals(npcId)) {
                cast[i] = npc;
            }
        }
    }

    /** @return the entity cast as {@code npcId}, or null */
    public Entity castMember(String npcId) {
        return castById.get(npcId);
    }

    /**
     * Starts {@code s} from its start state: clears the world, applies the start, enters the first stage. Every NPC of
     * the slice must have been cast.
     *
     * @throws AnimataException when an NPC is not cast, or the slice needs relationships and there is no
     *     {@link RelationSystem} ({@link Builder#optRelations}), naming what is missing
     */
    public void start(StorySlice s) {
        begin(s, true);
    }

    /** Starts {@code s}; {@code applyStart} false when a save restores the world (and relationships are its own). */
    private void begin(StorySlice s, boolean applyStart) {
        int n = s.npcs().size();
        Entity[] newCast = new Entity[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = s.npcs().get(i).id();
            newCast[i] = castById.get(ids[i]);
            if (newCast[i] == null) {
                throw new AnimataException("story slice '" + s.id() + "' involves NPC '" + ids[i] + "' but no entity"
                        + " was cast; call story.cast(\"" + ids[i] + "\", entity) before start");
            }
        }
        slice = s;
        cast = newCast;
        castIds = ids;
        world.clear();
        actionEvents = new int[n][];
        anyoneEvents = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> verbs = s.npcs().get(i).actions();
            actionEvents[i] = new int[verbs.size()];
            anyoneEvents[i] = new int[verbs.size()];
            for (int v = 0; v < verbs.size(); v++) {
                actionEvents[i][v] = world.eventIndex(actionEvent(ids[i], verbs.get(v)));
                anyoneEvents[i][v] = world.eventIndex(actionEvent(null, verbs.get(v)));
            }
        }
        for (StorySlice.StoryStage st : s.stages()) {
            st.when().bind(this);
        }
        for (StorySlice.StoryTrigger t : s.triggers()) {
            t.when().bind(this);
        }
        for (StorySlice.StoryEnd e : s.ends()) {
            e.when().bind(this);
        }
        for (StorySlice.StoryNpc npc : s.npcs()) {
            for (StorySlice.Goal g : npc.goals()) {
                g.when().bind(this);
            }
        }
        fired = new boolean[s.triggers().size()];
        stage = 0;
        end = null;
        report = null;
        seconds = 0;
        frames = 0;
        rejected = 0;
        stagesEntered.clear();
        stagesEntered.add(s.stages().get(0).id());
        running = true;
        if (applyStart) {
            apply(s.start());
            syncCast(true);
            check();
        }
    }

    /** Applies a change to the world (flags, vars, items, NPC states, relationships). */
    public void apply(StorySlice.WorldChange change) {
        change.flags().forEach(world::setFlag);
        change.vars().forEach(world::setVar);
        change.items().forEach(world::giveItem);
        change.npcStates().forEach(world::setNpcState);
        if (!change.relationships().isEmpty()) {
            RelationSystem r = requireRelations("relationship values in story slice '" + slice.id() + "'");
            for (StorySlice.RelationSeed seed : change.relationships()) {
                r.set(cast[requireCastSlot(seed.npc(), "a relationship value")], seed.toward(), seed.dimension(),
                        seed.value());
            }
        }
    }

    /** Counts a game event, e.g. {@code event("guard_attacked")}; conditions see it at the next check. */
    public void event(String name) {
        world.event(name);
    }

    /**
     * {@code npcId} performed {@code verb} (an accepted action of its reply, or one the game dispatched). Counted as
     * the events {@code npcId:verb} and {@code *:verb} when the slice allows that NPC the verb; ignored (and counted
     * as rejected) otherwise.
     *
     * @return whether it was counted
     */
    public boolean action(String npcId, String verb) {
        for (int i = 0; i < castIds.length; i++) {
            if (castIds[i].equals(npcId)) {
                return action(i, verb);
            }
        }
        rejected++;
        return false;
    }

    /**
     * {@code npcId} performed {@code action}: counted as {@link #action(String, String)} counts its verb, and each of
     * its arguments as the events {@code npcId:verb:arg=value} and {@code *:verb:arg=value}, which conditions such as
     * {@code {"action": "give_item", "by": "mira", "with": {"item": "spare_key"}}} read.
     *
     * @return whether it was counted (the slice allows that NPC the verb now)
     */
    public boolean action(String npcId, NpcAction action) {
        for (int i = 0; i < castIds.length; i++) {
            if (castIds[i].equals(npcId)) {
                return action(i, action);
            }
        }
        rejected++;
        return false;
    }

    private boolean action(int slot, NpcAction action) {
        if (!action(slot, action.verb())) {
            return false;
        }
        for (Map.Entry<String, Object> arg : action.args().entrySet()) {
            world.event(actionEvent(castIds[slot], action.verb(), arg.getKey(), arg.getValue()));
            world.event(actionEvent(null, action.verb(), arg.getKey(), arg.getValue()));
        }
        return true;
    }

    private boolean action(int slot, String verb) {
        if (allowedNow(slot).contains(verb)) {
            List<String> verbs = slice.npcs().get(slot).actions();
            for (int v = 0; v < verbs.size(); v++) {
                if (verbs.get(v).equals(verb)) {
                    world.eventAt(actionEvents[slot][v]);
                    world.eventAt(anyoneEvents[slot][v]);
                    return true;
                }
            }
        }
        rejected++;
        return false;
    }

    /**
     * An NPC's action passed the {@link DialogueSystem}'s validation: when the NPC is cast in the running slice, it
     * counts with its arguments ({@link #action(String, NpcAction)}). Register with
     * {@link DialogueSystem#addActionListener}.
     */
    @Override
    public void receive(Signal<NpcActionEvent> signal, NpcActionEvent event) {
        if (!running) {
            return;
        }
        int slot = slotOf(event.npc());
        if (slot >= 0) {
            action(slot, event.action());
        }
    }

    /**
     * @return the verbs the slice allows {@code npcId} now: its verbs, narrowed by the current stage (empty when it is
     *     not in the slice)
     */
    public List<String> allowedActions(String npcId) {
        for (int i = 0; i < castIds.length; i++) {
            if (castIds[i].equals(npcId)) {
                return allowedNow(i);
            }
        }
        StorySlice.StoryNpc n = slice == null ? null : slice.npc(npcId);
        return n == null ? List.of() : n.actions();
    }

    /** @return the verbs the slice allows the NPC cast as {@code npc} now (empty when it is not cast) */
    public List<String> allowedActions(Entity npc) {
        int slot = slotOf(npc);
        return slot < 0 ? List.of() : allowedNow(slot);
    }

    private List<String> allowedNow(int slot) {
        List<String> narrowed = slice.stages().get(stage).actions().get(castIds[slot]);
        return narrowed != null ? narrowed : slice.npcs().get(slot).actions();
    }

    /**
     * Makes the cast's components follow the story: allow-lists (when {@code actions}, at a start, a stage or a load)
     * and the slice's items in their inventories (whenever the world changed). Allocates nothing once each cast NPC
     * has both components.
     */
    private void syncCast(boolean actions) {
        if (!castComponents || slice == null) {
            return;
        }
        for (int slot = 0; slot < cast.length; slot++) {
            Entity npc = cast[slot];
            if (actions) {
                ActionsComponent allow = npc.getComponent(ActionsComponent.class);
                if (allow == null) {
                    allow = new ActionsComponent();
                    npc.add(allow);
                }
                List<String> verbs = allowedNow(slot);
                allow.allowed.clear();
                for (int v = 0; v < verbs.size(); v++) {
                    allow.allowed.add(verbs.get(v));
                }
            }
            InventoryComponent inventory = npc.getComponent(InventoryComponent.class);
            if (inventory == null) {
                inventory = new InventoryComponent();
                npc.add(inventory);
            }
            for (int i = 0; i < world.itemCount(); i++) {
                String item = world.itemName(i);
                boolean holds = castIds[slot].equals(world.holderAt(i));
                if (holds && !inventory.items.contains(item, false)) {
                    inventory.items.add(item);
                } else if (!holds) {
                    inventory.items.removeValue(item, false);
                }
            }
        }
        syncedWorld = world.version();
    }

    /** @return the goal {@code npcId} has now (the first of its goals that fits the stage and holds), or "" */
    public String goal(String npcId) {
        for (int i = 0; i < castIds.length; i++) {
            if (castIds[i].equals(npcId)) {
                return goal(i);
            }
        }
        return "";
    }

    /** @return the goal the NPC cast as {@code npc} has now, or "" */
    public String goal(Entity npc) {
        int slot = slotOf(npc);
        return slot < 0 ? "" : goal(slot);
    }

    private String goal(int slot) {
        if (slice == null) {
            return "";
        }
        List<StorySlice.Goal> goals = slice.npcs().get(slot).goals();
        for (int i = 0; i < goals.size(); i++) {
            StorySlice.Goal g = goals.get(i);
            if ((g.stage() < 0 || g.stage() == stage) && g.when().holds(this)) {
                return g.text();
            }
        }
        return "";
    }

    private int slotOf(Entity npc) {
        for (int i = 0; i < cast.length; i++) {
            if (cast[i] == npc) {
                return i;
            }
        }
        return -1;
    }

    /** @return a {@link WorldFacts} that writes {@link #describe} */
    public WorldFacts facts() {
        return facts;
    }

    /**
     * Writes what an NPC of the running slice knows and wants: its slice facts, the items it has, and its current
     * goal ("What you want now: ..."). Writes nothing for an NPC outside the slice or when no slice runs.
     */
    public void describe(Entity npc, StringBuilder out) {
        int slot = slotOf(npc);
        if (slot < 0 || slice == null || !running) {
            return;
        }
        List<String> known = slice.npcs().get(slot).facts();
        for (int i = 0; i < known.size(); i++) {
            out.append(known.get(i)).append('\n');
        }
        boolean any = false;
        for (int i = 0; i < world.itemCount(); i++) {
            if (castIds[slot].equals(world.holderAt(i))) {
                out.append(any ? ", " : "You have: ").append(world.itemName(i).replace('_', ' '));
                any = true;
            }
        }
        if (any) {
            out.append(".\n");
        }
        String goal = goal(slot);
        if (!goal.isEmpty()) {
            out.append("What you want now: ").append(goal).append('\n');
        }
    }

    @Override
    public void update(float deltaTime) {
        if (running) {
            seconds += deltaTime;
            frames++;
            check();
        }
        if (syncedWorld != world.version()) {
            syncCast(false); // the game or a trigger moved something
        }
    }

    /**
     * Checks the slice now: fires triggers whose condition holds, enters stages, and reaches an end. Called every
     * frame by {@link #update}; call it after an event to react within the same frame.
     *
     * @return whether an end has been reached
     */
    public boolean check() {
        if (!running) {
            return end != null;
        }
        boolean changed = true;
        // triggers and stages may enable each other; each trigger fires once, so this settles
        for (int round = 0; changed && round <= fired.length + slice.stages().size(); round++) {
            changed = false;
            for (int i = 0; i < fired.length; i++) {
                StorySlice.StoryTrigger t = slice.triggers().get(i);
                if (!fired[i] && t.when().holds(this)) {
                    fired[i] = true;
                    apply(t.change());
                    if (!t.event().isEmpty()) {
                        world.event(t.event());
                    }
                    changed = true;
                }
            }
            while (stage + 1 < slice.stages().size() && slice.stages().get(stage + 1).when().holds(this)) {
                stage++;
                String id = slice.stages().get(stage).id();
                stagesEntered.add(id);
                changed = true;
                syncCast(true);
                for (int l = 0; l < listeners.size; l++) {
                    listeners.get(l).onStage(this, id);
                }
            }
        }
        List<StorySlice.StoryEnd> ends = slice.ends();
        for (int i = 0; i < ends.size(); i++) {
            StorySlice.StoryEnd e = ends.get(i);
            if (e.when().holds(this)) {
                finish(e);
                return true;
            }
        }
        return false;
    }

    private void finish(StorySlice.StoryEnd e) {
        running = false;
        end = e;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < world.eventNameCount(); i++) {
            int c = world.eventCountAt(i);
            if (c > 0 && !world.eventName(i).startsWith(ANYONE + ":")) {
                counts.put(world.eventName(i), c);
            }
        }
        report = new StoryReport(slice.id(), slice.title(), e.id(), e.title(), e.summary(), seconds, frames,
                List.copyOf(stagesEntered), Map.copyOf(counts), rejected);
        for (int l = 0; l < listeners.size; l++) {
            listeners.get(l).onEnd(this, report);
        }
    }

    /** Stops the slice without an end (the player left the level); a later {@link #start} begins again. */
    public void stop() {
        running = false;
    }

    // ---- saving ---------------------------------------------------------------------------------------------

    /**
     * @return the slice's progress for a save file: slice id, stage, stages entered, triggers fired, time, whether
     *     it ended and how, and the world ({@link StoryWorld#toJson()}); relationships are saved by the
     *     {@link RelationSystem}
     * @throws IllegalStateException before a slice was started
     */
    public ObjectNode toJson() {
        if (slice == null) {
            throw new IllegalStateException("no story slice was started; nothing to save");
        }
        ObjectNode root = JsonFields.mapper().createObjectNode();
        root.put("version", 1);
        root.put("slice", slice.id());
        root.put("stage", stage());
        ArrayNode entered = root.putArray("stagesEntered");
        stagesEntered.forEach(entered::add);
        ArrayNode firedNode = root.putArray("triggersFired");
        for (int i = 0; i < fired.length; i++) {
            if (fired[i]) {
                firedNode.add(i);
            }
        }
        root.put("seconds", seconds);
        root.put("frames", frames);
        root.put("rejectedActions", rejected);
        if (end != null) {
            root.put("end", end.id());
        }
        root.set("world", world.toJson());
        return root;
    }

    /**
     * Restores progress saved by {@link #toJson()} into the running slice (start the same slice first: this puts
     * its conditions in place; the cast must be the same). Listeners are not called for what the save had already
     * reached; a save of an ended slice restores it ended, with its report.
     *
     * @throws AnimataException naming the field when the JSON is malformed, of another slice, or names a stage,
     *     trigger or end the slice does not have (nothing is changed then)
     */
    public void readJson(JsonNode root) {
        if (slice == null) {
            throw new AnimataException("start the story slice before restoring its progress");
        }
        prepare(root, slice).run();
    }

    /**
     * Checks saved progress against {@code target} without changing anything, and returns the step that restores it:
     * it starts {@code target} first (without telling listeners) when it is not the slice running now.
     *
     * @throws AnimataException naming the field when the JSON is malformed or does not fit {@code target}, or an NPC
     *     of {@code target} is not cast
     */
    Runnable prepare(JsonNode root, StorySlice target) {
        JsonFields f = new JsonFields("saved story");
        if (root == null || !root.isObject()) {
            throw f.error("", "must be an object {\"version\": 1, \"slice\": ...}");
        }
        f.onlyFields(root, "", java.util.Set.of("version", "slice", "stage", "stagesEntered", "triggersFired",
                "seconds", "frames", "rejectedActions", "end", "world"));
        int version = (int) f.number(root, "", "version", Double.NaN);
        if (version != 1) {
            throw f.error("version", "unknown version " + version + " (this build reads version 1)");
        }
        String id = f.text(root, "", "slice", null);
        if (!id.equals(target.id())) {
            throw f.error("slice", "the save is of slice '" + id + "', but '" + target.id() + "' was started");
        }
        for (StorySlice.StoryNpc n : target.npcs()) {
            if (castById.get(n.id()) == null) {
                throw new AnimataException("the saved story slice '" + id + "' involves NPC '" + n.id() + "' but no "
                        + "entity was cast; call story.cast(\"" + n.id() + "\", entity) before loading");
            }
        }
        int newStage = target.stageIndex(f.text(root, "", "stage", null));
        if (newStage < 0) {
            throw f.error("stage", "slice '" + id + "' has no such stage");
        }
        List<String> entered = new ArrayList<>();
        JsonNode en = f.array(root, "", "stagesEntered", true);
        for (int i = 0; i < en.size(); i++) {
            String s = f.text(en.get(i), JsonFields.at("stagesEntered", i));
            if (target.stageIndex(s) < 0) {
                throw f.error(JsonFields.at("stagesEntered", i), "slice '" + id + "' has no stage '" + s + "'");
            }
            entered.add(s);
        }
        boolean[] newFired = new boolean[target.triggers().size()];
        JsonNode fn = f.array(root, "", "triggersFired", true);
        for (int i = 0; i < fn.size(); i++) {
            int t = (int) f.number(fn.get(i), JsonFields.at("triggersFired", i));
            if (t < 0 || t >= newFired.length) {
                throw f.error(JsonFields.at("triggersFired", i), "slice '" + id + "' has " + newFired.length
                        + " triggers; there is no trigger " + t);
            }
            newFired[t] = true;
        }
        StorySlice.StoryEnd foundEnd = null;
        String endId = f.text(root, "", "end", "");
        if (!endId.isEmpty()) {
            for (StorySlice.StoryEnd e : target.ends()) {
                if (e.id().equals(endId)) {
                    foundEnd = e;
                }
            }
            if (foundEnd == null) {
                throw f.error("end", "slice '" + id + "' has no end '" + endId + "'");
            }
        }
        StorySlice.StoryEnd newEnd = foundEnd;
        double newSeconds = f.number(root, "", "seconds", 0);
        long newFrames = (long) f.number(root, "", "frames", 0);
        int newRejected = (int) f.number(root, "", "rejectedActions", 0);
        JsonNode worldNode = f.object(root, "", "world", true);
        world.check(worldNode, f, "world");
        return () -> {
            Array<StoryListener> saved = new Array<>(listeners);
            listeners.clear(); // what the save had reached was told when it happened
            try {
                if (slice != target) {
                    begin(target, false); // the save has the world; the relationships are the RelationSystem's
                }
                world.readJson(worldNode, f, "world");
                stage = newStage;
                stagesEntered.clear();
                stagesEntered.addAll(entered);
                fired = newFired;
                seconds = newSeconds;
                frames = newFrames;
                rejected = newRejected;
                end = null;
                report = null;
                running = true;
                syncCast(true);
                if (newEnd != null) {
                    finish(newEnd); // the report
                }
            } finally {
                listeners.addAll(saved);
            }
        };
    }

    /**
     * @return the save section holding this story's progress (key {@link StorySaveSection#KEY}); a save of another
     *     slice than the one running is started from {@link StorySlice#builtIn} before it is restored
     */
    public StorySaveSection saveSection() {
        return new StorySaveSection(this, StorySlice::builtIn);
    }

    /**
     * @param slices finds the slice a save names (by id) when it is not the one running, e.g. from the game's files
     * @return the save section holding this story's progress (key {@link StorySaveSection#KEY})
     */
    public StorySaveSection saveSection(java.util.function.Function<String, StorySlice> slices) {
        return new StorySaveSection(this, slices);
    }

    int requireCastSlot(String npcId, String what) {
        for (int i = 0; i < castIds.length; i++) {
            if (castIds[i].equals(npcId)) {
                return i;
            }
        }
        throw new AnimataException("story slice '" + slice.id() + "': " + what + " names NPC '" + npcId
                + "', which is not one of its npcs (" + String.join(", ", castIds) + ")");
    }

    RelationSystem requireRelations(String what) {
        if (relations == null) {
            throw new AnimataException(what + " needs relationships: build the StorySystem with"
                    + " optRelations(relationSystem)");
        }
        return relations;
    }

    float relationValue(int slot, String toward, int dim) {
        return relations.value(cast[slot], toward, dim);
    }

    /** Builds a {@link StorySystem}. Not thread-safe. */
    public static final class Builder {
        private RelationSystem relations;
        private int priority;
        private boolean castComponents = true;

        private Builder() {
        }

        /** The relationships that relation conditions read and start states seed (default none). */
        public Builder optRelations(RelationSystem relationSystem) {
            this.relations = relationSystem;
            return this;
        }

        /** Ashley priority (default 0). */
        public Builder optPriority(int systemPriority) {
            this.priority = systemPriority;
            return this;
        }

        /**
         * Whether the cast's {@link ActionsComponent} and {@link InventoryComponent} follow the story (default true;
         * off for a game that keeps its own allow-lists and inventories).
         */
        public Builder optCastComponents(boolean follow) {
            this.castComponents = follow;
            return this;
        }

        /** @return the system */
        public StorySystem build() {
            return new StorySystem(this);
        }
    }
}
