package io.animata.core.playtest;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.Fixture;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.agent.DirectionActuator;
import io.animata.core.agent.RaySensor;
import io.animata.core.agent.env.NavArena;
import io.animata.core.agent.env.NavEnvironment;
import io.animata.core.agent.env.NavObservation;
import io.animata.core.level.export.LevelBodies;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One playtest bot playing one level, tick by tick, headless and as fast as the CPU goes. The world is built the way
 * a game builds it: the level's solid tiles become one static Box2D body ({@link LevelBodies}, merged rectangles,
 * tagged {@value NavArena#WALL_TAG}) and nothing else, so where the map's edge is open a body can leave it. The bot
 * is a {@code nav} agent: a damped circle of radius {@value #BOT_RADIUS} m with the nav ray sensor, pushed through a
 * {@link DirectionActuator} (9 options) at up to {@link NavArena#MAX_SPEED} m/s. Each tick:
 * <ol>
 *   <li>the {@link GoExplorer} decides: return to a chosen cell (the {@link Steering} drives towards the next
 *       waypoint, which the rays see as the nav goal) or explore (random sticky pushes away from walls);</li>
 *   <li>{@link GameHooks#beforeStep}, the actuator, one {@value PlaytestSettings#TICK_SECONDS} s Box2D step,
 *       {@link GameHooks#afterStep}, each hook inside a try/catch that records crashes;</li>
 *   <li>the detectors: out of the map or inside a solid tile (the bot is restored to an archive cell), coverage,
 *       held ticks, the {@link StuckDetector} (restored too).</li>
 * </ol>
 *
 * <p>Threading: one thread at a time (Box2D is not thread-safe); separate runs share nothing and may run on different
 * threads. {@link #step} allocates nothing except when it records an event or a crash (and inside ONNX Runtime with
 * a policy). {@link #close} disposes the world and is idempotent.
 *
 * <pre>{@code
 * try (BotRun run = BotRun.start(job, Steering.heuristic())) {
 *     while (run.step()) { }
 *     BotResult result = run.result();
 * }
 * }</pre>
 */
public final class BotRun implements AutoCloseable {
    /** The bot's radius, metres (the nav agent's). */
    public static final float BOT_RADIUS = NavArena.AGENT_RADIUS;
    /** Ticks over which a pushing bot that hardly moves counts as held (for the held heatmap). */
    static final int HELD_TICKS = 5;
    /** Movement over {@link #HELD_TICKS} under which it counts as held, metres. */
    static final float HELD_DISTANCE = 0.1f;

    private final PlaytestLevel level;
    private final int bot;
    private final long seed;
    private final int ticks;
    private final GameHooks hooks;
    private final Steering steering;
    private final World world;
    private final Body body;
    private final Body marker;
    private final RaySensor rays;
    private final WaypointSensor waypoint;
    private final DirectionActuator actuator;
    private final ActionBuffer action = new ActionBuffer(NavEnvironment.DISCRETE_ACTIONS);
    private final float[] observation = new float[NavObservation.WIDTH];
    private final GoExplorer explorer;
    private final StuckDetector stuck;
    private final CrashLog crashes = new CrashLog();
    private final Context context = new Context();

    private final int[] firstVisit;
    private final int[] visits;
    private final int[] heldTicks;
    private final float[] recentX = new float[HELD_TICKS];
    private final float[] recentY = new float[HELD_TICKS];
    private int recent;
    private int pushStreak;
    private final List<BotResult.Event> stuckEvents = new ArrayList<>();
    private final List<BotResult.Event> boundsEvents = new ArrayList<>();
    private int stuckCount;
    private int boundsCount;
    private int deaths;
    private int respawns;

    private int tick;
    private int cell;
    private int lastCell;
    private boolean killed;
    private boolean closed;
    private Consumer<Throwable> crashObserver;

    /**
     * @param level the level
     * @param bot the bot's index (it starts on {@link PlaytestLevel#startOf}{@code (bot)})
     * @param seed the bot's own seed
     * @param settings ticks and stuck detection
     * @param hooks the game's code for this bot (not shared with other bots)
     * @param steering the driver for this bot
     */
    public BotRun(PlaytestLevel level, int bot, long seed, PlaytestSettings settings, GameHooks hooks,
            Steering steering) {
        GdxNativesLoader.load();
        Box2D.init();
        this.level = level;
        this.bot = bot;
        this.seed = seed;
        this.ticks = settings.ticks();
        this.hooks = hooks;
        this.steering = steering;
        this.world = new World(new Vector2(0f, 0f), true);
        try {
            Body terrain = LevelBodies.create(world, level.grid(), level.legend(), 1f, LevelBodies.Shapes.RECTANGLES);
            Array<Fixture> fixtures = terrain.getFixtureList();
            for (int i = 0; i < fixtures.size; i++) {
                fixtures.get(i).setUserData(NavArena.WALL_TAG);
            }
            this.marker = circle(BodyDef.BodyType.StaticBody, NavArena.GOAL_RADIUS, true, NavArena.GOAL, (short) 0,
                    NavArena.GOAL_TAG);
            this.body = circle(BodyDef.BodyType.DynamicBody, BOT_RADIUS, false, NavArena.AGENT, NavArena.SCENERY,
                    null);
            body.setLinearDamping(NavArena.LINEAR_DAMPING);
            body.setFixedRotation(true);
        } catch (RuntimeException e) {
            world.dispose();
            throw e;
        }
        this.rays = new RaySensor(world, body, NavObservation.rays());
        this.waypoint = new WaypointSensor(body);
        this.actuator = new DirectionActuator(body, 8, NavArena.MAX_SPEED * body.getMass() * NavArena.LINEAR_DAMPING);
        this.explorer = new GoExplorer(level);
        this.stuck = new StuckDetector(settings.stuckWindowTicks(), settings.stuckEpsilon(),
                settings.stuckActingShare());
        int n = level.grid().size();
        this.firstVisit = new int[n];
        this.visits = new int[n];
        this.heldTicks = new int[n];
        Arrays.fill(firstVisit, -1);

        int start = level.startOf(bot);
        explorer.reset(start, seed);
        place(start);
        cell = start;
        lastCell = start;
        firstVisit[start] = 0;
        visits[start]++;
        parkMarker();
        try {
            hooks.onStart(context);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            crash(e);
        }
    }

    /**
     * Makes the run of a job: its level, its bot's seed, its settings and a new instance of its hooks class.
     *
     * @param job the job
     * @param steering the driver for this bot
     * @return the run, at tick 0
     * @throws AnimataException when the job's level or hooks class is invalid
     */
    public static BotRun start(PlaytestJob job, Steering steering) {
        return new BotRun(job.parseLevel(), job.bot(), job.botSeed(), job.settings(),
                newHooks(job.settings().hooks()), steering);
    }

    /**
     * @param className a {@link GameHooks} class with a public no-argument constructor
     * @return a new instance
     * @throws AnimataException when the class is missing, is no {@link GameHooks}, or cannot be made
     */
    public static GameHooks newHooks(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, GameHooks.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AnimataException("game hooks class " + className + " is not on the classpath", e);
        }
        if (!GameHooks.class.isAssignableFrom(type)) {
            throw new AnimataException("game hooks class " + className + " does not implement "
                    + GameHooks.class.getName());
        }
        try {
            return (GameHooks) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AnimataException("cannot make game hooks " + className + ": it needs a public no-argument "
                    + "constructor (" + e + ")", e);
        }
    }

    private Body circle(BodyDef.BodyType type, float radius, boolean sensor, short category, short mask, Object tag) {
        BodyDef def = new BodyDef();
        def.type = type;
        Body made = world.createBody(def);
        CircleShape shape = new CircleShape();
        try {
            shape.setRadius(radius);
            FixtureDef fixture = new FixtureDef();
            fixture.shape = shape;
            fixture.isSensor = sensor;
            fixture.density = 1f;
            fixture.friction = 0f;
            fixture.filter.categoryBits = category;
            fixture.filter.maskBits = mask;
            made.createFixture(fixture).setUserData(tag);
        } finally {
            shape.dispose();
        }
        return made;
    }

    /**
     * Plays one tick.
     *
     * @return whether there are ticks left after this one (false also when there were none left to play)
     */
    public boolean step() {
        if (closed) {
            throw new IllegalStateException("this bot run is closed");
        }
        if (tick >= ticks) {
            return false;
        }
        Vector2 p = body.getPosition();
        float x = p.x;
        float y = p.y;
        if (explorer.plan(x, y, cell)) {
            float wx = explorer.waypointX();
            float wy = explorer.waypointY();
            marker.setTransform(wx, wy, 0f);
            waypoint.setTarget(wx, wy);
            observe();
            steering.steer(observation, action);
        } else {
            parkMarker();
            waypoint.setTarget(x, y);
            observe();
            action.discrete[0] = explorer.exploreAction(observation, x, y);
        }
        boolean pushed = action.discrete[0] != 0;

        killed = false;
        try {
            hooks.beforeStep(context);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            crash(e);
        }
        actuator.apply(action, 0, 0);
        world.step(PlaytestSettings.TICK_SECONDS, 6, 2);
        p = body.getPosition();
        float nx = p.x;
        float ny = p.y;
        cell = level.cellAt(nx, ny);
        try {
            hooks.afterStep(context);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            crash(e);
        }

        if (killed) {
            deaths++;
            explorer.ban(cell >= 0 ? cell : lastCell);
            restore();
        } else if (cell < 0) {
            boundsCount++;
            record(boundsEvents, BotResult.OUTSIDE_MAP, nx, ny, lastCell);
            explorer.ban(lastCell);
            restore();
        } else if (level.isSolid(cell)) {
            boundsCount++;
            record(boundsEvents, BotResult.INSIDE_SOLID, nx, ny, cell);
            explorer.ban(cell);
            restore();
        } else {
            lastCell = cell;
            if (firstVisit[cell] < 0) {
                firstVisit[cell] = tick + 1;
            }
            visits[cell]++;
            explorer.visit(cell);
            held(nx, ny, pushed);
            if (stuck.update(nx, ny, pushed)) {
                stuckCount++;
                record(stuckEvents, BotResult.STUCK, nx, ny, cell);
                explorer.ban(cell);
                restore();
            }
        }
        tick++;
        return tick < ticks;
    }

    /** Counts a held tick: pushed on each of the last {@link #HELD_TICKS} ticks and moved under 10 cm. */
    private void held(float x, float y, boolean pushed) {
        int slot = recent % HELD_TICKS;
        float dx = x - recentX[slot];
        float dy = y - recentY[slot];
        pushStreak = pushed ? pushStreak + 1 : 0;
        if (pushStreak > HELD_TICKS && dx * dx + dy * dy < HELD_DISTANCE * HELD_DISTANCE) {
            heldTicks[cell]++;
        }
        recentX[slot] = x;
        recentY[slot] = y;
        recent++;
    }

    private void observe() {
        rays.observe(observation, 0);
        waypoint.observe(observation, NavObservation.GOAL_OFFSET);
    }

    private void record(List<BotResult.Event> events, String kind, float x, float y, int at) {
        if (events.size() < BotResult.MAX_EVENTS) {
            events.add(new BotResult.Event(kind, tick, x, y, at));
        }
    }

    private void crash(Throwable error) {
        Vector2 p = body.getPosition();
        crashes.record(error, tick, p.x, p.y, level.cellAt(p.x, p.y));
        if (crashObserver != null) {
            crashObserver.accept(error);
        }
    }

    /** Puts the bot back on an archive cell, at rest, as Go-Explore restores a saved state. */
    private void restore() {
        int to = explorer.restoreCell();
        place(to);
        cell = to;
        lastCell = to;
        stuck.reset();
        pushStreak = 0;
        respawns++;
    }

    private void place(int at) {
        body.setTransform(level.centreX(at), level.centreY(at), 0f);
        body.setLinearVelocity(0f, 0f);
        body.setAwake(true);
    }

    private void parkMarker() {
        // far outside the map, where no ray reaches it
        marker.setTransform(-1000f, -1000f, 0f);
    }

    /**
     * Calls {@code observer} with every exception the game's hooks throw from now on, as it is thrown (for replays
     * that show the full stack trace). Null stops it.
     */
    public void observeCrashes(Consumer<Throwable> observer) {
        this.crashObserver = observer;
    }

    /** @return ticks played so far; the next {@link #step} plays tick number {@code tick()} */
    public int tick() {
        return tick;
    }

    /** @return ticks this run plays in all */
    public int ticks() {
        return ticks;
    }

    /** @return the bot's world x now */
    public float x() {
        return body.getPosition().x;
    }

    /** @return the bot's world y now */
    public float y() {
        return body.getPosition().y;
    }

    /** @return the cell under the bot now */
    public int cell() {
        return cell;
    }

    /** @return the bot's body */
    public Body body() {
        return body;
    }

    /** @return what the bot found so far (copies) */
    public BotResult result() {
        return new BotResult(bot, seed, tick, firstVisit.clone(), visits.clone(), heldTicks.clone(),
                List.copyOf(stuckEvents), List.copyOf(boundsEvents), crashes.crashes(), stuckCount, boundsCount,
                deaths, respawns, explorer.targetsChosen());
    }

    /** Disposes the Box2D world. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            world.dispose();
        }
    }

    /** The hooks' view of this run. */
    private final class Context implements BotContext {
        @Override
        public PlaytestLevel level() {
            return level;
        }

        @Override
        public World world() {
            return world;
        }

        @Override
        public Body body() {
            return body;
        }

        @Override
        public int bot() {
            return bot;
        }

        @Override
        public int tick() {
            return tick;
        }

        @Override
        public int cell() {
            return cell;
        }

        @Override
        public void kill() {
            killed = true;
        }
    }
}
