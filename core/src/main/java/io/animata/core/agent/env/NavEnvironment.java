package io.animata.core.agent.env;

import com.badlogic.gdx.math.RandomXS128;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.agent.Actuator;
import io.animata.core.agent.DirectionActuator;
import io.animata.core.agent.ForceActuator;
import io.animata.core.agent.Sensor;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import io.animata.runtime.rl.GoalEnvironment;
import io.animata.runtime.rl.EnvironmentFactory;
import java.util.List;

/**
 * The {@code nav} task as an {@link Environment} a trainer steps headless: a top-down Box2D arena from a
 * {@link NavLevel} tile map, with walls and obstacle posts; the agent, a damped circle, must reach the goal. No
 * rendering, no ECS engine and no AI runtime: the trainer gives the actions, and each {@link #step} is one
 * {@value #STEP} s Box2D step. It uses the same arena, sensors and actuators as the game's {@link NavScene}, so a
 * policy trained here behaves the same there.
 *
 * <p><b>Episode.</b> {@link #reset} picks, from the seed, a level (when given several), a goal tile and a start tile
 * at least {@link Builder#optMinStartDistance} metres away along the floor (the level's {@code G}/{@code S} tiles, or
 * any floor tile with {@link Builder#optRandomStartGoal}), and puts the agent at rest near the start tile's centre.
 * The episode terminates when the agent reaches the goal and is truncated after {@link Builder#optMaxSteps} steps.
 *
 * <p><b>Observation</b>: {@link NavObservation} ({@value NavObservation#WIDTH} floats: 16 rays with wall / obstacle /
 * goal tags, goal direction and distance, velocity).
 *
 * <p><b>Actions</b>: {@link #DISCRETE_ACTIONS} (default): one branch of 9, 0 = no push, {@code 1 + k} = push
 * towards {@code k * 45°} ({@link DirectionActuator}); or {@link #CONTINUOUS_ACTIONS}: a force {@code (x, y)}
 * ({@link ForceActuator}). Full force drives the agent at {@link NavArena#MAX_SPEED}.
 *
 * <p><b>Reward</b> per step: {@code PROGRESS_REWARD * (d_before - d_after) - STEP_PENALTY}, plus
 * {@code GOAL_REWARD} on reaching the goal, where {@code d} is the distance to the goal along the floor
 * ({@link NavArena#distanceToGoal}): potential-based shaping that points around walls, a small cost of time, and the
 * task's reward.
 *
 * <pre>{@code
 * try (NavEnvironment env = NavEnvironment.builder().build()) {
 *     float[] obs = new float[env.observationWidth()];
 *     ActionBuffer action = new ActionBuffer(env.actionSpace());
 *     env.reset(seed, obs);
 *     while (!env.terminated() && !env.truncated()) {
 *         policy.decide(obs, action);
 *         float reward = env.step(action, obs);
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: one thread at a time per instance; instances share nothing and may run on different threads.
 * {@link #step} allocates nothing; {@link #reset} allocates only the first time it meets a level or goal tile.
 * {@link #close} disposes the Box2D worlds and is idempotent.
 */
public final class NavEnvironment implements GoalEnvironment {
    /** Seconds simulated per step (one Box2D step). */
    public static final float STEP = 0.1f;
    /** Reward for reaching the goal. */
    public static final float GOAL_REWARD = 1f;
    /** Reward per metre of progress towards the goal along the floor (negative when moving away). */
    public static final float PROGRESS_REWARD = 0.05f;
    /** Cost of each step. */
    public static final float STEP_PENALTY = 0.005f;
    /** Default step limit (30 s). */
    public static final int DEFAULT_MAX_STEPS = 300;
    /** The discrete nav actions: no push, or a push towards one of 8 directions. */
    public static final ActionSpace DISCRETE_ACTIONS = ActionSpace.discrete(9);
    /** The continuous nav actions: a force (x, y). */
    public static final ActionSpace CONTINUOUS_ACTIONS = ActionSpace.continuous(2);

    private final List<NavLevel> levels;
    private final int maxSteps;
    private final boolean randomStartGoal;
    private final float minStartDistance;
    private final ActionSpace actionSpace;
    /** One arena (Box2D world), agent body, sensor set and actuator per level, made on first use. */
    private final Rig[] rigs;
    private final RandomXS128 random = new RandomXS128(0);
    private Rig rig;
    private int steps;
    private float distance;
    private boolean terminated;
    private boolean truncated;
    private boolean closed;

    private static final class Rig {
        final NavArena arena;
        final Body agent;
        final Sensor[] sensors;
        final Actuator actuator;

        Rig(NavArena arena, Body agent, Sensor[] sensors, Actuator actuator) {
            this.arena = arena;
            this.agent = agent;
            this.sensors = sensors;
            this.actuator = actuator;
        }
    }

    private NavEnvironment(Builder b) {
        GdxNativesLoader.load();
        Box2D.init();
        this.levels = List.copyOf(b.levels);
        this.maxSteps = b.maxSteps;
        this.randomStartGoal = b.randomStartGoal;
        this.minStartDistance = b.minStartDistance;
        this.actionSpace = b.continuous ? CONTINUOUS_ACTIONS : DISCRETE_ACTIONS;
        this.rigs = new Rig[levels.size()];
    }

    /** @return a builder with the defaults: every built-in level, random start and goal, 300 steps, discrete */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a factory of default environments (see {@link #builder()}), for a trainer's parallel copies; copy
     *     {@code i} is independent of the others
     */
    public static EnvironmentFactory factory() {
        return index -> builder().build();
    }

    /** @return a factory of environments built by {@code builder} (called once per copy, from any thread) */
    public static EnvironmentFactory factory(java.util.function.Supplier<Builder> builder) {
        return index -> builder.get().build();
    }

    @Override
    public int observationWidth() {
        return NavObservation.WIDTH;
    }

    @Override
    public ActionSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public void reset(long seed, float[] observation) {
        checkOpen();
        random.setSeed(seed);
        int index = levels.size() == 1 ? 0 : random.nextInt(levels.size());
        rig = rig(index);
        NavArena arena = rig.arena;
        arena.setGoalCell(arena.pickGoalCell(random, randomStartGoal));
        arena.placeAgentOnCell(rig.agent, arena.pickStartCell(random, randomStartGoal, minStartDistance), random);
        steps = 0;
        terminated = false;
        truncated = false;
        distance = arena.distanceToGoal(rig.agent.getPosition().x, rig.agent.getPosition().y);
        for (Sensor sensor : rig.sensors) {
            sensor.reset();
        }
        rig.actuator.reset();
        observe(observation);
    }

    private Rig rig(int index) {
        if (rigs[index] == null) {
            NavArena arena = new NavArena(levels.get(index));
            Body agent = arena.createAgent(0.5f, 0.5f, null);
            Sensor[] sensors = {NavObservation.raySensor(arena, agent), NavObservation.goalSensor(arena, agent)};
            Actuator actuator = actionSpace.isDiscrete()
                    ? new DirectionActuator(agent, 8, arena.agentForce())
                    : new ForceActuator(agent, arena.agentForce());
            rigs[index] = new Rig(arena, agent, sensors, actuator);
        }
        return rigs[index];
    }

    @Override
    public float step(ActionBuffer action, float[] observation) {
        checkOpen();
        if (rig == null) {
            throw new IllegalStateException("call reset before step");
        }
        if (terminated || truncated) {
            throw new IllegalStateException("the episode is over (" + (terminated ? "terminated" : "truncated")
                    + "): call reset before stepping again");
        }
        checkAction(action);
        NavArena arena = rig.arena;
        rig.actuator.apply(action, 0, 0);
        arena.step(STEP);
        steps++;
        float x = rig.agent.getPosition().x;
        float y = rig.agent.getPosition().y;
        float now = arena.distanceToGoal(x, y);
        float reward = PROGRESS_REWARD * (distance - now) - STEP_PENALTY;
        distance = now;
        if (arena.atGoal(rig.agent)) {
            reward += GOAL_REWARD;
            terminated = true;
        } else if (steps >= maxSteps) {
            truncated = true;
        }
        observe(observation);
        return reward;
    }

    private void checkAction(ActionBuffer action) {
        if (!action.space().equals(actionSpace)) {
            throw new AnimataException("nav takes actions of " + actionSpace + ", got " + action.space());
        }
        for (int b = 0; b < action.discrete.length; b++) {
            int option = action.discrete[b];
            if (option < 0 || option >= actionSpace.branchSize(b)) {
                throw new AnimataException("nav action " + option + " is out of range [0, "
                        + actionSpace.branchSize(b) + ")");
            }
        }
    }

    private void observe(float[] observation) {
        if (observation.length < NavObservation.WIDTH) {
            throw new AnimataException("the observation buffer holds " + observation.length + " floats; nav writes "
                    + NavObservation.WIDTH);
        }
        int offset = 0;
        for (Sensor sensor : rig.sensors) {
            sensor.observe(observation, offset);
            offset += sensor.width();
        }
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    /** @return whether the last episode ended at the goal (same as {@link #terminated()}) */
    @Override
    public boolean reachedGoal() {
        return terminated;
    }

    /** @return steps taken in the current episode */
    public int episodeSteps() {
        return steps;
    }

    /** @return the current episode's arena (level, world, goal), or null before the first reset */
    public NavArena arena() {
        return rig == null ? null : rig.arena;
    }

    /** @return the agent's body in the current arena, or null before the first reset */
    public Body agentBody() {
        return rig == null ? null : rig.agent;
    }

    /** @return the agent's distance to the goal along the floor after the last step or reset, metres */
    public float distanceToGoal() {
        return distance;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this NavEnvironment is closed");
        }
    }

    /** Disposes every Box2D world. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Rig r : rigs) {
            if (r != null) {
                r.arena.dispose();
            }
        }
    }

    /** Settings of a {@link NavEnvironment}; every one is optional. Not thread-safe. */
    public static final class Builder {
        private List<NavLevel> levels = NavLevel.builtIns();
        private int maxSteps = DEFAULT_MAX_STEPS;
        private boolean randomStartGoal = true;
        private float minStartDistance = 4f;
        private boolean continuous;

        private Builder() {
        }

        /** The levels episodes are drawn from, uniformly (default: every built-in level). */
        public Builder optLevels(List<NavLevel> levels) {
            if (levels == null || levels.isEmpty()) {
                throw new IllegalArgumentException("give at least one level");
            }
            this.levels = levels;
            return this;
        }

        /** One level only. */
        public Builder optLevel(NavLevel level) {
            return optLevels(List.of(level));
        }

        /** Steps after which an episode is truncated (default {@value NavEnvironment#DEFAULT_MAX_STEPS}). */
        public Builder optMaxSteps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxSteps must be at least 1, was " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /**
         * Whether start and goal are any floor tiles (default true), or the level's {@code S} and {@code G} tiles
         * (any floor tile where a level marks none).
         */
        public Builder optRandomStartGoal(boolean random) {
            this.randomStartGoal = random;
            return this;
        }

        /** The least distance along the floor between start and goal tiles, metres (default 4). */
        public Builder optMinStartDistance(float metres) {
            if (!(metres >= 0f)) {
                throw new IllegalArgumentException("minStartDistance must be >= 0, was " + metres);
            }
            this.minStartDistance = metres;
            return this;
        }

        /** Continuous force actions instead of the 9 discrete ones (default false). */
        public Builder optContinuousActions(boolean continuousActions) {
            this.continuous = continuousActions;
            return this;
        }

        /** @return a new environment (its Box2D worlds are made at the first reset on each level) */
        public NavEnvironment build() {
            return new NavEnvironment(this);
        }
    }
}
