package io.animata.core.agent.env;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.systems.IteratingSystem;
import com.badlogic.gdx.math.RandomXS128;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.agent.AgentComponent;
import io.animata.core.agent.AgentListener;
import io.animata.core.agent.AgentPolicy;
import io.animata.core.agent.AgentSystem;
import io.animata.core.agent.DirectionActuator;
import io.animata.core.agent.DiscreteActuator;
import io.animata.core.agent.ForceActuator;
import io.animata.core.agent.RaySensor;
import io.animata.runtime.rl.ActionSpace;

/**
 * The {@code nav} task as entities in a game's Ashley {@link Engine}: a {@link NavArena} built from a level, and
 * several agents (each an entity with an {@link AgentComponent} and a {@link NavAgentComponent}) that share one
 * goal. The agents see and act exactly as in {@link NavEnvironment} (same rays, goal sensor, actuators and rewards,
 * scaled to the frame's length), so a policy trained there drives them here. When an agent reaches the goal its
 * episode ends (a success), it starts again from a random tile, and the goal moves to another random tile; an agent
 * that does not make it within the time limit starts again too.
 *
 * <p>A game can also give the goal to something that moves: with {@link Builder#optGoalFollows} the goal follows a
 * body (the player, for agents that chase it), is not moved when reached, and an agent that reaches it starts again
 * at least {@link Builder#optMinStartDistance} away along the floor; in maps with long detours, agents follow the
 * floor path with {@link Builder#optWaypoints} (and {@link Builder#optWaypointCone}). The level can be any {@link NavLevel} (one made
 * from a generated dungeon with {@link NavLevel#of(String, io.animata.core.level.TileGrid,
 * io.animata.core.level.Legend)}), or an arena the game built itself ({@link Builder#optArena}), to put its own bodies
 * into its world first.
 *
 * <p>Each engine update is one physics step of {@link Builder#optStepSeconds} (default 1/60 s) and the agents decide
 * every {@link Builder#optDecisionPeriod} frames (default 6, the training step of 0.1 s), with decision offsets spread
 * over the period. It uses the engine's {@link AgentSystem} when there is one (else adds one at
 * {@link Builder#optPriority}) and adds its own {@code NavSystem} right after it (the physics step and the rewards).
 * With an {@link io.animata.core.agent.OnnxPolicy}, install the AI runtime first ({@link io.animata.core.Animata}).
 *
 * <pre>{@code
 * NavScene scene = NavScene.builder()
 *         .setEngine(engine)
 *         .setPolicy(new NavHeuristic().policy(NavEnvironment.DISCRETE_ACTIONS))   // or an OnnxPolicy
 *         .optLevel(NavLevel.builtIn("pillars"))
 *         .optAgents(12)
 *         .build();
 * // each frame: engine.update(delta);   scene.successes() counts goals reached
 * // at the end: scene.dispose();
 *
 * // agents that chase the player in a generated level
 * NavArena arena = new NavArena(NavLevel.of("dungeon", grid, legend), NavArena.Walls.CHAINS);
 * Body player = createPlayer(arena.world());
 * NavScene chase = NavScene.builder().setEngine(engine).setPolicy(policy)
 *         .optArena(arena).optGoalFollows(player).optMinStartDistance(12f).optAgents(20).build();
 * // at the end: chase.dispose(); arena.dispose();   (the game owns an arena it gave)
 * }</pre>
 *
 * <p>Threading: game thread. Frames allocate nothing (the first visit of a goal tile computes its distance field).
 * One scene per engine. {@link #dispose} removes the scene's entities and systems and the Box2D world (unless the
 * arena was given with {@link Builder#optArena}: its owner disposes it); idempotent.
 */
public final class NavScene implements Disposable {
    private final ComponentMapper<NavAgentComponent> navAgents = ComponentMapper.getFor(NavAgentComponent.class);
    private final Engine engine;
    private final NavArena arena;
    private final boolean ownsArena;
    /** The body the goal follows, or null for a goal that jumps to a random tile when reached. */
    private final Body goalTarget;
    private final AgentSystem agentSystem;
    private final boolean ownsAgentSystem;
    private final NavSystem navSystem;
    private final RandomXS128 random;
    private final float stepSeconds;
    private final float minStartDistance;
    private final Entity[] entities;
    private final AgentListener episodes;
    private long successes;
    private long goalMoves;
    private boolean disposed;

    private NavScene(Builder b) {
        GdxNativesLoader.load();
        Box2D.init();
        if (b.engine.getSystem(NavSystem.class) != null) {
            throw new IllegalStateException("this engine already holds a NavScene; dispose it first");
        }
        ActionSpace space = b.policy.actionSpace();
        if (!space.equals(NavEnvironment.DISCRETE_ACTIONS) && !space.equals(NavEnvironment.CONTINUOUS_ACTIONS)) {
            throw new IllegalArgumentException("a nav policy acts in " + NavEnvironment.DISCRETE_ACTIONS + " or "
                    + NavEnvironment.CONTINUOUS_ACTIONS + ", not " + space);
        }
        this.engine = b.engine;
        this.stepSeconds = b.stepSeconds;
        this.minStartDistance = b.minStartDistance;
        this.random = new RandomXS128(b.seed);
        this.ownsArena = b.arena == null;
        this.arena = b.arena != null ? b.arena : new NavArena(b.level);
        this.goalTarget = b.goalTarget;
        if (goalTarget != null) {
            if (goalTarget.getWorld() != arena.world()) {
                throw new IllegalArgumentException("the body the goal follows must be in the arena's world: give the "
                        + "scene the arena it was made in (optArena)");
            }
            Vector2 p = goalTarget.getPosition();
            arena.setGoalPosition(p.x, p.y);
        } else {
            arena.setGoalCell(arena.pickGoalCell(random, true));
        }

        AgentSystem existing = engine.getSystem(AgentSystem.class);
        this.ownsAgentSystem = existing == null;
        this.agentSystem = existing != null ? existing : new AgentSystem(b.priority);
        this.navSystem = new NavSystem(agentSystem.priority + 1);
        this.episodes = new AgentListener() {
            @Override
            public void onEpisodeBegin(Entity entity, AgentComponent agent) {
                NavAgentComponent nav = navAgents.get(entity);
                if (nav != null && nav.scene == NavScene.this) {
                    respawn(nav);
                }
            }
        };
        agentSystem.addListener(episodes);
        if (ownsAgentSystem) {
            engine.addSystem(agentSystem);
        }
        engine.addSystem(navSystem);

        int maxSteps = Math.max(1, Math.round(b.maxSeconds / b.stepSeconds));
        this.entities = new Entity[b.agents];
        for (int i = 0; i < b.agents; i++) {
            Entity entity = engine.createEntity();
            Body body = arena.createAgent(0.5f, 0.5f, entity);
            NavAgentComponent nav = engine.createComponent(NavAgentComponent.class);
            nav.body = body;
            nav.rays = NavObservation.raySensor(arena, body);
            nav.scene = this;
            AgentComponent agent = engine.createComponent(AgentComponent.class);
            agent.policy = b.policy;
            agent.decisionPeriod = b.decisionPeriod;
            agent.decisionOffset = i % b.decisionPeriod;
            agent.maxSteps = maxSteps;
            agent.sensors.add(nav.rays);
            agent.sensors.add(NavObservation.goalSensor(arena, body, b.lookAhead));
            DiscreteActuator.Masker masker = b.lookAhead > 0f && b.coneDegrees < 180f
                    ? new WaypointMasker(arena, body, b.lookAhead, b.coneDegrees) : null;
            agent.actuators.add(space.isDiscrete() ? new DirectionActuator(body, 8, arena.agentForce(), masker)
                    : new ForceActuator(body, arena.agentForce()));
            entity.add(nav);
            entity.add(agent);
            engine.addEntity(entity);
            entities[i] = entity;
        }
    }

    /** @return a builder; {@link Builder#setEngine} and {@link Builder#setPolicy} are required */
    public static Builder builder() {
        return new Builder();
    }

    private void respawn(NavAgentComponent nav) {
        arena.placeAgentOnCell(nav.body, arena.pickStartCell(random, true, minStartDistance), random);
        Vector2 p = nav.body.getPosition();
        nav.distance = arena.distanceToGoal(p.x, p.y);
    }

    /** @return the arena (level, Box2D world, goal) */
    public NavArena arena() {
        return arena;
    }

    /** @return the agent system driving the scene's agents */
    public AgentSystem agentSystem() {
        return agentSystem;
    }

    /** @return number of agents */
    public int agentCount() {
        return entities.length;
    }

    /** @return the {@code i}-th agent's entity */
    public Entity agent(int i) {
        return entities[i];
    }

    /** @return episodes that ended at the goal, all agents together */
    public long successes() {
        return successes;
    }

    /** @return the body the goal follows, or null when it jumps to a random tile when reached */
    public Body goalTarget() {
        return goalTarget;
    }

    /** @return times the goal moved: once per frame in which an agent reached it (0 when it follows a body) */
    public long goalMoves() {
        return goalMoves;
    }

    /**
     * Removes the scene's entities and systems (its own agent system only) and disposes the arena; an arena given
     * with {@link Builder#optArena} is kept, with the agents' bodies taken out of it. Idempotent. Call it between
     * engine updates, not from a system.
     */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        for (Entity entity : entities) {
            if (!ownsArena) {
                // the arena lives on: take the scene's bodies out of it (an owned arena goes with its world)
                arena.world().destroyBody(navAgents.get(entity).body);
            }
            engine.removeEntity(entity);
        }
        agentSystem.removeListener(episodes);
        engine.removeSystem(navSystem);
        if (ownsAgentSystem) {
            engine.removeSystem(agentSystem);
        }
        if (ownsArena) {
            arena.dispose();
        }
    }

    /**
     * Steps the arena's physics once per engine update, moves the goal onto the body it follows (if any), then
     * rewards each agent as {@link NavEnvironment} does (scaled by the frame's length) and ends the episodes of
     * agents at the goal, moving a goal that does not follow a body.
     *
     * <p>Threading: game thread. Allocation-free.
     */
    public final class NavSystem extends IteratingSystem {
        private final ComponentMapper<AgentComponent> agents = ComponentMapper.getFor(AgentComponent.class);
        private final float stepPenalty = NavEnvironment.STEP_PENALTY * stepSeconds / NavEnvironment.STEP;
        private boolean goalReached;

        NavSystem(int priority) {
            super(Family.all(NavAgentComponent.class, AgentComponent.class).get(), priority);
        }

        @Override
        public void update(float deltaTime) {
            arena.step(stepSeconds);
            if (goalTarget != null) {
                followTarget();
            }
            goalReached = false;
            super.update(deltaTime);
            if (goalReached && goalTarget == null) {
                moveGoal();
            }
        }

        private void followTarget() {
            int before = arena.goalCell();
            Vector2 p = goalTarget.getPosition();
            arena.setGoalPosition(p.x, p.y);
            if (arena.goalCell() != before) {
                refreshDistances(); // another tile's distances: no progress reward for the change itself
            }
        }

        @Override
        protected void processEntity(Entity entity, float deltaTime) {
            NavAgentComponent nav = navAgents.get(entity);
            if (nav.scene != NavScene.this) {
                return;
            }
            AgentComponent agent = agents.get(entity);
            if (agent.isEpisodeEnding()) {
                return; // reached the goal earlier in this frame's batch of updates, or truncated
            }
            Vector2 p = nav.body.getPosition();
            float now = arena.distanceToGoal(p.x, p.y);
            agent.addReward(NavEnvironment.PROGRESS_REWARD * (nav.distance - now) - stepPenalty);
            nav.distance = now;
            if (arena.atGoal(nav.body)) {
                agent.addReward(NavEnvironment.GOAL_REWARD);
                agent.endEpisode();
                nav.successes++;
                successes++;
                goalReached = true;
            }
        }

        private void moveGoal() {
            int previous = arena.goalCell();
            int cell = arena.pickGoalCell(random, true);
            if (cell == previous) {
                cell = arena.pickGoalCell(random, true);
            }
            arena.setGoalCell(cell);
            goalMoves++;
            refreshDistances();
        }

        private void refreshDistances() {
            for (Entity entity : entities) {
                NavAgentComponent nav = navAgents.get(entity);
                Vector2 p = nav.body.getPosition();
                nav.distance = arena.distanceToGoal(p.x, p.y);
            }
        }
    }

    /** Settings of a {@link NavScene}. Required: {@link #setEngine}, {@link #setPolicy}. Not thread-safe. */
    public static final class Builder {
        private Engine engine;
        private AgentPolicy policy;
        private NavLevel level = NavLevel.builtIn("open");
        private NavArena arena;
        private Body goalTarget;
        private int agents = 8;
        private long seed = 1L;
        private float stepSeconds = 1f / 60f;
        private int decisionPeriod = 6;
        private float maxSeconds = NavEnvironment.DEFAULT_MAX_STEPS * NavEnvironment.STEP;
        private float minStartDistance = 4f;
        private float lookAhead;
        private float coneDegrees = 180f;
        private int priority = 100;

        private Builder() {
        }

        /** Required: the engine to add the scene to. */
        public Builder setEngine(Engine engine) {
            this.engine = engine;
            return this;
        }

        /** Required: the policy every agent uses, in {@link NavEnvironment#DISCRETE_ACTIONS} or continuous. */
        public Builder setPolicy(AgentPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** The level (default the built-in {@code open}); the scene builds and owns its arena. */
        public Builder optLevel(NavLevel level) {
            if (level == null) {
                throw new IllegalArgumentException("level is null");
            }
            this.level = level;
            this.arena = null;
            return this;
        }

        /**
         * An arena the game built (say with {@link NavArena.Walls#CHAINS}, or to add its own bodies, such as the
         * player, to its world), instead of {@link #optLevel}. The scene steps it but does not dispose it: the
         * game disposes it after the scene.
         */
        public Builder optArena(NavArena arena) {
            if (arena == null) {
                throw new IllegalArgumentException("arena is null");
            }
            this.arena = arena;
            return this;
        }

        /**
         * The goal follows this body (in the arena's world, so with {@link #optArena}) instead of jumping to a
         * random tile when reached: after every physics step it moves to the body's position. Agents chase it.
         */
        public Builder optGoalFollows(Body target) {
            if (target == null) {
                throw new IllegalArgumentException("target is null");
            }
            this.goalTarget = target;
            return this;
        }

        /**
         * How far from the goal, along the floor, an agent starts an episode, in metres (default 4; the farthest
         * reachable tile when no tile is that far).
         */
        public Builder optMinStartDistance(float metres) {
            if (!(metres >= 0f)) {
                throw new IllegalArgumentException("minStartDistance must be 0 or more, was " + metres);
            }
            this.minStartDistance = metres;
            return this;
        }

        /** Number of agents (default 8). */
        public Builder optAgents(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("agents must be at least 1, was " + n);
            }
            this.agents = n;
            return this;
        }

        /** Seed of the goal and start tiles (default 1). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Seconds of physics per engine update (default 1/60). */
        public Builder optStepSeconds(float seconds) {
            if (!(seconds > 0f)) {
                throw new IllegalArgumentException("stepSeconds must be positive, was " + seconds);
            }
            this.stepSeconds = seconds;
            return this;
        }

        /** Frames between an agent's decisions (default 6). */
        public Builder optDecisionPeriod(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("decisionPeriod must be at least 1, was " + frames);
            }
            this.decisionPeriod = frames;
            return this;
        }

        /** Seconds before an episode is cut short (default 30, as {@link NavEnvironment}). */
        public Builder optMaxSeconds(float seconds) {
            if (!(seconds > 0f)) {
                throw new IllegalArgumentException("maxSeconds must be positive, was " + seconds);
            }
            this.maxSeconds = seconds;
            return this;
        }

        /**
         * Agents are shown a waypoint on the shortest floor path to the goal, up to {@code metres} ahead, instead of
         * the goal itself ({@link NavObservation#goalSensor(NavArena, Body, float)}): for maps with long detours, such
         * as generated dungeons. Default 0: the goal itself, as in training.
         */
        public Builder optWaypoints(float metres) {
            if (!(metres >= 0f)) {
                throw new IllegalArgumentException("waypoint look-ahead must be 0 or more, was " + metres);
            }
            this.lookAhead = metres;
            return this;
        }

        /**
         * With {@link #optWaypoints} and discrete actions: directions more than {@code degrees} away from the
         * direction to the waypoint are masked, so the policy chooses among those that follow the path (action
         * masking, as in ML-Agents). A policy trained in small open arenas dithers at the mouth of a long one-tile
         * corridor; 45 (three directions and "stay") keeps it going. Default 180: nothing masked.
         */
        public Builder optWaypointCone(float degrees) {
            if (!(degrees > 0f && degrees <= 180f)) {
                throw new IllegalArgumentException("the waypoint cone must be in (0, 180] degrees, was " + degrees);
            }
            this.coneDegrees = degrees;
            return this;
        }

        /** The priority of the agent system the scene adds when the engine has none (default 100). */
        public Builder optPriority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Builds the arena and adds the agents and systems to the engine.
         *
         * @throws IllegalStateException when a required setting is missing or the engine already holds a scene
         */
        public NavScene build() {
            if (engine == null) {
                throw new IllegalStateException("NavScene.Builder.setEngine(...) is required");
            }
            if (policy == null) {
                throw new IllegalStateException("NavScene.Builder.setPolicy(...) is required");
            }
            return new NavScene(this);
        }
    }
}
