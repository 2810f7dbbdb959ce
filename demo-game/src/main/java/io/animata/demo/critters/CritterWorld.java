package io.animata.demo.critters;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.core.PooledEngine;
import com.badlogic.ashley.utils.ImmutableArray;
import com.badlogic.gdx.math.RandomXS128;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.Animata;
import io.animata.demo.FrameTimes;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.ModelMetrics;
import io.animata.runtime.ModelQueue;
import io.animata.runtime.RunMode;

/**
 * The demo's logic, without any rendering: an Ashley engine with the critters, a Box2D world (top-down, no gravity,
 * walled), the sparks, and the AI runtime that runs the critters' {@link SeekPolicy} once per frame for the whole
 * flock. The runtime is installed into the engine with {@link Animata#install}, so each engine update is one runtime
 * frame. Steps at a fixed rate of {@value #STEPS_PER_SECOND} frames per second and counts frames, decisions and
 * sparks caught.
 *
 * <p>Usable headless: it creates no GL object, needs no {@code Gdx.app}, and loads the Box2D natives itself. With
 * {@link RunMode#LOCKSTEP} the same settings give the same run, bit for bit on one machine.
 *
 * <p>Threading: game thread only. {@link #step()} and {@link #update(float)} allocate nothing in steady state.
 * {@link #dispose()} is idempotent and releases the Box2D world and the AI runtime (its worker and model).
 *
 * <pre>{@code
 * try (CritterWorld demo = new CritterWorld(CritterSettings.defaults().withMode(RunMode.LOCKSTEP))) {
 *     for (int i = 0; i < 600; i++) {
 *         demo.step();
 *     }
 *     System.out.println(demo.report(demo.stepTimes()).resultLine());
 * }
 * }</pre>
 */
public final class CritterWorld implements Disposable, AutoCloseable {
    /** Fixed simulation rate. */
    public static final int STEPS_PER_SECOND = 60;
    /** Seconds simulated per frame. */
    public static final float STEP = 1f / STEPS_PER_SECOND;
    /** Arena width, metres. */
    public static final float WIDTH = 40f;
    /** Arena height, metres. */
    public static final float HEIGHT = 22.5f;
    /** Critter radius, metres. */
    public static final float CRITTER_RADIUS = 0.28f;
    /** Drawn radius of a spark, metres. */
    public static final float SPARK_RADIUS = 0.3f;
    /** Top speed of a critter under constant force (where force and damping balance), metres per second. */
    public static final float MAX_SPEED = 6f;
    /** Thickness of the walls, metres. */
    public static final float WALL = 0.5f;

    private static final float LINEAR_DAMPING = 2f;
    private static final float CATCH_RADIUS = CRITTER_RADIUS + SPARK_RADIUS;
    /** Most frames {@link #update} simulates at once: after a stall the game slows down instead of bursting. */
    private static final int MAX_STEPS_PER_UPDATE = 4;
    private static final int POLICY_PRIORITY = 100;
    private static final int PHYSICS_PRIORITY = 200;
    private static final int SPARK_PRIORITY = 300;

    private final ComponentMapper<CritterComponent> critterMapper = ComponentMapper.getFor(CritterComponent.class);
    private final AiRuntime runtime;
    private final ModelQueue policy;
    private final FrameTimes stepTimes = new FrameTimes();
    private CritterSettings settings;
    private PooledEngine engine;
    private World world;
    private Sparks sparks;
    private SeekPolicySystem seekSystem;
    private SparkSystem sparkSystem;
    private ImmutableArray<Entity> critters;
    /** The frame bracket in the current engine; a new one per scene continues the runtime's tick count. */
    private Animata animata;
    private long frames;
    private float startDistance;
    private double closingSpeedSum;
    /** The policy's batch counter when this scene started (the runtime, and its counters, outlive resets). */
    private long batchesBefore;
    private float accumulator;
    private boolean disposed;

    /**
     * Builds the scene and the AI runtime, exports the seek policy to ONNX and loads it.
     *
     * @throws io.animata.runtime.AnimataException when the policy cannot be loaded
     */
    public CritterWorld(CritterSettings settings) {
        // natives: gdx core (Box2D's JNI glue uses BufferUtils) and gdx-box2d; both loaders are idempotent, and a
        // backend that already loaded them (LWJGL3) makes these no-ops
        GdxNativesLoader.load();
        Box2D.init();
        this.settings = settings;
        this.runtime = AiRuntime.builder()
                .setMode(settings.mode())
                .optThreadNamePrefix("animata-demo-worker")
                .build();
        try {
            policy = runtime.queue(runtime.loadModel(SeekPolicy.MODEL_NAME, SeekPolicy.onnxBytes()));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        buildScene(settings.seed());
    }

    private void buildScene(long seed) {
        RandomXS128 random = new RandomXS128(seed);
        world = new World(new Vector2(0f, 0f), true);
        addWalls();
        sparks = new Sparks(settings.sparks(), WIDTH, HEIGHT, WALL + 1f, random);

        engine = new PooledEngine();
        animata = Animata.install(engine, runtime); // the world owns the runtime and outlives the scene
        Body first = null;
        for (int i = 0; i < settings.critters(); i++) {
            float x = WALL + CRITTER_RADIUS + random.nextFloat() * (WIDTH - 2 * (WALL + CRITTER_RADIUS));
            float y = WALL + CRITTER_RADIUS + random.nextFloat() * (HEIGHT - 2 * (WALL + CRITTER_RADIUS));
            Body body = addCritterBody(x, y);
            first = first == null ? body : first;
            Entity entity = engine.createEntity();
            CritterComponent critter = engine.createComponent(CritterComponent.class);
            critter.body = body;
            critter.index = i;
            entity.add(critter);
            engine.addEntity(entity);
        }
        // the force that balances linear damping exactly at MAX_SPEED
        float force = first.getMass() * LINEAR_DAMPING * MAX_SPEED;
        seekSystem = new SeekPolicySystem(policy, sparks, MAX_SPEED, force, POLICY_PRIORITY);
        sparkSystem = new SparkSystem(sparks, CATCH_RADIUS, STEP, SPARK_PRIORITY);
        engine.addSystem(seekSystem);
        engine.addSystem(new PhysicsSystem(world, STEP, PHYSICS_PRIORITY));
        engine.addSystem(sparkSystem);
        critters = engine.getEntitiesFor(Family.all(CritterComponent.class).get());
        frames = 0;
        accumulator = 0f;
        startDistance = 0f;
        closingSpeedSum = 0.0;
        batchesBefore = policy.metrics().batchesRun();
    }

    private void addWalls() {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        Body walls = world.createBody(def);
        PolygonShape box = new PolygonShape();
        try {
            float hw = WIDTH / 2f;
            float hh = HEIGHT / 2f;
            float ht = WALL / 2f;
            box.setAsBox(hw, ht, new Vector2(hw, ht), 0f);
            walls.createFixture(box, 0f);
            box.setAsBox(hw, ht, new Vector2(hw, HEIGHT - ht), 0f);
            walls.createFixture(box, 0f);
            box.setAsBox(ht, hh, new Vector2(ht, hh), 0f);
            walls.createFixture(box, 0f);
            box.setAsBox(ht, hh, new Vector2(WIDTH - ht, hh), 0f);
            walls.createFixture(box, 0f);
        } finally {
            box.dispose();
        }
    }

    private Body addCritterBody(float x, float y) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set(x, y);
        def.linearDamping = LINEAR_DAMPING;
        def.fixedRotation = true;
        Body body = world.createBody(def);
        CircleShape circle = new CircleShape();
        try {
            circle.setRadius(CRITTER_RADIUS);
            FixtureDef fixture = new FixtureDef();
            fixture.shape = circle;
            fixture.density = 1f;
            fixture.friction = 0f;
            fixture.restitution = 0.2f;
            body.createFixture(fixture);
        } finally {
            circle.dispose();
        }
        return body;
    }

    /**
     * Simulates one frame: results of earlier frames reach the critters, every critter acts and asks for its next
     * decision, Box2D steps, sparks move and are caught, and the frame's requests go to the worker.
     */
    public void step() {
        checkNotDisposed();
        long start = System.nanoTime();
        // one engine update = one runtime frame: Animata's first system calls beginFrame, its last endFrame
        engine.update(STEP);
        frames++;
        if (frames == 1) {
            startDistance = seekSystem.meanTargetDistance();
        }
        closingSpeedSum += seekSystem.meanClosingSpeed();
        stepTimes.record(System.nanoTime() - start);
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

    /**
     * Starts a new scene with another seed: pending policy results are dropped (they were computed for critters that
     * no longer exist), the Box2D world and every entity are replaced, the counters start again. The runtime and
     * its loaded policy are kept.
     */
    public void reset(long seed) {
        checkNotDisposed();
        animata.dispose();
        engine.removeAllSystems(); // the seek system cancels its pending requests as it leaves
        engine.removeAllEntities();
        world.dispose();
        settings = settings.withSeed(seed);
        buildScene(seed);
    }

    /** @return the settings of the current scene (its seed changes with {@link #reset}) */
    public CritterSettings settings() {
        return settings;
    }

    /** @return the critter entities, in spawn order */
    public ImmutableArray<Entity> critters() {
        return critters;
    }

    /** @return the critter data of critter entity {@code i} */
    public CritterComponent critter(int i) {
        return critterMapper.get(critters.get(i));
    }

    /** @return the sparks */
    public Sparks sparks() {
        return sparks;
    }

    /** @return the Ashley engine of the current scene (replaced by {@link #reset}) */
    public PooledEngine engine() {
        return engine;
    }

    /** @return the AI runtime (owned by this world) */
    public AiRuntime runtime() {
        return runtime;
    }

    /** @return the live figures of the policy: device, latency, batch size, queue depth */
    public ModelMetrics policyMetrics() {
        return policy.metrics();
    }

    /** @return frames simulated in this scene */
    public long frames() {
        return frames;
    }

    /** @return policy results applied to critters in this scene */
    public long decisions() {
        return seekSystem.decisions();
    }

    /** @return sparks caught in this scene */
    public long sparksCaught() {
        return sparkSystem.caught();
    }

    /** @return mean distance from a critter to the spark it chases in the last frame, metres */
    public float meanTargetDistance() {
        return seekSystem.meanTargetDistance();
    }

    /**
     * @return the speed at which critters approached their targets, averaged over critters and frames of this scene,
     *     metres per second (top speed {@value #MAX_SPEED}); near 0 if the policy did not steer them
     */
    public double meanClosingSpeed() {
        return frames == 0 ? 0.0 : closingSpeedSum / frames;
    }

    /** @return the wall-clock time of each {@link #step()} */
    public FrameTimes stepTimes() {
        return stepTimes;
    }

    /**
     * @param frameTimes the frame times to report ({@link #stepTimes()} headless, render frames in a window)
     * @return the run so far (allocates: call it at the end, not every frame)
     */
    public CritterReport report(FrameTimes frameTimes) {
        ModelMetrics m = policy.metrics();
        return new CritterReport(settings.seed(), settings.mode().name().toLowerCase(java.util.Locale.ROOT),
                critters.size(), sparks.count(), frames, decisions(), sparksCaught(), meanClosingSpeed(), startDistance,
                meanTargetDistance(), m.device(), m.batchesRun() - batchesBefore, m.p50LatencyMicros(),
                m.p99LatencyMicros(), frameTimes.meanMillis(), frameTimes.percentileMillis(0.99));
    }

    private void checkNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("this CritterWorld is disposed");
        }
    }

    /** @return whether {@link #dispose()} was called */
    public boolean isDisposed() {
        return disposed;
    }

    /** Releases the Box2D world and the AI runtime. Idempotent. */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        try {
            animata.dispose();
            engine.removeAllSystems();
            engine.removeAllEntities();
            world.dispose();
        } finally {
            runtime.close();
        }
    }

    /** Same as {@link #dispose()}, for try-with-resources. */
    @Override
    public void close() {
        dispose();
    }
}
