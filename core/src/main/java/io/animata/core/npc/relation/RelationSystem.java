package io.animata.core.npc.relation;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntityListener;
import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.utils.ImmutableArray;
import com.badlogic.gdx.utils.ObjectMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueListener;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.WorldFacts;
import io.animata.runtime.AnimataException;
import java.util.Iterator;
import java.util.Map;

/**
 * Relationships and emotions: how each NPC with a {@link RelationshipComponent} feels about the player and about
 * other NPCs, along the dimensions of its {@link RelationRules} (trust, affinity, fear by default), bounded.
 *
 * <p>What changes them: game events through the rules ({@link #apply}: "gift", "attack", "help", "insult",
 * "promise_kept"...), second-hand news at the rules' hearsay strength ({@link #hear}), the player's lines read by a
 * cheap word-list sentiment ({@link #hearLine}: kind, rude or threatening words fire the rules' sentiment events),
 * the NPC's own actions in its replies (the rules' {@code actions}), and time: each value decays toward its
 * dimension's baseline with the dimension's half-life. Decay is spread over frames ({@link Builder#optDecayPerFrame}
 * NPCs per frame, each by the time it is owed), so 400 NPCs cost a few microseconds a frame.
 *
 * <p>What reads them: the game ({@link #value}), story conditions, and the prompt: {@link #facts()} is a
 * {@link WorldFacts} that says the strongest feelings in a line ("You trust the player a little; you are afraid of
 * Captain Hale."). Add the system as a {@link DialogueListener} of the {@link DialogueSystem} so that replies and the
 * lines that caused them count. {@link #toJson(Entity)} / {@link #readJson(Entity, JsonNode)} save and load one NPC;
 * {@link #toJson()} / {@link #readJson(JsonNode)} every NPC, keyed by id; {@link #saveSection()} puts them into a
 * {@link io.animata.core.npc.save.GameSave}.
 *
 * <pre>{@code
 * RelationSystem relations = RelationSystem.builder().build();       // RelationRules.defaults()
 * engine.addSystem(relations);
 * guard.add(engine.createComponent(RelationshipComponent.class).setId("guard"));
 * dialogue.addListener(relations);                                     // player lines and replies count
 * DialogueSystem.builder().optWorldFacts(relations.facts());          // feelings go into the prompt
 * relations.apply(guard, "gift", "player");                           // the player gave the guard a gift
 * float trust = relations.value(guard, "player", "trust");
 * }</pre>
 *
 * <p>Threading: game thread only. {@link #update}, {@link #apply}, {@link #value} and {@link #change} allocate
 * nothing once a target is known; {@link #hearLine}, {@link #describe} and the JSON methods allocate (they run once
 * per line, prompt or save).
 */
public final class RelationSystem extends EntitySystem implements DialogueListener {
    /** The target id of the player. */
    public static final String PLAYER = "player";

    private final ComponentMapper<RelationshipComponent> relations = ComponentMapper.getFor(RelationshipComponent.class);
    private final ComponentMapper<PersonaComponent> personas = ComponentMapper.getFor(PersonaComponent.class);
    private final RelationRules rules;
    private final int decayPerFrame;
    private final Family family = Family.all(RelationshipComponent.class).get();
    private final ObjectMap<String, Entity> byId = new ObjectMap<>();
    private final ObjectMap<String, String> displayNames = new ObjectMap<>();
    /** Saved relationships of NPCs that were not in the engine when the save was loaded, by id. */
    private final ObjectMap<String, JsonNode> parked = new ObjectMap<>();
    private final EntityListener binder = new EntityListener() {
        @Override
        public void entityAdded(Entity entity) {
            RelationshipComponent r = relations.get(entity);
            r.bind(rules);
            if (Double.isNaN(r.decayedAt)) {
                r.decayedAt = clock;
            }
            if (!r.id.isEmpty()) {
                byId.put(r.id, entity);
                JsonNode saved = parked.remove(r.id);
                if (saved != null) {
                    restore(r, saved);
                }
            }
        }

        @Override
        public void entityRemoved(Entity entity) {
            RelationshipComponent r = relations.get(entity);
            if (r != null && byId.get(r.id) == entity) {
                byId.remove(r.id);
            }
        }
    };
    private final WorldFacts facts = this::describe;
    private ImmutableArray<Entity> entities;
    private double clock;
    private int cursor;
    private int[] order = new int[8];
    private float[] strength = new float[8];

    private RelationSystem(Builder b) {
        super(b.priority);
        this.rules = b.rules;
        this.decayPerFrame = b.decayPerFrame;
        displayNames.put(PLAYER, "the player");
    }

    /** @return a builder (default rules: {@link RelationRules#defaults()}) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rules */
    public RelationRules rules() {
        return rules;
    }

    /** @return seconds of game time this system has seen */
    public double clock() {
        return clock;
    }

    /** @return the NPC with this relationship id (the last one added when two share an id), or null */
    public Entity npc(String id) {
        return byId.get(id);
    }

    /**
     * Sets how a target is named in prompts (default: "the player" for the player, an NPC's persona name, else its
     * id).
     */
    public void setDisplayName(String targetId, String name) {
        displayNames.put(targetId, name);
    }

    @Override
    public void addedToEngine(Engine engine) {
        entities = engine.getEntitiesFor(family);
        for (int i = 0; i < entities.size(); i++) {
            binder.entityAdded(entities.get(i));
        }
        engine.addEntityListener(family, binder);
    }

    @Override
    public void removedFromEngine(Engine engine) {
        engine.removeEntityListener(binder);
        byId.clear();
        entities = null;
    }

    /** Decays a few NPCs' feelings toward their baselines, each by the time since it was last decayed. */
    @Override
    public void update(float deltaTime) {
        clock += deltaTime;
        int n = entities.size();
        if (n == 0) {
            return;
        }
        int count = Math.min(n, decayPerFrame);
        for (int k = 0; k < count; k++) {
            if (cursor >= n) {
                cursor = 0;
            }
            decay(relations.get(entities.get(cursor++)));
        }
    }

    private void decay(RelationshipComponent r) {
        float owed = (float) (clock - r.decayedAt);
        r.decayedAt = clock;
        if (!(owed > 0)) {
            return;
        }
        for (int d = 0; d < r.dims; d++) {
            RelationDimension dim = rules.dimensions().get(d);
            if (dim.halfLifeSeconds() <= 0) {
                continue;
            }
            float keep = (float) Math.pow(0.5, owed / dim.halfLifeSeconds());
            for (int t = 0; t < r.targetCount; t++) {
                int at = t * r.dims + d;
                r.values[at] = dim.baseline() + (r.values[at] - dim.baseline()) * keep;
            }
        }
    }

    /** Brings one NPC's decay up to date now (e.g. before reading a value that must be exact). */
    public void decayNow(Entity npc) {
        decay(require(npc));
    }

    /**
     * Applies a game event to how {@code npc} feels about {@code target}: the rule's change, times {@code scale},
     * clamped to the dimensions' bounds.
     *
     * @param event a name from the rules' {@code events}, e.g. "gift"
     * @param target who did it: {@link #PLAYER} or an NPC's id
     * @param scale how strongly it counts (1 for the rule as written)
     * @return false (and nothing changes) when the rules have no such event
     * @throws AnimataException when {@code npc} has no {@link RelationshipComponent}
     */
    public boolean apply(Entity npc, String event, String target, float scale) {
        float[] change = rules.event(event);
        if (change == null) {
            return false;
        }
        add(require(npc), target, change, scale);
        return true;
    }

    /** {@link #apply(Entity, String, String, float)} at full strength. */
    public boolean apply(Entity npc, String event, String target) {
        return apply(npc, event, target, 1f);
    }

    /**
     * {@code npc} hears of an event it did not see ("the player attacked the guard"): the event's rule toward the
     * one who did it, at the rules' hearsay strength. An event that happened to {@code npc} itself counts in full.
     *
     * @param actor who did it
     * @param victim who it was done to (may be null)
     * @return false when the rules have no such event or the actor is the NPC itself
     */
    public boolean hear(Entity npc, String event, String actor, String victim) {
        RelationshipComponent r = require(npc);
        if (actor.equals(r.id)) {
            return false;
        }
        float[] change = rules.event(event);
        if (change == null) {
            return false;
        }
        add(r, actor, change, victim != null && victim.equals(r.id) ? 1f : rules.hearsay());
        return true;
    }

    /**
     * The player said {@code line} to {@code npc}: the cheap sentiment reading fires the rules' kind, rude or
     * threat event toward the player, scaled by how strongly the line reads.
     *
     * @return the reading
     */
    public LineSentiment.Reading hearLine(Entity npc, CharSequence line) {
        RelationshipComponent r = require(npc);
        LineSentiment.Reading reading = rules.sentiment().read(line);
        if (reading.threat()) {
            float[] c = rules.event(rules.threatEvent());
            if (c != null) {
                add(r, PLAYER, c, 1f);
            }
        } else if (Math.abs(reading.score()) >= rules.sentimentThreshold()) {
            float[] c = rules.event(reading.score() > 0 ? rules.kindEvent() : rules.rudeEvent());
            if (c != null) {
                add(r, PLAYER, c, Math.abs(reading.score()));
            }
        }
        return reading;
    }

    /** A reply is complete: the player's line that caused it and the NPC's own action count. */
    @Override
    public void onReply(Entity npc, DialogueComponent dialogue) {
        RelationshipComponent r = relations.get(npc);
        if (r == null) {
            return;
        }
        if (dialogue.lastLine() != null) {
            hearLine(npc, dialogue.lastLine());
        }
        if (!dialogue.isFallback() && !DialogueSystem.NO_ACTION.equals(dialogue.action())) {
            float[] c = rules.action(dialogue.action());
            if (c != null) {
                add(r, PLAYER, c, 1f);
            }
        }
    }

    private void add(RelationshipComponent r, String target, float[] change, float scale) {
        int t = r.indexOrAdd(target, rules);
        for (int d = 0; d < r.dims; d++) {
            int at = t * r.dims + d;
            r.values[at] = rules.dimensions().get(d).clamp(r.values[at] + change[d] * scale);
        }
    }

    /** @return how {@code npc} feels about {@code target} along dimension {@code dim} (index); the baseline if unmet */
    public float value(Entity npc, String target, int dim) {
        RelationshipComponent r = require(npc);
        int t = r.indexOf(target);
        return t < 0 ? rules.dimensions().get(dim).baseline() : r.values[t * r.dims + dim];
    }

    /** @return how {@code npc} feels about {@code target} along the named dimension */
    public float value(Entity npc, String target, String dimension) {
        return value(npc, target, rules.requireDimension(dimension));
    }

    /** Adds {@code delta} to one dimension (clamped). */
    public void change(Entity npc, String target, String dimension, float delta) {
        RelationshipComponent r = require(npc);
        int d = rules.requireDimension(dimension);
        int t = r.indexOrAdd(target, rules);
        r.values[t * r.dims + d] = rules.dimensions().get(d).clamp(r.values[t * r.dims + d] + delta);
    }

    /** Sets one dimension (clamped): a story's start, a cheat, a loaded game. */
    public void set(Entity npc, String target, String dimension, float value) {
        RelationshipComponent r = require(npc);
        int d = rules.requireDimension(dimension);
        int t = r.indexOrAdd(target, rules);
        r.values[t * r.dims + d] = rules.dimensions().get(d).clamp(value);
    }

    /** @return a {@link WorldFacts} that writes {@link #describe} (one line) */
    public WorldFacts facts() {
        return facts;
    }

    /**
     * Writes the NPC's strongest feelings (at most the rules' {@code maxClauses}, those too weak to mention left out)
     * as one line addressed to it: "You trust the player a little; you are afraid of Captain Hale.". Writes nothing
     * when it feels nothing worth saying or has no {@link RelationshipComponent}.
     */
    public void describe(Entity npc, StringBuilder out) {
        RelationshipComponent r = relations.get(npc);
        if (r == null || r.dims == 0) {
            return;
        }
        int n = r.targetCount * r.dims;
        if (order.length < n) {
            order = new int[n * 2];
            strength = new float[n * 2];
        }
        int found = 0;
        for (int i = 0; i < n; i++) {
            RelationDimension dim = rules.dimensions().get(i % r.dims);
            float dist = r.values[i] - dim.baseline();
            String phrase = dist > 0 ? dim.positive() : dim.negative();
            if (rules.degree(dist) >= 0 && !phrase.isEmpty()) {
                order[found] = i;
                strength[found++] = Math.abs(dist);
            }
        }
        // strongest first; insertion sort: a handful of entries
        for (int i = 1; i < found; i++) {
            int o = order[i];
            float s = strength[i];
            int j = i - 1;
            while (j >= 0 && strength[j] < s) {
                order[j + 1] = order[j];
                strength[j + 1] = strength[j];
                j--;
            }
            order[j + 1] = o;
            strength[j + 1] = s;
        }
        int clauses = Math.min(found, rules.maxClauses());
        for (int c = 0; c < clauses; c++) {
            int i = order[c];
            RelationDimension dim = rules.dimensions().get(i % r.dims);
            float dist = r.values[i] - dim.baseline();
            out.append(c == 0 ? "You " : "; you ");
            phrase(out, dist > 0 ? dim.positive() : dim.negative(), displayName(r.targets[i / r.dims]),
                    dim.degrees().get(rules.degree(dist)));
        }
        if (clauses > 0) {
            out.append(".\n");
        }
    }

    /** @return how a target is named in prompts */
    public String displayName(String targetId) {
        String name = displayNames.get(targetId);
        if (name != null) {
            return name;
        }
        Entity other = byId.get(targetId);
        PersonaComponent p = other == null ? null : personas.get(other);
        return p != null && !p.name.isBlank() ? p.name : targetId;
    }

    /** Writes a phrase with {target} and {degree} filled in, collapsing the spaces an empty degree leaves. */
    private static void phrase(StringBuilder out, String template, String target, String degree) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            if (template.startsWith("{target}", i)) {
                out.append(target);
                i += 8;
            } else if (template.startsWith("{degree}", i)) {
                out.append(degree);
                i += 8;
            } else {
                char c = template.charAt(i++);
                if (c != ' ' || (out.length() > 0 && out.charAt(out.length() - 1) != ' ')) {
                    out.append(c);
                }
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    // ---- saving ---------------------------------------------------------------------------------------------

    /**
     * @return one NPC's relationships: {@code {"id": "guard", "toward": {"player": {"trust": 0.3, ...}}}}, decayed
     *     up to now
     */
    public ObjectNode toJson(Entity npc) {
        RelationshipComponent r = require(npc);
        decay(r);
        ObjectNode node = JsonFields.mapper().createObjectNode();
        node.put("id", r.id);
        ObjectNode toward = node.putObject("toward");
        for (int t = 0; t < r.targetCount; t++) {
            ObjectNode values = toward.putObject(r.targets[t]);
            for (int d = 0; d < r.dims; d++) {
                values.put(rules.dimensions().get(d).name(), r.values[t * r.dims + d]);
            }
        }
        return node;
    }

    /**
     * Restores one NPC's relationships from {@link #toJson(Entity)}'s form, replacing what it had. Dimensions the
     * rules no longer have are skipped (a save from an older version of the game's rules still loads); missing ones
     * read as the baseline; values are clamped.
     *
     * @throws AnimataException naming the field when the JSON is malformed
     */
    public void readJson(Entity npc, JsonNode node) {
        RelationshipComponent r = require(npc);
        check(node, new JsonFields("relationships of NPC '" + r.id + "'"));
        restore(r, node);
    }

    /** Checks one NPC's relationships in {@link #toJson(Entity)}'s form, changing nothing. */
    private static void check(JsonNode node, JsonFields f) {
        if (node == null || !node.isObject()) {
            throw f.error("", "must be an object {\"toward\": {...}}");
        }
        JsonNode toward = f.object(node, "", "toward", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = toward.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw f.error("toward." + e.getKey(), "must be an object of dimension values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> v = e.getValue().fields(); v.hasNext();) {
                Map.Entry<String, JsonNode> dv = v.next();
                f.number(dv.getValue(), "toward." + e.getKey() + "." + dv.getKey());
            }
        }
    }

    /** Replaces one NPC's relationships with checked JSON. */
    private void restore(RelationshipComponent r, JsonNode node) {
        JsonNode toward = node.get("toward");
        r.targetCount = 0;
        r.decayedAt = clock;
        for (Iterator<Map.Entry<String, JsonNode>> it = toward.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int t = r.indexOrAdd(e.getKey(), rules);
            for (Iterator<Map.Entry<String, JsonNode>> v = e.getValue().fields(); v.hasNext();) {
                Map.Entry<String, JsonNode> dv = v.next();
                int d = rules.dimension(dv.getKey());
                if (d >= 0) {
                    r.values[t * r.dims + d] = rules.dimensions().get(d).clamp((float) dv.getValue().asDouble());
                }
            }
        }
    }

    /**
     * @return every NPC's relationships: {@code {"version": 1, "npcs": {"guard": {...}, ...}}}
     * @throws IllegalStateException when the system is not in an engine
     */
    public ObjectNode toJson() {
        if (entities == null) {
            throw new IllegalStateException("the RelationSystem is not in an engine; add it to save every NPC");
        }
        ObjectNode root = JsonFields.mapper().createObjectNode();
        root.put("version", 1);
        ObjectNode npcs = root.putObject("npcs");
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            RelationshipComponent r = relations.get(e);
            if (!r.id.isEmpty()) {
                npcs.set(r.id, toJson(e));
            }
        }
        for (ObjectMap.Entry<String, JsonNode> e : parked) {
            if (!npcs.has(e.key)) {
                npcs.set(e.key, e.value);
            }
        }
        return root;
    }

    /**
     * Restores the relationships of every NPC in {@link #toJson()}'s form that is in the engine now (by id); NPCs of
     * the engine that the JSON does not name keep theirs.
     *
     * @return how many NPCs were restored; NPCs in the JSON that are not in the engine get theirs when they join
     * @throws AnimataException when the JSON is malformed or of an unknown version (nothing is changed then)
     */
    public int readJson(JsonNode root) {
        return prepare(root, false).getAsInt();
    }

    /**
     * Checks every NPC's relationships in {@link #toJson()}'s form and returns the step that restores them, so a
     * save can check all its sections before it changes anything.
     *
     * @param replaceAll whether NPCs in the engine that the JSON does not name are reset to no relationships (a save
     *     is the whole state) rather than left as they are
     * @return the step; it returns how many NPCs of the engine were restored
     * @throws AnimataException when the JSON is malformed or of an unknown version
     */
    java.util.function.IntSupplier prepare(JsonNode root, boolean replaceAll) {
        JsonFields f = new JsonFields("saved relationships");
        if (root == null || !root.isObject()) {
            throw f.error("", "must be an object {\"version\": 1, \"npcs\": {...}}");
        }
        int version = (int) f.number(root, "", "version", Double.NaN);
        if (version != 1) {
            throw f.error("version", "unknown version " + version + " (this build reads version 1)");
        }
        JsonNode npcs = f.object(root, "", "npcs", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = npcs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            check(e.getValue(), new JsonFields("relationships of NPC '" + e.getKey() + "'"));
        }
        return () -> {
            if (replaceAll) {
                parked.clear();
                for (int i = 0; entities != null && i < entities.size(); i++) {
                    RelationshipComponent r = relations.get(entities.get(i));
                    if (!r.id.isEmpty() && !npcs.has(r.id)) {
                        r.targetCount = 0;
                        r.decayedAt = clock;
                    }
                }
            }
            int restored = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = npcs.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Entity npc = byId.get(e.getKey());
                if (npc != null) {
                    restore(require(npc), e.getValue());
                    restored++;
                } else {
                    parked.put(e.getKey(), e.getValue()); // restored when an NPC with this id joins the engine
                }
            }
            return restored;
        };
    }

    /**
     * @return the save section holding every NPC's relationships (key {@link RelationSaveSection#KEY}), for
     *     {@link io.animata.core.npc.save.GameSave#register}
     */
    public RelationSaveSection saveSection() {
        return new RelationSaveSection(this);
    }

    /** @return how many NPCs' saved relationships wait for their NPC to join the engine */
    public int parkedCount() {
        return parked.size;
    }

    private RelationshipComponent require(Entity npc) {
        RelationshipComponent r = relations.get(npc);
        if (r == null) {
            throw new AnimataException("entity " + npc + " has no RelationshipComponent; add one with setId(...)");
        }
        if (r.dims == 0) {
            r.bind(rules); // not added to an engine yet: still usable
        }
        return r;
    }

    /** Builds a {@link RelationSystem}. Not thread-safe. */
    public static final class Builder {
        private RelationRules rules;
        private int decayPerFrame = 32;
        private int priority;

        private Builder() {
        }

        /** The rules (default {@link RelationRules#defaults()}). */
        public Builder optRules(RelationRules relationRules) {
            this.rules = relationRules;
            return this;
        }

        /** NPCs decayed per frame, round robin (default 32); each is decayed by all the time it is owed. */
        public Builder optDecayPerFrame(int npcs) {
            if (npcs < 1) {
                throw new IllegalArgumentException("decay at least 1 NPC per frame, was " + npcs);
            }
            this.decayPerFrame = npcs;
            return this;
        }

        /** Ashley priority (default 0). */
        public Builder optPriority(int systemPriority) {
            this.priority = systemPriority;
            return this;
        }

        /** @return the system */
        public RelationSystem build() {
            if (rules == null) {
                rules = RelationRules.defaults();
            }
            return new RelationSystem(this);
        }
    }
}
