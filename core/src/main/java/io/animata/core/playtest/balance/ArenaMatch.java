package io.animata.core.playtest.balance;

import com.badlogic.gdx.math.RandomXS128;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.agent.DirectionActuator;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;

/**
 * The built-in two-sided arena game that balance runs play: a walled, top-down Box2D arena; each side an army of one
 * {@link UnitConfig} (damped circles of radius {@value #UNIT_RADIUS} m that push each other), side 0 on the left,
 * side 1 on the right. Every {@value #TICK_SECONDS} s tick:
 * <ol>
 *   <li>each living unit's controller ({@link UnitConfig#controller()}) picks a target and a push, one of the 9
 *       options of a {@link DirectionActuator} (the agents' actuator), with the force that gives the unit its
 *       speed;</li>
 *   <li>one Box2D step;</li>
 *   <li>attacks, side 0 first (the first mover): a unit whose cooldown is over hits its target, or else the nearest
 *       enemy in range, for 75 % to 125 % of its damage (seeded); a unit at 0 hit points is gone at once.</li>
 * </ol>
 * The match ends when one side has no units left, or as a draw after {@link ArenaSettings#maxSeconds()}.
 *
 * <p>Threading: one thread (Box2D); separate matches share nothing and may run on different threads. {@link #step}
 * allocates nothing. {@link #close} disposes the world and is idempotent.
 *
 * <pre>{@code
 * MatchResult result = ArenaMatch.play(job);
 * }</pre>
 */
public final class ArenaMatch implements AutoCloseable {
    /** Simulated seconds per tick. */
    public static final float TICK_SECONDS = 0.1f;
    /** Unit radius, metres. */
    public static final float UNIT_RADIUS = 0.4f;
    /** Linear damping of units, per second. */
    public static final float DAMPING = 4f;
    private static final ActionSpace ACTIONS = ActionSpace.discrete(9);
    private static final float SPAWN_MARGIN = 2.5f;
    private static final float JITTER = 0.2f;

    private final MatchJob job;
    private final World world;
    private final UnitConfig[] armies;
    private final int count;
    private final Body[] bodies;
    private final DirectionActuator[] actuators;
    private final int[] side;
    private final float[] hp;
    private final float[] cooldown;
    private final boolean[] alive;
    private final int[] target;
    private final float[] x;
    private final float[] y;
    private final int[] aliveBySide = new int[2];
    private final float[] startHp = new float[2];
    private final ActionBuffer action = new ActionBuffer(ACTIONS);
    private final RandomXS128 random;
    private final int maxTicks;
    private int tick;
    private int winner = -2;
    private boolean closed;

    /** @param job the match */
    public ArenaMatch(MatchJob job) {
        GdxNativesLoader.load();
        Box2D.init();
        this.job = job;
        this.armies = new UnitConfig[] {job.side0(), job.side1()};
        this.count = job.side0().units() + job.side1().units();
        this.random = new RandomXS128(job.seed());
        this.maxTicks = Math.round(job.arena().maxSeconds() / TICK_SECONDS);
        this.bodies = new Body[count];
        this.actuators = new DirectionActuator[count];
        this.side = new int[count];
        this.hp = new float[count];
        this.cooldown = new float[count];
        this.alive = new boolean[count];
        this.target = new int[count];
        this.x = new float[count];
        this.y = new float[count];
        this.world = new World(new Vector2(0f, 0f), true);
        try {
            walls(job.arena());
            int i = 0;
            for (int s = 0; s < 2; s++) {
                UnitConfig army = armies[s];
                float spacing = Math.min(1.2f, (job.arena().height() - 2f) / army.units());
                for (int k = 0; k < army.units(); k++, i++) {
                    float ux = s == 0 ? SPAWN_MARGIN : job.arena().width() - SPAWN_MARGIN;
                    float uy = job.arena().height() / 2f + (k - (army.units() - 1) / 2f) * spacing;
                    ux += (random.nextFloat() * 2f - 1f) * JITTER;
                    uy += (random.nextFloat() * 2f - 1f) * JITTER;
                    bodies[i] = unit(ux, uy);
                    float force = army.speed() * bodies[i].getMass() * DAMPING;
                    actuators[i] = new DirectionActuator(bodies[i], 8, force);
                    side[i] = s;
                    hp[i] = army.hp();
                    alive[i] = true;
                    target[i] = -1;
                }
                aliveBySide[s] = army.units();
                startHp[s] = army.units() * army.hp();
            }
        } catch (RuntimeException e) {
            world.dispose();
            throw e;
        }
    }

    /** Plays a whole match. @return how it ended */
    public static MatchResult play(MatchJob job) {
        try (ArenaMatch match = new ArenaMatch(job)) {
            while (match.step()) {
                // play to the end
            }
            return match.result();
        }
    }

    private void walls(ArenaSettings arena) {
        float w = arena.width();
        float h = arena.height();
        box(w / 2f, -0.5f, w / 2f + 1f, 0.5f);
        box(w / 2f, h + 0.5f, w / 2f + 1f, 0.5f);
        box(-0.5f, h / 2f, 0.5f, h / 2f);
        box(w + 0.5f, h / 2f, 0.5f, h / 2f);
    }

    private void box(float cx, float cy, float hw, float hh) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        def.position.set(cx, cy);
        Body body = world.createBody(def);
        PolygonShape shape = new PolygonShape();
        try {
            shape.setAsBox(hw, hh);
            body.createFixture(shape, 0f);
        } finally {
            shape.dispose();
        }
    }

    private Body unit(float ux, float uy) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set(ux, uy);
        def.fixedRotation = true;
        def.linearDamping = DAMPING;
        Body body = world.createBody(def);
        CircleShape shape = new CircleShape();
        try {
            shape.setRadius(UNIT_RADIUS);
            FixtureDef fixture = new FixtureDef();
            fixture.shape = shape;
            fixture.density = 1f;
            fixture.friction = 0f;
            body.createFixture(fixture);
        } finally {
            shape.dispose();
        }
        return body;
    }

    /** Plays one tick. @return whether the match goes on */
    public boolean step() {
        if (closed) {
            throw new IllegalStateException("this match is closed");
        }
        if (winner != -2) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (alive[i]) {
                Vector2 p = bodies[i].getPosition();
                x[i] = p.x;
                y[i] = p.y;
            }
        }
        for (int i = 0; i < count; i++) {
            if (alive[i]) {
                action.discrete[0] = control(i);
                actuators[i].apply(action, 0, 0);
            }
        }
        world.step(TICK_SECONDS, 6, 2);
        for (int i = 0; i < count; i++) {
            if (alive[i]) {
                Vector2 p = bodies[i].getPosition();
                x[i] = p.x;
                y[i] = p.y;
            }
        }
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < count; i++) {
                if (alive[i] && side[i] == s) {
                    attack(i);
                }
            }
        }
        tick++;
        if (aliveBySide[0] == 0 || aliveBySide[1] == 0) {
            winner = aliveBySide[0] > 0 ? 0 : aliveBySide[1] > 0 ? 1 : MatchResult.DRAW;
        } else if (tick >= maxTicks) {
            winner = MatchResult.DRAW;
        }
        return winner == -2;
    }

    /** @return unit i's push this tick, a {@link DirectionActuator} option (0: none) */
    private int control(int i) {
        UnitConfig army = armies[side[i]];
        int t = army.controller().equals(UnitConfig.FOCUS) ? weakestEnemy(i) : nearestEnemy(i);
        target[i] = t;
        if (t < 0) {
            return 0;
        }
        float dx = x[t] - x[i];
        float dy = y[t] - y[i];
        float centre = (float) Math.sqrt(dx * dx + dy * dy);
        float edge = centre - 2 * UNIT_RADIUS;
        if (army.controller().equals(UnitConfig.KITE) && edge < 0.6f * army.range()) {
            return flee(i, -dx, -dy);
        }
        float hold = army.controller().equals(UnitConfig.KITE) ? 0.95f : 0.9f;
        return edge > hold * army.range() ? option(dx, dy) : 0;
    }

    /** Backs away along (dx, dy); near a wall, slides along it towards the arena's middle instead. */
    private int flee(int i, float dx, float dy) {
        float length = (float) Math.sqrt(dx * dx + dy * dy);
        if (length < 1e-6f) {
            return option(side[i] == 0 ? -1f : 1f, 0f);
        }
        dx /= length;
        dy /= length;
        float w = job.arena().width();
        float h = job.arena().height();
        float aheadX = x[i] + dx * 1.5f;
        float aheadY = y[i] + dy * 1.5f;
        if (aheadX < UNIT_RADIUS || aheadX > w - UNIT_RADIUS || aheadY < UNIT_RADIUS || aheadY > h - UNIT_RADIUS) {
            // turn a right angle, whichever way faces the middle
            float tx = -dy;
            float ty = dx;
            if (tx * (w / 2f - x[i]) + ty * (h / 2f - y[i]) < 0f) {
                tx = -tx;
                ty = -ty;
            }
            return option(tx, ty);
        }
        return option(dx, dy);
    }

    private static int option(float dx, float dy) {
        double angle = Math.atan2(dy, dx);
        int k = (int) Math.round(angle / (Math.PI / 4));
        return 1 + Math.floorMod(k, 8);
    }

    private int nearestEnemy(int i) {
        int best = -1;
        float bestD = Float.MAX_VALUE;
        for (int j = 0; j < count; j++) {
            if (alive[j] && side[j] != side[i]) {
                float dx = x[j] - x[i];
                float dy = y[j] - y[i];
                float d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
        }
        return best;
    }

    private int weakestEnemy(int i) {
        int best = -1;
        float bestHp = Float.MAX_VALUE;
        float bestD = Float.MAX_VALUE;
        for (int j = 0; j < count; j++) {
            if (alive[j] && side[j] != side[i]) {
                float dx = x[j] - x[i];
                float dy = y[j] - y[i];
                float d = dx * dx + dy * dy;
                if (hp[j] < bestHp || (hp[j] == bestHp && d < bestD)) {
                    bestHp = hp[j];
                    bestD = d;
                    best = j;
                }
            }
        }
        return best;
    }

    private void attack(int i) {
        cooldown[i] -= TICK_SECONDS;
        if (cooldown[i] > 1e-4f) {
            return;
        }
        UnitConfig army = armies[side[i]];
        int t = target[i];
        if (t < 0 || !alive[t] || edge(i, t) > army.range()) {
            t = -1;
            float best = Float.MAX_VALUE;
            for (int j = 0; j < count; j++) {
                if (alive[j] && side[j] != side[i]) {
                    float e = edge(i, j);
                    if (e <= army.range() && e < best) {
                        best = e;
                        t = j;
                    }
                }
            }
        }
        if (t < 0) {
            cooldown[i] = 0f;
            return;
        }
        hp[t] -= army.damage() * (0.75f + 0.5f * random.nextFloat());
        cooldown[i] = army.cooldown();
        if (hp[t] <= 0f) {
            alive[t] = false;
            hp[t] = 0f;
            aliveBySide[side[t]]--;
            bodies[t].setActive(false);
        }
    }

    private float edge(int i, int j) {
        float dx = x[j] - x[i];
        float dy = y[j] - y[i];
        return (float) Math.sqrt(dx * dx + dy * dy) - 2 * UNIT_RADIUS;
    }

    /** @return ticks played */
    public int tick() {
        return tick;
    }

    /** @return the result so far (a draw while the match runs) */
    public MatchResult result() {
        double[] left = new double[2];
        int[] units = new int[2];
        for (int i = 0; i < count; i++) {
            if (alive[i]) {
                left[side[i]] += hp[i];
                units[side[i]]++;
            }
        }
        return new MatchResult(job.index(), winner >= 0 ? winner : MatchResult.DRAW,
                Math.round(tick * (double) TICK_SECONDS * 10.0) / 10.0, units[0], units[1],
                left[0] / startHp[0], left[1] / startHp[1]);
    }

    /** Disposes the Box2D world. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            world.dispose();
        }
    }
}
