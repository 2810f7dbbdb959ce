package io.animata.core.npc.lod;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.utils.ImmutableArray;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.ObjectMap;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueListener;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.WorldFacts;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;

/**
 * Level of detail for thinking, so that hundreds of NPCs cost the game thread little: NPCs near the player (within
 * {@link Builder#optRadii near}) think with the language model (the {@link DialogueSystem} answers them); NPCs far
 * from it (beyond {@code far}, larger than {@code near}, so that an NPC on the border does not flicker) think with
 * cheap rules at a low rate, a few NPCs per frame: they hear of the world's events ({@link #report}) second-hand,
 * their relationships change by the rules' hearsay strength ({@link RelationSystem#hear}), their {@link CheapMemory}
 * takes note, and they keep a small table of what they heard. When the player comes near, they wake up: what they
 * heard goes into their prompt ({@link #facts()}: "Since you last saw the player, you heard that the player attacked
 * Captain Hale (2 times).") until their next reply. Near NPCs witness events at once, at
 * {@link Builder#optWitnessStrength}; an event done to an NPC counts in full wherever it is.
 *
 * <pre>{@code
 * ThinkingLodSystem lod = ThinkingLodSystem.builder().optRelations(relations).optDialogue(dialogue)
 *         .optCheapMemory(memory.heardMemory())           // far NPCs remember what they hear (MemorySystem)
 *         .optRadii(8, 10).optFarPeriodFrames(30).build();
 * engine.addSystem(lod);
 * dialogue.addListener(lod);                               // the news is told once the NPC has replied
 * npc.add(engine.createComponent(ThinkingLodComponent.class).at(x, y));
 * // every frame: lod.setPlayer(px, py); npc's ThinkingLodComponent.x/y = its position
 * lod.report("player", "attack", "guard");                 // everyone near sees it; far NPCs hear of it later
 * }</pre>
 *
 * <p>Threading: game thread only. {@link #update} and {@link #report} allocate nothing (with {@link CheapMemory#NONE}
 * or a memory that does not allocate; a relationship toward someone new grows its table once).
 */
public final class ThinkingLodSystem extends EntitySystem implements DialogueListener {
    private final ComponentMapper<ThinkingLodComponent> lods = ComponentMapper.getFor(ThinkingLodComponent.class);
    private final ComponentMapper<RelationshipComponent> relationships =
            ComponentMapper.getFor(RelationshipComponent.class);
    private final Family family = Family.all(ThinkingLodComponent.class).get();
    private final RelationSystem relations;
    private final DialogueSystem dialogue;
    private final CheapMemory memory;
    private final float near2;
    private final float far2;
    private final int farPeriodFrames;
    private final float witness;
    private final WorldEventLog log;
    private final ObjectMap<String, String> phrases;
    private final Array<LodListener> listeners = new Array<>(false, 2);
    private final StringBuilder summary = new StringBuilder(256);
    private final WorldFacts facts = this::describe;
    private ImmutableArray<Entity> entities;
    private float playerX;
    private float playerY;
    private double clock;
    private int cursor;
    private float thinkCredit;
    private int nearCount;
    private long farThoughts;

    private ThinkingLodSystem(Builder b) {
        super(b.priority);
        this.relations = b.relations;
        this.dialogue = b.dialogue;
        this.memory = b.memory;
        this.near2 = b.near * b.near;
        this.far2 = b.far * b.far;
        this.farPeriodFrames = b.farPeriodFrames;
        this.witness = b.witness;
        this.log = new WorldEventLog(b.logCapacity);
        this.phrases = b.phrases;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the player's position (every frame). */
    public void setPlayer(float x, float y) {
        playerX = x;
        playerY = y;
    }

    /** @return the events NPCs witness and hear of */
    public WorldEventLog log() {
        return log;
    }

    /** @return NPCs near the player after the last update */
    public int nearCount() {
        return nearCount;
    }

    /** @return cheap thinking steps of far NPCs so far */
    public long farThoughts() {
        return farThoughts;
    }

    /** Adds a listener. */
    public void addListener(LodListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener; no effect when absent. */
    public void removeListener(LodListener listener) {
        listeners.removeValue(listener, true);
    }

    /**
     * Something happened in the world: near NPCs witness it at once, far ones hear of it at their next cheap step.
     *
     * @param actor who did it ({@link RelationSystem#PLAYER} or an NPC's id)
     * @param verb a relationship rules event (e.g. "attack", "gift"); others are only remembered and told
     * @param victim who it was done to, or null
     */
    public void report(String actor, String verb, String victim) {
        log.add(actor, verb, victim, clock);
    }

    @Override
    public void addedToEngine(Engine engine) {
        entities = engine.getEntitiesFor(family);
    }

    @Override
    public void removedFromEngine(Engine engine) {
        entities = null;
    }

    @Override
    public void update(float deltaTime) {
        clock += deltaTime;
        int n = entities.size();
        int nearNow = 0;
        for (int i = 0; i < n; i++) {
            Entity e = entities.get(i);
            ThinkingLodComponent c = lods.get(e);
            float dx = c.x - playerX;
            float dy = c.y - playerY;
            float d2 = dx * dx + dy * dy;
            if (!c.seen) {
                c.seen = true;
                c.near = d2 < near2;
                c.lastEvent = log.last();
                c.thoughtAt = clock;
            } else if (!c.near && d2 < near2) {
                wake(e, c);
            } else if (c.near && d2 > far2) {
                sleep(e, c);
            }
            if (c.near) {
                witness(e, c);
                nearNow++;
            }
        }
        nearCount = nearNow;
        // far NPCs think a few per frame (fractions carried over), so each thinks once every farPeriodFrames frames
        thinkCredit += (float) n / farPeriodFrames;
        int budget = Math.min(n, (int) thinkCredit);
        thinkCredit -= budget;
        for (int k = 0; k < budget && n > 0; k++) {
            if (cursor >= n) {
                cursor = 0;
            }
            Entity e = entities.get(cursor++);
            ThinkingLodComponent c = lods.get(e);
            if (!c.near) {
                think(e, c);
            }
        }
    }

    private void wake(Entity e, ThinkingLodComponent c) {
        think(e, c);
        c.near = true;
        c.wakes++;
        c.newsPending = c.heard > 0 || c.heardOther > 0;
        if (c.newsPending && memory != CheapMemory.NONE) {
            summary.setLength(0);
            writeNews(e, c, summary);
            memory.onWake(e, summary);
        }
        for (int l = 0; l < listeners.size; l++) {
            listeners.get(l).onWake(e, c);
        }
    }

    private void sleep(Entity e, ThinkingLodComponent c) {
        c.near = false;
        c.thoughtAt = clock;
        if (dialogue != null) {
            dialogue.cancel(e); // the player walked away
        }
        for (int l = 0; l < listeners.size; l++) {
            listeners.get(l).onSleep(e, c);
        }
    }

    /** A near NPC sees what just happened. */
    private void witness(Entity e, ThinkingLodComponent c) {
        if (c.lastEvent == log.last()) {
            return;
        }
        RelationshipComponent r = relationships.get(e);
        for (long s = Math.max(c.lastEvent + 1, log.oldest()); s <= log.last(); s++) {
            String actor = log.actor(s);
            if (relations != null && r != null && !actor.equals(r.id)) {
                String victim = log.victim(s);
                relations.apply(e, log.verb(s), actor, victim != null && victim.equals(r.id) ? 1f : witness);
            }
        }
        c.lastEvent = log.last();
    }

    /** A far NPC's cheap step: it hears of what happened since its last step. */
    private void think(Entity e, ThinkingLodComponent c) {
        c.farThoughts++;
        farThoughts++;
        c.thoughtAt = clock;
        if (c.lastEvent == log.last()) {
            return;
        }
        RelationshipComponent r = relationships.get(e);
        String self = r == null ? "" : r.id;
        for (long s = Math.max(c.lastEvent + 1, log.oldest()); s <= log.last(); s++) {
            String actor = log.actor(s);
            if (actor.equals(self)) {
                continue;
            }
            String verb = log.verb(s);
            String victim = log.victim(s);
            if (relations != null && r != null) {
                relations.hear(e, verb, actor, victim);
            }
            c.remember(actor, verb, victim);
            memory.noteFar(e, actor, verb, victim, log.time(s));
        }
        c.lastEvent = log.last();
    }

    /** The NPC replied: what it heard has been told. */
    @Override
    public void onReply(Entity npc, DialogueComponent d) {
        ThinkingLodComponent c = lods.get(npc);
        if (c != null && c.newsPending) {
            c.forgetHeard();
        }
    }

    /** @return a {@link WorldFacts} that writes {@link #describe} */
    public WorldFacts facts() {
        return facts;
    }

    /**
     * Writes what a woken NPC heard while far ("Since you last saw the player, you heard that ..."), until its next
     * reply; nothing otherwise.
     */
    public void describe(Entity npc, StringBuilder out) {
        ThinkingLodComponent c = lods.get(npc);
        if (c != null && c.newsPending) {
            writeNews(npc, c, out);
        }
    }

    private void writeNews(Entity npc, ThinkingLodComponent c, StringBuilder out) {
        RelationshipComponent r = relationships.get(npc);
        String self = r == null ? null : r.id;
        out.append("Since you last saw the player, you heard that ");
        for (int i = 0; i < c.heard; i++) {
            if (i > 0) {
                out.append("; ");
            }
            tell(self, c.heardActor[i], c.heardVerb[i], c.heardVictim[i], out);
            if (c.heardCount[i] > 1) {
                out.append(" (").append(c.heardCount[i]).append(" times)");
            }
        }
        if (c.heardOther > 0) {
            out.append(c.heard > 0 ? "; and " : "").append(c.heardOther).append(" other things happened");
        }
        out.append(".\n");
    }

    /**
     * Writes one event as told to {@code npc}, e.g. "the player attacked Captain Hale" ("you" for the NPC itself), with
     * the phrases of {@link Builder#optPhrase}. Allocates nothing.
     *
     * @param victim who it was done to, or null
     */
    public void tell(Entity npc, String actor, String verb, String victim, StringBuilder out) {
        RelationshipComponent r = relationships.get(npc);
        tell(r == null ? null : r.id, actor, verb, victim, out);
    }

    private void tell(String self, String actor, String verb, String victim, StringBuilder out) {
        String template = phrases.get(verb);
        if (template == null) {
            template = victim == null ? "{actor} did '{verb}'" : "{actor} did '{verb}' to {victim}";
        }
        phrase(out, template, name(actor, self), verb, name(victim, self));
    }

    private String name(String id, String self) {
        if (id == null) {
            return "someone";
        }
        if (id.equals(self)) {
            return "you";
        }
        return relations != null ? relations.displayName(id) : id;
    }

    private static void phrase(StringBuilder out, String template, String actor, String verb, String victim) {
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{actor}", i)) {
                out.append(actor);
                i += 7;
            } else if (template.startsWith("{victim}", i)) {
                out.append(victim);
                i += 8;
            } else if (template.startsWith("{verb}", i)) {
                for (int k = 0; k < verb.length(); k++) {
                    char ch = verb.charAt(k);
                    out.append(ch == '_' ? ' ' : ch);
                }
                i += 6;
            } else {
                out.append(template.charAt(i++));
            }
        }
    }

    /** @return whether the NPC is near (false for an entity without a {@link ThinkingLodComponent}) */
    public boolean isNear(Entity npc) {
        ThinkingLodComponent c = lods.get(npc);
        return c != null && c.near;
    }

    /** Builds a {@link ThinkingLodSystem}. Not thread-safe. */
    public static final class Builder {
        private RelationSystem relations;
        private DialogueSystem dialogue;
        private CheapMemory memory = CheapMemory.NONE;
        private float near = 8;
        private float far = 10;
        private int farPeriodFrames = 30;
        private float witness = 0.6f;
        private int logCapacity = 256;
        private int priority;
        private final ObjectMap<String, String> phrases = new ObjectMap<>();

        private Builder() {
            phrases.put("attack", "{actor} attacked {victim}");
            phrases.put("gift", "{actor} gave {victim} a gift");
            phrases.put("help", "{actor} helped {victim}");
            phrases.put("insult", "{actor} insulted {victim}");
            phrases.put("threat", "{actor} threatened {victim}");
            phrases.put("theft", "{actor} stole from {victim}");
            phrases.put("promise_kept", "{actor} kept a promise to {victim}");
            phrases.put("promise_broken", "{actor} broke a promise to {victim}");
        }

        /** The relationships that events change (default none: events are only remembered and told). */
        public Builder optRelations(RelationSystem relationSystem) {
            this.relations = relationSystem;
            return this;
        }

        /** The dialogue whose replies are cancelled when the player walks away (default none). */
        public Builder optDialogue(DialogueSystem dialogueSystem) {
            this.dialogue = dialogueSystem;
            return this;
        }

        /** Where far NPCs' cheap notes go (default {@link CheapMemory#NONE}). */
        public Builder optCheapMemory(CheapMemory cheapMemory) {
            if (cheapMemory == null) {
                throw new IllegalArgumentException("cheap memory is null; use CheapMemory.NONE");
            }
            this.memory = cheapMemory;
            return this;
        }

        /**
         * The radii (default 8 and 10, in the game's units): an NPC wakes when closer than {@code nearRadius} and
         * sleeps when farther than {@code farRadius}.
         */
        public Builder optRadii(float nearRadius, float farRadius) {
            if (!(nearRadius > 0) || !(farRadius >= nearRadius)) {
                throw new IllegalArgumentException("need 0 < near <= far, got near " + nearRadius + ", far " + farRadius);
            }
            this.near = nearRadius;
            this.far = farRadius;
            return this;
        }

        /** Frames between two cheap steps of a far NPC (default 30); the NPCs' steps are spread over them. */
        public Builder optFarPeriodFrames(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("the far period is at least 1 frame, was " + frames);
            }
            this.farPeriodFrames = frames;
            return this;
        }

        /** How strongly an event seen by a near NPC counts, 0..1 (default 0.6; the victim always counts it in full). */
        public Builder optWitnessStrength(float strength) {
            if (strength < 0 || strength > 1) {
                throw new IllegalArgumentException("witness strength must be in 0..1, was " + strength);
            }
            this.witness = strength;
            return this;
        }

        /** Events kept for NPCs that have not read them yet (default 256). */
        public Builder optLogCapacity(int events) {
            this.logCapacity = events;
            return this;
        }

        /** How an event is told, e.g. {@code ("gift", "{actor} gave {victim} a gift")}; {verb} is the event name. */
        public Builder optPhrase(String verb, String template) {
            phrases.put(verb, template);
            return this;
        }

        /** Ashley priority (default 0). */
        public Builder optPriority(int systemPriority) {
            this.priority = systemPriority;
            return this;
        }

        /** @return the system */
        public ThinkingLodSystem build() {
            return new ThinkingLodSystem(this);
        }
    }
}
