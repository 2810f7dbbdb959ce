package io.animata.core.npc.minds;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.WorldFacts;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionRules;
import io.animata.core.npc.lod.CheapMemory;
import io.animata.core.npc.lod.ThinkingLodComponent;
import io.animata.core.npc.lod.ThinkingLodSystem;
import io.animata.core.npc.memory.MemorySaveSection;
import io.animata.core.npc.memory.MemoryStreamComponent;
import io.animata.core.npc.memory.MemorySystem;
import io.animata.core.npc.relation.RelationRules;
import io.animata.core.npc.relation.RelationSaveSection;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.core.npc.save.GameSave;
import io.animata.core.npc.story.StorySaveSection;
import io.animata.core.npc.story.StorySystem;
import io.animata.runtime.AnimataException;
import io.animata.runtime.JobQueue;
import io.animata.runtime.TextGenerationQueue;
import io.animata.runtime.text.embed.Embedder;
import java.util.function.UnaryOperator;

/**
 * NPC minds in a few lines: builds the {@link DialogueSystem} (with the game's actions), {@link RelationSystem},
 * {@link StorySystem}, optionally a {@link ThinkingLodSystem} and a {@link MemorySystem}, wires them together and adds
 * them to an engine. Wired means: the prompt's facts are the game's, then the story's (facts, items, goal), the news
 * a woken NPC heard, its feelings, then what it recalls; player lines and replies move relationships; accepted
 * actions count for the story (with their arguments); the story sets each cast NPC's allow-list and inventory; far
 * NPCs record what they hear as memories; and {@link #gameSave()} holds memories, relationships and story progress in
 * one atomic, versioned document.
 *
 * <pre>{@code
 * NpcMinds minds = NpcMinds.builder()
 *         .setQueue(runtime.textQueue(model))
 *         .optActions(giveItem, openDoor, ActionDefinition.of("stay"))
 *         .optMemory(runtime.jobs(), embedder)                 // long-term memory (optional)
 *         .optLod(8, 10)                                       // thinking level of detail (optional)
 *         .install(engine);
 * Entity mira = minds.createNpc("mira", Persona.builtIn("mira"));
 * minds.story().cast("mira", mira);
 * minds.story().start(StorySlice.builtIn("guards-key"));
 * minds.say(mira, "Hello!");                                   // recall (with memory), then the reply
 * minds.gameSave().save(Path.of("saves/slot1.json"));
 * }</pre>
 *
 * <p>Each system stays reachable ({@link #dialogue()}, {@link #relations()}...) for everything the facade does not
 * cover. Threading: game thread. The facade owns nothing that needs closing: the engine owns the systems, the game
 * owns the runtime and the embedder.
 */
public final class NpcMinds {
    private final Engine engine;
    private final DialogueSystem dialogue;
    private final RelationSystem relations;
    private final StorySystem story;
    private final MemorySystem memory;
    private final ThinkingLodSystem lod;

    private NpcMinds(Engine engine, DialogueSystem dialogue, RelationSystem relations, StorySystem story,
            MemorySystem memory, ThinkingLodSystem lod) {
        this.engine = engine;
        this.dialogue = dialogue;
        this.relations = relations;
        this.story = story;
        this.memory = memory;
        this.lod = lod;
    }

    /** @return a builder; {@link Builder#setQueue} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the dialogue system */
    public DialogueSystem dialogue() {
        return dialogue;
    }

    /** @return the relationships */
    public RelationSystem relations() {
        return relations;
    }

    /** @return the story system (cast NPCs and start a slice on it) */
    public StorySystem story() {
        return story;
    }

    /** @return the long-term memory, or null without {@link Builder#optMemory} */
    public MemorySystem memory() {
        return memory;
    }

    /** @return the thinking level of detail, or null without {@link Builder#optLod} */
    public ThinkingLodSystem lod() {
        return lod;
    }

    /**
     * Creates an NPC and adds it to the engine, with the components the installed systems read: persona, dialogue,
     * recent turns, relationships (id {@code id}), and a memory stream (saved under {@code id}) and a thinking level
     * of detail (at 0, 0; the game moves it) when those systems are installed.
     *
     * @param id the NPC's id: its relationship id, its key in saves, the id a story casts it under
     * @return the entity
     */
    public Entity createNpc(String id, Persona persona) {
        if (id == null || id.isBlank() || persona == null) {
            throw new IllegalArgumentException("an NPC needs an id and a persona");
        }
        Entity e = engine.createEntity();
        e.add(engine.createComponent(PersonaComponent.class).set(persona));
        e.add(engine.createComponent(DialogueComponent.class));
        e.add(engine.createComponent(MemoryComponent.class));
        e.add(engine.createComponent(RelationshipComponent.class).setId(id));
        if (memory != null) {
            MemoryStreamComponent mind = engine.createComponent(MemoryStreamComponent.class);
            mind.npcId = id;
            e.add(mind);
        }
        if (lod != null) {
            e.add(engine.createComponent(ThinkingLodComponent.class));
        }
        engine.addEntity(e);
        return e;
    }

    /**
     * The player says {@code line} to {@code npc}: through the memory (recall first) when installed, else straight
     * to the dialogue.
     */
    public void say(Entity npc, String line) {
        if (memory != null) {
            memory.say(npc, line);
        } else {
            dialogue.say(npc, line);
        }
    }

    /**
     * @return a new {@link GameSave} with the NPC sections registered: memories ({@link MemorySaveSection#KEY}, when
     *     installed), relationships ({@link RelationSaveSection#KEY}) and story progress ({@link StorySaveSection#KEY});
     *     the game may register its own sections beside them
     */
    public GameSave gameSave() {
        GameSave save = new GameSave();
        if (memory != null) {
            save.register(MemorySaveSection.KEY, memory.saveSection());
        }
        save.register(RelationSaveSection.KEY, relations.saveSection());
        save.register(StorySaveSection.KEY, story.saveSection());
        return save;
    }

    /** Builds and installs {@link NpcMinds}. Not thread-safe. */
    public static final class Builder {
        private TextGenerationQueue queue;
        private WorldFacts facts = WorldFacts.NONE;
        private ActionRules actions = ActionRules.NONE;
        private RelationRules relationRules;
        private JobQueue jobs;
        private Embedder embedder;
        private UnaryOperator<MemorySystem.Builder> memorySettings = UnaryOperator.identity();
        private UnaryOperator<DialogueSystem.Builder> dialogueSettings = UnaryOperator.identity();
        private UnaryOperator<ThinkingLodSystem.Builder> lodSettings = UnaryOperator.identity();
        private float near;
        private float far;

        private Builder() {
        }

        /** Required: the language model's queue for the NPCs' replies ({@code runtime.textQueue(model)}). */
        public Builder setQueue(TextGenerationQueue textQueue) {
            this.queue = textQueue;
            return this;
        }

        /** The game's own facts, first in the prompt (default none). */
        public Builder optWorldFacts(WorldFacts gameFacts) {
            if (gameFacts == null) {
                throw new IllegalArgumentException("world facts are null; use WorldFacts.NONE");
            }
            this.facts = gameFacts;
            return this;
        }

        /** The verbs NPCs may act out, with their arguments and preconditions (default none). */
        public Builder optActions(ActionDefinition... definitions) {
            this.actions = ActionRules.of(definitions);
            return this;
        }

        /** The relationship rules (default {@link RelationRules#defaults()}). */
        public Builder optRelationRules(RelationRules rules) {
            this.relationRules = rules;
            return this;
        }

        /** Long-term memory: embeddings on {@code jobQueue} ({@code runtime.jobs()}) with {@code model}. */
        public Builder optMemory(JobQueue jobQueue, Embedder model) {
            if (jobQueue == null || model == null) {
                throw new IllegalArgumentException("memory needs the runtime's job queue and an embedder");
            }
            this.jobs = jobQueue;
            this.embedder = model;
            return this;
        }

        /** Further memory settings (player name, clock, reflection...), applied to the memory's builder. */
        public Builder optMemorySettings(UnaryOperator<MemorySystem.Builder> settings) {
            this.memorySettings = settings;
            return this;
        }

        /** Further dialogue settings (extra rules, player line length...), applied to the dialogue's builder. */
        public Builder optDialogueSettings(UnaryOperator<DialogueSystem.Builder> settings) {
            this.dialogueSettings = settings;
            return this;
        }

        /** Thinking level of detail with these radii (see {@link ThinkingLodSystem.Builder#optRadii}). */
        public Builder optLod(float nearRadius, float farRadius) {
            ThinkingLodSystem.builder().optRadii(nearRadius, farRadius); // checks them now
            this.near = nearRadius;
            this.far = farRadius;
            return this;
        }

        /** Further level-of-detail settings (far period, witness strength, phrases), applied to its builder. */
        public Builder optLodSettings(UnaryOperator<ThinkingLodSystem.Builder> settings) {
            this.lodSettings = settings;
            return this;
        }

        /**
         * Builds the systems, wires them and adds them to {@code engine}.
         *
         * @throws AnimataException when {@link #setQueue} is missing or the engine already has one of these systems
         */
        public NpcMinds install(Engine engine) {
            if (queue == null) {
                throw new AnimataException("NpcMinds.builder().setQueue(runtime.textQueue(model)) is required");
            }
            for (Class<? extends com.badlogic.ashley.core.EntitySystem> type : java.util.List.of(DialogueSystem.class,
                    RelationSystem.class, StorySystem.class, MemorySystem.class, ThinkingLodSystem.class)) {
                if (engine.getSystem(type) != null) {
                    throw new AnimataException("the engine already has a " + type.getSimpleName() + "; NpcMinds "
                            + "installs its own: remove it, or wire the systems by hand");
                }
            }
            RelationSystem relations = RelationSystem.builder()
                    .optRules(relationRules == null ? RelationRules.defaults() : relationRules).build();
            StorySystem story = StorySystem.builder().optRelations(relations).build();
            MemorySystem memory = jobs == null ? null
                    : memorySettings.apply(MemorySystem.builder().setJobs(jobs).setEmbedder(embedder)).build();
            ThinkingLodSystem lod = null;
            WorldFacts prompt = facts.andThen(story.facts());
            DialogueSystem.Builder db = DialogueSystem.builder().setQueue(queue).optActionRules(actions);
            if (near > 0) {
                // the dialogue is needed by the LOD (to cancel replies when the player walks away) and vice versa
                // (its news goes into the prompt): the LOD's facts are read through a holder filled below
                ThinkingLodSystem[] holder = new ThinkingLodSystem[1];
                prompt = prompt.andThen((npc, out) -> holder[0].describe(npc, out));
                prompt = prompt.andThen(relations.facts());
                DialogueSystem dialogue = dialogueSettings.apply(db.optWorldFacts(memory == null ? prompt
                        : memory.worldFacts(prompt))).build();
                lod = lodSettings.apply(ThinkingLodSystem.builder().optRelations(relations).optDialogue(dialogue)
                        .optRadii(near, far)
                        .optCheapMemory(memory == null ? CheapMemory.NONE : memory.heardMemory())).build();
                holder[0] = lod;
                return wire(engine, dialogue, relations, story, memory, lod);
            }
            prompt = prompt.andThen(relations.facts());
            DialogueSystem dialogue = dialogueSettings.apply(db.optWorldFacts(memory == null ? prompt
                    : memory.worldFacts(prompt))).build();
            return wire(engine, dialogue, relations, story, memory, null);
        }

        private static NpcMinds wire(Engine engine, DialogueSystem dialogue, RelationSystem relations,
                StorySystem story, MemorySystem memory, ThinkingLodSystem lod) {
            engine.addSystem(relations);
            if (lod != null) {
                engine.addSystem(lod);
                dialogue.addListener(lod);
            }
            engine.addSystem(story);
            engine.addSystem(dialogue);
            if (memory != null) {
                engine.addSystem(memory);
            }
            dialogue.addListener(relations);
            dialogue.addActionListener(story);
            return new NpcMinds(engine, dialogue, relations, story, memory, lod);
        }
    }
}
