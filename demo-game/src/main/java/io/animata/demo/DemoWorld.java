package io.animata.demo;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.PooledEngine;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.Animata;
import io.animata.core.agent.AgentSystem;
import io.animata.core.agent.OnnxPolicy;
import io.animata.core.agent.RaySensor;
import io.animata.core.agent.env.NavAgentComponent;
import io.animata.core.agent.env.NavArena;
import io.animata.core.agent.env.NavScene;
import io.animata.core.level.Legend;
import io.animata.core.level.gen.Seeds;
import io.animata.demo.npc.DemoNpcs;
import io.animata.demo.npc.NpcSettings;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.ModelMetrics;
import io.animata.runtime.RunMode;
import java.util.Locale;
import java.util.concurrent.Future;

/**
 * The dungeon adventure's logic, without any rendering: a generated dungeon ({@link DungeonLevels}: learned from the
 * example dungeons), the player as a Box2D body, and bots that chase the player, driven by the shipped {@code nav}
 * policy through {@link OnnxPolicy}, {@link AgentSystem} and the AI runtime (one batch per frame for all of them).
 * The bots are a {@link NavScene} whose goal follows the player, so they see and act exactly as the policy was
 * trained to: 16 rays, the direction and distance to their goal, 8 directions of force. The player picks up treasure,
 * loses a coin when a bot catches it, and takes the stairs to the next dungeon; {@link #requestNextLevel()} skips to
 * the next dungeon (a new seed). Each dungeon gets textures generated from the shipped recipes ({@link LevelTextures},
 * on the runtime's job worker) and, in playtest mode, a coverage map from exploration bots ({@link LevelPlaytest}).
 *
 * <p>One engine update is one frame of {@value #STEPS_PER_SECOND} per second and one runtime frame ({@link Animata}).
 * Systems, by priority: the player's input ({@value #PRIORITY_PLAYER}), the agents ({@value #PRIORITY_AGENTS}: sensors,
 * decisions, actuators), the scene's physics step and rewards (one after), the rules ({@value #PRIORITY_RULES}).
 * Features slot in between and hook into levels with a {@link LevelListener}: with {@link NpcSettings} above 0, the
 * people of the dungeon ({@link DemoNpcs}: companions steered before the physics step, the dialogue system between
 * the physics step and the rules).
 *
 * <p>Usable headless: it creates no GL object and needs no {@code Gdx.app}. With {@link RunMode#LOCKSTEP} the same
 * settings and input give the same run, bit for bit on one machine. In realtime mode the game thread never waits for
 * the policy (bots repeat their last action until the next one arrives) nor for a level (the next one is made ahead
 * on the level thread; the switch waits for it without stopping the game).
 *
 * <p>Threading: game thread only. {@link #step()} allocates nothing in steady state; a level change builds the new
 * level's bodies and entities. {@link #dispose()} is idempotent and releases the Box2D world, the level thread and
 * the AI runtime.
 *
 * <pre>{@code
 * try (DemoWorld demo = new DemoWorld(DemoSettings.defaults().withMode(RunMode.LOCKSTEP), new ScriptedPlayer())) {
 *     for (int i = 0; i < 600; i++) {
 *         demo.step();
 *     }
 *     System.out.println(demo.report(demo.stepTimes()).resultLine());
 * }
 * }</pre>
 */
public final class DemoWorld implements Disposable, AutoCloseable {
    /** Fixed simulation rate. */
    public static final int STEPS_PER_SECOND = 60;
    /** Seconds simulated per frame. */
    public static final float STEP = 1f / STEPS_PER_SECOND;
    /** Player radius, metres. */
    public static final float PLAYER_RADIUS = 0.35f;
    /** Player linear damping, per second: it stops within a few tenths of a second when let go. */
    public static final float PLAYER_DAMPING = 10f;
    /** Box2D category of the player: it collides with the scenery; rays and bots pass through it. */
    public static final short PLAYER_CATEGORY = 0x0008;
    /** A bot starts (and starts again after a catch) at least this far from the player along the floor, metres. */
    public static final float BOT_MIN_START_DISTANCE = 12f;
    /**
     * How far along the floor path to the player a bot looks for the point it heads for, metres: the dungeons' long
     * detours are beyond what the policy learned in its small arenas, so it is shown the way
     * ({@link NavScene.Builder#optWaypoints}).
     */
    public static final float BOT_LOOK_AHEAD = 6f;
    /**
     * Directions more than this many degrees off the way to the waypoint are masked: the policy chooses among the three
     * that follow the path ({@link NavScene.Builder#optWaypointCone}). Without it, bots trained in small open arenas
     * dither at the mouths of the dungeons' one-tile corridors (with a player standing still, 79 catches instead of
     * 126 over 8 seeds of 20 s).
     */
    public static final float BOT_CONE_DEGREES = 45f;
    /** Frames between a bot's decisions: 0.1 s, the step the policy was trained with. */
    public static final int DECISION_PERIOD = 6;
    /** Priority of the player's input system. */
    public static final int PRIORITY_PLAYER = 50;
    /** Priority of the agent system; the nav scene's physics step runs right after it. */
    public static final int PRIORITY_AGENTS = 100;
    /** Priority of the rules (treasure, catches, stairs). */
    public static final int PRIORITY_RULES = 200;

    /** Most frames {@link #update} simulates at once: after a stall the game slows down instead of bursting. */
    private static final int MAX_STEPS_PER_UPDATE = 4;

    private final ComponentMapper<NavAgentComponent> navAgents = ComponentMapper.getFor(NavAgentComponent.class);
    private final DemoSettings settings;
    private final NpcSettings npcSettings;
    private final PlayerInput input;
    private final AiRuntime runtime;
    private final FrameTimes stepTimes = new FrameTimes();
    private final Array<LevelListener> listeners = new Array<>(false, 4, LevelListener.class);
    private OnnxPolicy policy;
    private DungeonLevels levels;
    private PooledEngine engine;
    private Animata animata;
    private AgentSystem agents;
    private DungeonRules rules;
    private LevelTextures textures;
    private LevelPlaytest playtest;
    private PlayerComponent player;
    private DungeonLevel level;
    private NavArena arena;
    private NavScene scene;
    private DemoNpcs npcs;
    private Future<DungeonLevel> nextLevel;
    private boolean nextLevelWanted;
    private int levelsPlayed;
    private long frames;
    private float accumulator;
    private boolean disposed;

    /**
     * Loads the policy and the dungeon examples, learns the level generator, makes the first dungeon and puts the
     * player and the bots into it (about a second: do it while the game loads).
     *
     * @param settings seed, bots, level style, run mode
     * @param input who steers the player
     * @throws io.animata.runtime.AnimataException when an asset cannot be loaded
     */
    public DemoWorld(DemoSettings settings, PlayerInput input) {
        this(settings, input, NpcSettings.none());
    }

    /**
     * The whole adventure: the chase and the people of the dungeon ({@link DemoNpcs}: NPCs placed in every new
     * dungeon, talking through the shared language model, acting on what they say). Loads the dialogue model too.
     *
     * @param settings seed, bots, level style, run mode
     * @param input who steers the player
     * @param npcSettings how many NPCs, their language model, chatter ({@link NpcSettings#none()}: the chase alone)
     * @throws io.animata.runtime.AnimataException when an asset cannot be loaded (a missing dialogue model is not an
     *     error: the NPCs say their fallback lines)
     */
    public DemoWorld(DemoSettings settings, PlayerInput input, NpcSettings npcSettings) {
        if (settings == null || input == null || npcSettings == null) {
            throw new IllegalArgumentException("settings, input and npcSettings are required");
        }
        this.npcSettings = npcSettings;
        // natives: gdx core (Box2D's JNI glue uses BufferUtils) and gdx-box2d; idempotent, and no-ops where a
        // backend (LWJGL3) loaded them already
        GdxNativesLoader.load();
        Box2D.init();
        this.settings = settings;
        this.input = input;
        this.runtime = AiRuntime.builder()
                .setMode(settings.mode())
                .optThreadNamePrefix("animata-demo-worker")
                .build();
        try {
            policy = DemoAssets.navPolicy(runtime);
            Legend legend = DemoAssets.dungeonLegend();
            levels = new DungeonLevels(legend, DemoAssets.dungeonExamples(legend), settings.levels(), settings.seed());
            engine = new PooledEngine();
            animata = Animata.install(engine, runtime); // the world owns the runtime
            agents = new AgentSystem(PRIORITY_AGENTS);
            engine.addSystem(agents);
            engine.addSystem(new PlayerSystem(PRIORITY_PLAYER));
            rules = new DungeonRules(PRIORITY_RULES);
            engine.addSystem(rules);
            Entity playerEntity = engine.createEntity();
            player = engine.createComponent(PlayerComponent.class);
            player.input = input;
            playerEntity.add(player);
            engine.addEntity(playerEntity);
            // per-level features: each dungeon's generated textures, and its playtest while that mode is on
            textures = new LevelTextures(runtime);
            listeners.add(textures);
            playtest = new LevelPlaytest();
            listeners.add(playtest);
            startLevel(levels.make(0));
            if (npcSettings.count() > 0) {
                npcs = new DemoNpcs(engine, runtime, player, npcSettings, settings.seed());
                addLevelListener(npcs); // places the first dungeon's NPCs now
            }
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private void startLevel(DungeonLevel next) {
        level = next;
        arena = new NavArena(next.navLevel(), NavArena.Walls.CHAINS);
        // the goal follows the player from tile to tile: every tile's distances now, none while playing
        arena.precomputeDistanceFields();
        player.body = createPlayerBody(arena.world(), next.worldX(next.start()), next.worldY(next.start()));
        scene = NavScene.builder()
                .setEngine(engine)
                .setPolicy(policy)
                .optArena(arena)
                .optGoalFollows(player.body)
                .optMinStartDistance(BOT_MIN_START_DISTANCE)
                .optWaypoints(BOT_LOOK_AHEAD)
                .optWaypointCone(BOT_CONE_DEGREES)
                .optAgents(settings.bots())
                .optDecisionPeriod(DECISION_PERIOD)
                .optStepSeconds(STEP)
                .optSeed(Seeds.derive(settings.seed(), next.index(), -1))
                .build();
        rules.startLevel(next, scene, player);
        input.levelStarted(next, player);
        levelsPlayed++;
        nextLevelWanted = false;
        nextLevel = levels.prefetch(next.index() + 1);
        for (int i = 0; i < listeners.size; i++) {
            listeners.get(i).levelStarted(next, arena);
        }
    }

    private Body createPlayerBody(World world, float x, float y) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set(x, y);
        def.linearDamping = PLAYER_DAMPING;
        def.fixedRotation = true;
        Body body = world.createBody(def);
        CircleShape circle = new CircleShape();
        try {
            circle.setRadius(PLAYER_RADIUS);
            FixtureDef fixture = new FixtureDef();
            fixture.shape = circle;
            fixture.density = 1f;
            fixture.friction = 0f;
            fixture.filter.categoryBits = PLAYER_CATEGORY;
            fixture.filter.maskBits = NavArena.SCENERY;
            body.createFixture(fixture);
        } finally {
            circle.dispose();
        }
        body.setUserData(player);
        return body;
    }

    private void endLevel() {
        for (int i = 0; i < listeners.size; i++) {
            listeners.get(i).levelEnded(level);
        }
        scene.dispose(); // the bots leave the engine (their decisions on the way are cancelled) and the arena
        scene = null;
        player.body = null;
        arena.dispose(); // the level's world, the player's body with it
        arena = null;
    }

    /**
     * Simulates one frame: results of earlier frames reach the bots, the player moves, the bots sense, decide and
     * act, Box2D steps, the rules run, and the frame's requests go to the worker. When the next level is wanted
     * (stairs, {@link #requestNextLevel()}) and made, the level changes after the frame.
     */
    public void step() {
        checkNotDisposed();
        long start = System.nanoTime();
        // one engine update = one runtime frame: Animata's first system calls beginFrame, its last endFrame
        engine.update(STEP);
        frames++;
        if (rules.stairsReached()) {
            nextLevelWanted = true;
        }
        if (nextLevelWanted) {
            changeLevel();
        }
        stepTimes.record(System.nanoTime() - start);
    }

    private void changeLevel() {
        // realtime: keep playing until the level thread has it; lockstep: wait, so that the run repeats exactly
        if (settings.mode() == RunMode.REALTIME && !nextLevel.isDone()) {
            return;
        }
        DungeonLevel next = DungeonLevels.await(nextLevel);
        if (rules.stairsReached()) {
            player.stairsTaken++;
        }
        endLevel();
        startLevel(next);
    }

    /**
     * Advances by {@code deltaSeconds} of real time in fixed steps (at most {@value #MAX_STEPS_PER_UPDATE}; time
     * beyond that is dropped, so a stall slows the game instead of making it catch up in a burst).
     *
     * @return frames simulated
     */
    public int update(float deltaSeconds) {
        accumulator += Math.max(0f, deltaSeconds);
        int steps = 0;
        while (accumulator >= STEP && steps < MAX_STEPS_PER_UPDATE) {
            step();
            accumulator -= STEP;
            steps++;
        }
        if (accumulator >= STEP) {
            accumulator %= STEP;
        }
        return steps;
    }

    /** Asks for the next dungeon (a new seed): it replaces this one after the next frame, once it is made. */
    public void requestNextLevel() {
        checkNotDisposed();
        nextLevelWanted = true;
    }

    /** @return whether the next dungeon is wanted but not made yet (realtime mode: the game goes on meanwhile) */
    public boolean isWaitingForLevel() {
        return nextLevelWanted;
    }

    /**
     * Adds a listener and tells it about the level being played.
     *
     * @param listener told on the game thread when levels begin and end
     */
    public void addLevelListener(LevelListener listener) {
        checkNotDisposed();
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        listeners.add(listener);
        listener.levelStarted(level, arena);
    }

    /** Removes a listener; no effect when absent. */
    public void removeLevelListener(LevelListener listener) {
        listeners.removeValue(listener, true);
    }

    /** @return the settings of the run */
    public DemoSettings settings() {
        return settings;
    }

    /** @return the dungeon being played */
    public DungeonLevel level() {
        return level;
    }

    /** @return the level's arena: its Box2D world (walls, player, bots), the goal the bots chase */
    public NavArena arena() {
        return arena;
    }

    /** @return the bots of the level being played */
    public NavScene bots() {
        return scene;
    }

    /** @return the body of bot {@code i} of the level being played */
    public Body botBody(int i) {
        return navAgents.get(scene.agent(i)).body;
    }

    /** @return the rays bot {@code i} cast at its last decision */
    public RaySensor botRays(int i) {
        return navAgents.get(scene.agent(i)).rays;
    }

    /** @return whether this world has NPCs ({@link NpcSettings#count()} above 0) */
    public boolean hasNpcs() {
        return npcs != null;
    }

    /**
     * @return the people of the dungeon: their entities, conversations, the locked door, the counters
     * @throws IllegalStateException when this world has no NPCs ({@link #hasNpcs()})
     */
    public DemoNpcs npcs() {
        if (npcs == null) {
            throw new IllegalStateException("this DemoWorld has no NPCs (made with NpcSettings.none())");
        }
        return npcs;
    }

    /** @return the player */
    public PlayerComponent player() {
        return player;
    }

    /** @return the rules: treasure taken, stairs, catches */
    public DungeonRules rules() {
        return rules;
    }

    /** @return each dungeon's generated textures (pixels; a window makes them {@code Texture}s) */
    public LevelTextures textures() {
        return textures;
    }

    /** @return the playtest mode: exploration bots over the current dungeon, and their coverage map */
    public LevelPlaytest playtest() {
        return playtest;
    }

    /** @return the Ashley engine (systems of features to come go here) */
    public PooledEngine engine() {
        return engine;
    }

    /** @return the AI runtime (owned by this world) */
    public AiRuntime runtime() {
        return runtime;
    }

    /** @return the agent system that runs the bots, with its decision counters */
    public AgentSystem agents() {
        return agents;
    }

    /** @return the live figures of the bots' policy: device, latency, batch size, queue depth */
    public ModelMetrics policyMetrics() {
        return policy.queue().metrics();
    }

    /** @return frames simulated */
    public long frames() {
        return frames;
    }

    /** @return policy decisions applied to bots */
    public long botDecisions() {
        return agents.decisionsApplied();
    }

    /** @return dungeons generated and played, the current one included */
    public int levelsPlayed() {
        return levelsPlayed;
    }

    /** @return the wall-clock time of each {@link #step()} */
    public FrameTimes stepTimes() {
        return stepTimes;
    }

    /**
     * @param frameTimes the frame times to report ({@link #stepTimes()} headless, render frames in a window)
     * @return the run so far (allocates: call it at the end, not every frame)
     */
    public DemoReport report(FrameTimes frameTimes) {
        ModelMetrics m = policy.queue().metrics();
        return new DemoReport(frames, npcs == null ? 0 : npcs.replies(), npcs == null ? 0 : npcs.actionsApplied(),
                agents.decisionsApplied(), levelsPlayed, textures.texturesMade(), frameTimes.meanMillis(),
                frameTimes.percentileMillis(0.99), settings.seed(), settings.mode().name().toLowerCase(Locale.ROOT),
                settings.bots(), settings.levels().option(), m.device(), m.batchesRun(), m.p50LatencyMicros(),
                m.p99LatencyMicros(), player.goldFound, player.caught, player.stairsTaken,
                rules.meanClosingSpeed(STEP), npcSettings.count(), npcs == null ? 0 : npcs.fallbacks(),
                npcs == null ? "none" : npcs.modelStatus(), npcs == null ? 0 : npcs.actionsRefused(),
                npcs == null ? "" : npcs.story().summary(), npcs == null ? "none" : npcs.story().lastEnd());
    }

    private void checkNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("this DemoWorld is disposed");
        }
    }

    /** @return whether {@link #dispose()} was called */
    public boolean isDisposed() {
        return disposed;
    }

    /**
     * Releases the level (Box2D world, bots), the playtest and level threads and the AI runtime. Idempotent.
     */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        release();
    }

    private void release() {
        try {
            if (scene != null) {
                endLevel();
            }
            if (playtest != null) {
                playtest.dispose();
            }
            if (animata != null) {
                animata.dispose();
            }
            if (engine != null) {
                engine.removeAllSystems();
                engine.removeAllEntities();
            }
        } finally {
            try {
                if (levels != null) {
                    levels.dispose();
                }
            } finally {
                runtime.close();
            }
        }
    }

    /** Same as {@link #dispose()}, for try-with-resources. */
    @Override
    public void close() {
        dispose();
    }
}
