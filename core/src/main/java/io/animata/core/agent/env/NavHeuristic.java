package io.animata.core.agent.env;

import io.animata.core.agent.HeuristicPolicy;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;

/**
 * A scripted {@code nav} driver, the baseline a trained policy has to beat: it reads only the
 * {@link NavObservation} and steers towards the goal while keeping clear of what the rays see. For each of the 8
 * move directions it scores how well the direction points at the goal, how much room the rays give in that
 * direction (the closest of the three rays around it), and how well it continues the current velocity (so that,
 * once sliding along a wall, it keeps going until it is past it); a direction whose ray sees the goal wins outright.
 * Memoryless and deterministic, so it can get stuck in dead ends a learned policy may escape.
 *
 * <p>Threading: stateless; {@link #decide} allocates nothing and may be shared by every agent.
 */
public final class NavHeuristic {
    /** Directions the heuristic chooses between (45° apart, as the discrete nav actions). */
    private static final int DIRECTIONS = 8;
    private static final int RAYS_PER_DIRECTION = NavObservation.RAY_COUNT / DIRECTIONS;
    /** Clearance under which a direction is treated as blocked, metres. */
    private static final float BLOCKED = 0.7f;
    /** Clearance beyond which more room does not matter, metres. */
    private static final float ROOMY = 3f;
    private static final float ROOM_WEIGHT = 0.6f;
    private static final float MOMENTUM_WEIGHT = 0.45f;

    private static final float[] COS = new float[DIRECTIONS];
    private static final float[] SIN = new float[DIRECTIONS];

    static {
        for (int k = 0; k < DIRECTIONS; k++) {
            COS[k] = (float) Math.cos(2 * Math.PI * k / DIRECTIONS);
            SIN[k] = (float) Math.sin(2 * Math.PI * k / DIRECTIONS);
        }
    }

    /**
     * @param observation a {@link NavObservation} row
     * @return the best direction, {@code 0..7} (angle {@code k * 45°} from +x)
     */
    public int chooseDirection(float[] observation) {
        float gx = observation[NavObservation.GOAL_OFFSET];
        float gy = observation[NavObservation.GOAL_OFFSET + 1];
        float vx = observation[NavObservation.VELOCITY_OFFSET];
        float vy = observation[NavObservation.VELOCITY_OFFSET + 1];
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < DIRECTIONS; k++) {
            int centre = k * RAYS_PER_DIRECTION;
            if (seesGoal(observation, centre)) {
                return k;
            }
            float room = Float.POSITIVE_INFINITY;
            for (int d = -1; d <= 1; d++) {
                int ray = Math.floorMod(centre + d, NavObservation.RAY_COUNT);
                room = Math.min(room, clearance(observation, ray) * (d == 0 ? 1f : 1.4f));
            }
            float score = COS[k] * gx + SIN[k] * gy
                    + ROOM_WEIGHT * Math.min(room, ROOMY) / ROOMY
                    + MOMENTUM_WEIGHT * (COS[k] * vx + SIN[k] * vy);
            if (room < BLOCKED) {
                score -= 10f;
            }
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    private static boolean seesGoal(float[] observation, int ray) {
        return observation[ray * NavObservation.FLOATS_PER_RAY + NavObservation.GOAL] > 0.5f;
    }

    /** @return metres of free space along the ray (the full length when it hits nothing or the goal) */
    private static float clearance(float[] observation, int ray) {
        int base = ray * NavObservation.FLOATS_PER_RAY;
        if (observation[base + NavObservation.GOAL] > 0.5f) {
            return NavObservation.RAY_LENGTH;
        }
        return observation[base + NavObservation.FLOATS_PER_RAY - 1] * NavObservation.RAY_LENGTH;
    }

    /**
     * Writes the decision in the nav action space: discrete option {@code 1 + direction} (see
     * {@link io.animata.core.agent.DirectionActuator}), or, for the continuous space, the unit vector of the
     * direction.
     *
     * @param observation a {@link NavObservation} row
     * @param action a buffer of {@link NavEnvironment#DISCRETE_ACTIONS} or {@link NavEnvironment#CONTINUOUS_ACTIONS}
     */
    public void decide(float[] observation, ActionBuffer action) {
        int k = chooseDirection(observation);
        if (action.discrete.length > 0) {
            action.discrete[0] = 1 + k;
        } else {
            action.continuous[0] = COS[k];
            action.continuous[1] = SIN[k];
        }
    }

    /**
     * @param space {@link NavEnvironment#DISCRETE_ACTIONS} or {@link NavEnvironment#CONTINUOUS_ACTIONS}
     * @return this heuristic as a policy for agents of a {@link NavScene}
     */
    public HeuristicPolicy policy(ActionSpace space) {
        if (!space.equals(NavEnvironment.DISCRETE_ACTIONS) && !space.equals(NavEnvironment.CONTINUOUS_ACTIONS)) {
            throw new IllegalArgumentException("the nav heuristic acts in " + NavEnvironment.DISCRETE_ACTIONS + " or "
                    + NavEnvironment.CONTINUOUS_ACTIONS + ", not " + space);
        }
        return new HeuristicPolicy(space, NavObservation.WIDTH, (entity, agent, action) ->
                decide(agent.observation(), action));
    }
}
