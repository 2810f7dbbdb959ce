package io.animata.core.agent.env;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.agent.RaySensor;
import io.animata.core.agent.Sensor;

/**
 * The observation of the {@code nav} task, the same in {@link NavEnvironment} and {@link NavScene}
 * ({@value #WIDTH} floats):
 * <pre>
 * [0, 64)   16 rays all around, 10 m long, world axes (ray k points at k * 22.5° from +x): per ray a one-hot of
 *           wall / obstacle / goal, then the hit distance as a fraction of 10 m (1: nothing)   ({@link RaySensor})
 * [64, 66)  unit vector from the agent to the goal (straight line; or to a waypoint on the floor path to it, see
 *           {@link #goalSensor(NavArena, Body, float)}, which reports the waypoint as the goal at 64 to 66)
 * 66        straight distance to the goal / {@value #DISTANCE_SCALE} m, at most 1
 * [67, 69)  velocity / {@link NavArena#MAX_SPEED}
 * </pre>
 *
 * <p>Threading: the sensors are used on one thread (Box2D is not thread-safe).
 */
public final class NavObservation {
    /** Rays all around the agent. */
    public static final int RAY_COUNT = 16;
    /** Ray length, metres. */
    public static final float RAY_LENGTH = 10f;
    /** Floats per ray: wall, obstacle, goal, distance. */
    public static final int FLOATS_PER_RAY = 4;
    /** Index of the goal direction's x. */
    public static final int GOAL_OFFSET = RAY_COUNT * FLOATS_PER_RAY;
    /** Index of the goal distance. */
    public static final int DISTANCE_OFFSET = GOAL_OFFSET + 2;
    /** Index of the velocity's x. */
    public static final int VELOCITY_OFFSET = DISTANCE_OFFSET + 1;
    /** Floats in one observation. */
    public static final int WIDTH = VELOCITY_OFFSET + 2;
    /** Distance that reads as 1, metres. */
    public static final float DISTANCE_SCALE = 20f;
    /** One-hot position of a wall in a ray's floats. */
    public static final int WALL = 0;
    /** One-hot position of an obstacle in a ray's floats. */
    public static final int OBSTACLE = 1;
    /** One-hot position of the goal in a ray's floats. */
    public static final int GOAL = 2;

    private static final RaySensor.Config RAYS = RaySensor.config()
            .setTags(NavArena.WALL_TAG, NavArena.OBSTACLE_TAG, NavArena.GOAL_TAG)
            .optRayCount(RAY_COUNT)
            .optLength(RAY_LENGTH)
            .optCategoryMask((short) (NavArena.SCENERY | NavArena.GOAL));

    private NavObservation() {
    }

    /** @return the nav ray configuration (shared; do not change it) */
    public static RaySensor.Config rays() {
        return RAYS;
    }

    /** @return the ray sensor of an agent in the arena */
    public static RaySensor raySensor(NavArena arena, Body agent) {
        return new RaySensor(arena.world(), agent, RAYS);
    }

    /** @return the goal-and-velocity sensor of an agent in the arena (5 floats) */
    public static Sensor goalSensor(NavArena arena, Body agent) {
        return new GoalSensor(arena, agent, 0f);
    }

    /**
     * The goal-and-velocity sensor of an agent that follows the floor path: it reports the direction and straight
     * distance of {@link NavArena#waypoint} (the farthest point in sight up to {@code lookAhead} metres along the
     * shortest path) as if it were the goal: a carrot that stays within the distances a policy saw in small training
     * arenas. For maps with long detours (generated dungeons), where a policy that heads straight for the goal gets
     * stuck behind walls. With {@code lookAhead} 0 it is {@link #goalSensor(NavArena, Body)}.
     *
     * @param lookAhead how far along the path to look, metres
     */
    public static Sensor goalSensor(NavArena arena, Body agent, float lookAhead) {
        if (!(lookAhead >= 0f)) {
            throw new IllegalArgumentException("lookAhead must be 0 or more, was " + lookAhead);
        }
        return new GoalSensor(arena, agent, lookAhead);
    }

    /** Goal (or waypoint) direction, goal distance and velocity. */
    private static final class GoalSensor implements Sensor {
        private final NavArena arena;
        private final Body body;
        private final float lookAhead;
        private final Vector2 waypoint = new Vector2();

        GoalSensor(NavArena arena, Body body, float lookAhead) {
            this.arena = arena;
            this.body = body;
            this.lookAhead = lookAhead;
        }

        @Override
        public int width() {
            return WIDTH - GOAL_OFFSET;
        }

        @Override
        public void observe(float[] out, int offset) {
            Vector2 p = body.getPosition();
            float dx = arena.goalX() - p.x;
            float dy = arena.goalY() - p.y;
            float distance = (float) Math.sqrt(dx * dx + dy * dy);
            if (lookAhead > 0f) {
                distance = Math.min(arena.distanceToGoal(p.x, p.y), lookAhead);
                arena.waypoint(p.x, p.y, lookAhead, waypoint);
                dx = waypoint.x - p.x;
                dy = waypoint.y - p.y;
            }
            float length = (float) Math.sqrt(dx * dx + dy * dy);
            float inverse = length > 1e-6f ? 1f / length : 0f;
            Vector2 v = body.getLinearVelocity();
            out[offset] = dx * inverse;
            out[offset + 1] = dy * inverse;
            out[offset + 2] = Math.min(distance / DISTANCE_SCALE, 1f);
            out[offset + 3] = v.x / NavArena.MAX_SPEED;
            out[offset + 4] = v.y / NavArena.MAX_SPEED;
        }
    }
}
