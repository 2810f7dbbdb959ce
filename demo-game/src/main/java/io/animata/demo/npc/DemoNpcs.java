package io.animata.demo.npc;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.PooledEngine;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.Array;
import io.animata.core.agent.env.NavArena;
import io.animata.core.level.gen.Seeds;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.demo.DungeonLevel;
import io.animata.demo.LevelListener;
import io.animata.demo.PlayerComponent;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.TextGenerationQueue;
import io.animata.runtime.TextMetrics;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.text.LanguageModel;
import java.time.Duration;
import java.util.List;

/**
 * The NPC feature of the dungeon adventure. At each new dungeon ({@link #levelStarted}) it locks a door
 * ({@link LockedDoor}), places the NPCs on floor tiles ({@link NpcPlacement}) as entities with a persona from the
 * cast, a conversation, a short memory, an inventory (coins), an allow-list of actions, relationships and a Box2D
 * body; the guard stands in front of the locked door. Each dungeon plays the story slice "The guard's key"
 * ({@link DemoStory}: the guard and Mira get its keys, the cast's feelings and goals go into their prompts). They talk
 * through the core's {@link DialogueSystem} (priority {@value #PRIORITY_DIALOGUE}, between the bots' physics step and
 * the rules) with one shared language model on the AI runtime; the prompt carries what is true in the dungeon
 * ({@link DungeonFacts}) and in the story; {@link NpcActions} defines the actions with their preconditions and
 * carries out those the dialogue system accepts. {@link CompanionSystem} moves the NPCs
 * that follow the player, {@link ConversationRules} cancels a reply when the player walks away and opens the door
 * for a player with the key, and with {@link NpcSettings#chatter()} a {@link Chatter} keeps every NPC talking.
 *
 * <p>When the language model cannot be loaded (no shipped model in this build, a bad folder), it says so once (a
 * warning in the log, {@link #modelStatus()} on the HUD and in the report) and the NPCs answer with their persona's
 * fallback lines: the documented fallback; those are counted as {@link #fallbacks()}, never as {@link #replies()}.
 *
 * <p>Threading: game thread (levels start and end between engine updates). Frames allocate nothing but what a
 * player's line costs the dialogue system; a level start makes the level's NPCs.
 */
public final class DemoNpcs implements LevelListener {
    /** The cast, in the order NPCs are placed along the way (more NPCs repeat it). */
    public static final List<String> CAST = List.of("mira", "tom", "guard");
    /** The cast member who guards the locked door. */
    public static final String GUARD = "guard";
    /** Priority of the companions' steering: after the player's input, before the agents and the physics step. */
    public static final int PRIORITY_COMPANIONS = 60;
    /** Priority of the chatter: just before the dialogue, so that its lines go out in the same frame. */
    public static final int PRIORITY_CHATTER = 140;
    /** Priority of the dialogue system: after the bots' physics step (101), before the rules (200). */
    public static final int PRIORITY_DIALOGUE = 150;
    /** Priority of the conversation rules (walking away, the key in the door). */
    public static final int PRIORITY_CONVERSATION = 160;
    /** Box2D category of NPCs: they collide with the scenery (walls, the locked door) only. */
    public static final short NPC_CATEGORY = 0x0010;
    /** NPC radius, metres. */
    public static final float RADIUS = 0.32f;
    /** How close the player must come to talk to an NPC, metres between centres. */
    public static final float TALK_REACH = 1.8f;
    /** Coins each NPC can give. */
    public static final int COINS = 2;
    /** Tokens per reply: one to three short sentences and an action line. */
    public static final int MAX_REPLY_TOKENS = 64;
    private static final System.Logger LOG = System.getLogger(DemoNpcs.class.getName());
    private static final float DAMPING = 8f;

    private final ComponentMapper<NpcComponent> npcMapper = ComponentMapper.getFor(NpcComponent.class);
    private final ComponentMapper<DialogueComponent> dialogueMapper = ComponentMapper.getFor(DialogueComponent.class);
    private final ComponentMapper<PersonaComponent> personaMapper = ComponentMapper.getFor(PersonaComponent.class);
    private final PooledEngine engine;
    private final PlayerComponent player;
    private final NpcSettings settings;
    private final long seed;
    private final Persona[] cast = new Persona[CAST.size()];
    private final Array<Entity> entities = new Array<>(false, 16, Entity.class);
    private final TextGenerationQueue queue;
    private final DialogueSystem dialogue;
    private final NpcActions actions;
    private final DemoStory story;
    private final CompanionSystem companions;
    private final ConversationRules conversation;
    private final Chatter chatter;
    private final String modelStatus;
    private final boolean modelLoaded;
    private DungeonLevel level;
    private NavArena arena;
    private LockedDoor door;
    private int levelsStarted;
    private int stairsTakenAtStart;

    /**
     * Loads the language model (slow: while the game loads) and adds the NPC systems to the engine.
     *
     * @param engine the game's engine (installed with Animata)
     * @param runtime the AI runtime the model's text queue runs on; it owns the model from here on
     * @param player the player
     * @param settings how many NPCs, which model, chatter
     * @param seed the run's seed (placement, sampling)
     */
    public DemoNpcs(PooledEngine engine, AiRuntime runtime, PlayerComponent player, NpcSettings settings, long seed) {
        this.engine = engine;
        this.player = player;
        this.settings = settings;
        this.seed = seed;
        for (int i = 0; i < cast.length; i++) {
            cast[i] = Persona.builtIn(CAST.get(i));
        }
        LanguageModel model;
        String status;
        boolean loaded;
        try {
            model = settings.model().open();
            status = "dialogue model '" + model.name() + "' (" + settings.model().describe() + ") on "
                    + model.device();
            loaded = true;
        } catch (AnimataException e) {
            model = new UnavailableLanguageModel(e.getMessage());
            status = "no dialogue model (" + e.getMessage() + "): NPCs say their persona's fallback lines";
            loaded = false;
            LOG.log(System.Logger.Level.WARNING, status);
        }
        this.modelStatus = status;
        this.modelLoaded = loaded;
        // every NPC may be talking at once. The model shares the runtime's worker with the bots' policy: a frame's
        // decoding stops after 3 ms (at least one round) so that the bots' batch gets its turn. A worker of its own
        // kept every bot decision but doubled the game thread's p99 frame time on a busy 2-core machine.
        TextQueueOptions options = TextQueueOptions.DEFAULT.withMaxConcurrent(Math.max(1, settings.count()))
                .withFrameBudget(Duration.ofMillis(3));
        this.queue = runtime.textQueue(model, options);
        this.actions = new NpcActions(this);
        this.story = new DemoStory(engine);
        this.dialogue = DialogueSystem.builder()
                .setQueue(queue)
                .optWorldFacts(new DungeonFacts(this).andThen(story.facts()))
                .optActionRules(actions.rules())
                .optPriority(PRIORITY_DIALOGUE)
                .build();
        dialogue.addActionListener(actions); // applies each accepted action once
        dialogue.addListener(actions); // counts the refused ones
        dialogue.addListener(story.relations()); // the player's lines and the NPCs' actions move their feelings
        this.companions = new CompanionSystem(PRIORITY_COMPANIONS, this);
        this.conversation = new ConversationRules(PRIORITY_CONVERSATION, this);
        this.chatter = new Chatter(PRIORITY_CHATTER, this);
        chatter.setProcessing(settings.chatter());
        engine.addSystem(companions);
        engine.addSystem(chatter);
        engine.addSystem(dialogue);
        engine.addSystem(conversation);
    }

    @Override
    public void levelStarted(DungeonLevel newLevel, NavArena newArena) {
        this.level = newLevel;
        this.arena = newArena;
        this.door = LockedDoor.choose(newLevel);
        door.lock(newArena.world(), newLevel.worldX(door.cell()), newLevel.worldY(door.cell()));
        int[] cells = NpcPlacement.choose(newLevel, door, settings.count(), Seeds.derive(seed, newLevel.index(), -2));
        int guard = CAST.indexOf(GUARD);
        if (guard < cells.length) {
            // the story's place "door": the guard stands in front of the locked door; "forge" (Mira) and "hall" (Tom)
            // are the tiles along the way that the placement chose
            int atDoor = NpcPlacement.nearDoor(newLevel, door, cells, cells[guard]);
            if (atDoor >= 0) {
                cells[guard] = atDoor;
            }
        }
        for (int i = 0; i < cells.length; i++) {
            entities.add(createNpc(i, cells[i]));
        }
        story.levelStarted(entities);
        stairsTakenAtStart = player.stairsTaken;
        levelsStarted++;
    }

    private Entity createNpc(int index, int cell) {
        Entity e = engine.createEntity();
        NpcComponent npc = engine.createComponent(NpcComponent.class);
        npc.personaId = CAST.get(index % CAST.size());
        npc.index = index;
        npc.homeCell = cell;
        npc.body = createBody(arena.world(), level.worldX(cell), level.worldY(cell), e);
        PersonaComponent persona = engine.createComponent(PersonaComponent.class).set(cast[index % cast.length]);
        DialogueComponent talk = engine.createComponent(DialogueComponent.class);
        talk.maxTokens = MAX_REPLY_TOKENS;
        talk.seed = Seeds.derive(seed, level.index(), index);
        e.add(npc);
        e.add(persona);
        e.add(talk);
        e.add(engine.createComponent(MemoryComponent.class).setCapacity(6));
        InventoryComponent inventory = engine.createComponent(InventoryComponent.class);
        for (int c = 0; c < COINS; c++) {
            inventory.items.add(NpcActions.COIN); // the slice's keys are handed out when its story starts
        }
        e.add(inventory);
        ActionsComponent allowed = engine.createComponent(ActionsComponent.class);
        for (String verb : story.allowedActions(npc.personaId)) {
            if (actions.verbs().contains(verb)) {
                allowed.allowed.add(verb); // the slice's verbs this demo defines (no attack, no trade)
            }
        }
        e.add(allowed);
        // the cast's first of each keeps the slice's id; the others are told apart by their number
        e.add(engine.createComponent(RelationshipComponent.class)
                .setId(index < CAST.size() ? npc.personaId : npc.personaId + "_" + index));
        engine.addEntity(e);
        return e;
    }

    private static Body createBody(World world, float x, float y, Entity owner) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set(x, y);
        def.linearDamping = DAMPING;
        def.fixedRotation = true;
        Body body = world.createBody(def);
        CircleShape circle = new CircleShape();
        try {
            circle.setRadius(RADIUS);
            FixtureDef fixture = new FixtureDef();
            fixture.shape = circle;
            fixture.density = 1f;
            fixture.friction = 0f;
            fixture.filter.categoryBits = NPC_CATEGORY;
            fixture.filter.maskBits = NavArena.SCENERY;
            body.createFixture(fixture);
        } finally {
            circle.dispose();
        }
        body.setUserData(owner);
        return body;
    }

    @Override
    public void levelEnded(DungeonLevel ended) {
        story.levelEnded(player.stairsTaken > stairsTakenAtStart);
        for (int i = 0; i < entities.size; i++) {
            Entity e = entities.get(i);
            npcMapper.get(e).body = null; // it goes with the level's world
            engine.removeEntity(e); // the dialogue system cancels its reply in progress
        }
        entities.clear();
        door.forget();
        arena = null;
    }

    /**
     * The player says {@code line} to NPC {@code i}: its reply streams into its dialogue; walking away cancels it.
     *
     * @throws IndexOutOfBoundsException when there is no NPC {@code i}
     */
    public void say(int i, String line) {
        Entity e = entities.get(i);
        npcMapper.get(e).talkingWithPlayer = true;
        dialogue.say(e, line);
    }

    /**
     * @param reach the farthest, metres between centres
     * @return the NPC nearest to {@code (x, y)} within {@code reach}, or -1 when none is
     */
    public int nearest(float x, float y, float reach) {
        int best = -1;
        float bestD2 = reach * reach;
        for (int i = 0; i < entities.size; i++) {
            Body body = npcMapper.get(entities.get(i)).body;
            if (body == null) {
                continue;
            }
            Vector2 p = body.getPosition();
            float d2 = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y);
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    /** @return NPCs in the current dungeon */
    public int count() {
        return entities.size;
    }

    /** @return NPC {@code i}'s entity */
    public Entity entity(int i) {
        return entities.get(i);
    }

    /** @return NPC {@code i}'s demo data: cast member, body, what it holds, whether it follows */
    public NpcComponent npc(int i) {
        return npcMapper.get(entities.get(i));
    }

    /** @return NPC {@code i}'s conversation: state, the reply streaming in, the last action */
    public DialogueComponent dialogue(int i) {
        return dialogueMapper.get(entities.get(i));
    }

    /** @return NPC {@code i}'s persona */
    public PersonaComponent persona(int i) {
        return personaMapper.get(entities.get(i));
    }

    /** @return the NPC data of an entity, or null when it is not one of the NPCs */
    NpcComponent npcOf(Entity e) {
        return npcMapper.get(e);
    }

    /** @return the dungeon being played */
    public DungeonLevel level() {
        return level;
    }

    /** @return the level's arena (its world, and the goal that follows the player) */
    NavArena arena() {
        return arena;
    }

    /** @return the level's locked door */
    public LockedDoor door() {
        return door;
    }

    /** @return the player */
    public PlayerComponent player() {
        return player;
    }

    /** @return the settings */
    public NpcSettings settings() {
        return settings;
    }

    /** @return the dialogue system the NPCs talk through */
    public DialogueSystem dialogueSystem() {
        return dialogue;
    }

    /** @return the action handler (its counters) */
    public NpcActions actions() {
        return actions;
    }

    /** @return the story of the dungeons and the cast's relationships */
    public DemoStory story() {
        return story;
    }

    /** @return actions NPCs proposed that were refused (not allowed to them, or a precondition failed) */
    public long actionsRefused() {
        return actions.refused();
    }

    /** @return the chatter (the bench's visitors) */
    public Chatter chatter() {
        return chatter;
    }

    /** @return the language model's live figures: tokens, first-text latency, active conversations */
    public TextMetrics modelMetrics() {
        return queue.metrics();
    }

    /** @return replies the model gave (fallback lines not included) */
    public long replies() {
        return dialogue.repliesCompleted();
    }

    /** @return fallback lines said instead of a reply (no model, or the model failed) */
    public long fallbacks() {
        return dialogue.fallbacks();
    }

    /** @return actions NPCs carried out */
    public long actionsApplied() {
        return actions.applied();
    }

    /** @return whether the language model loaded */
    public boolean isModelLoaded() {
        return modelLoaded;
    }

    /** @return one line: which model the NPCs talk with, or why they say fallback lines */
    public String modelStatus() {
        return modelStatus;
    }

    /** @return dungeons NPCs were placed in */
    public int levelsStarted() {
        return levelsStarted;
    }
}
