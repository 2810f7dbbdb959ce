package io.animata.core.agent.env;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.agent.ActionMask;
import io.animata.core.agent.DiscreteActuator;

/**
 * Masks the directions of an 8-direction {@link io.animata.core.agent.DirectionActuator} that lead more than a given
 * angle away from the agent's waypoint ({@link NavArena#waypoint}), so that the policy chooses among the directions
 * that follow the floor path. Option 0 (no push) stays allowed.
 *
 * <p>Threading: game thread; allocation-free.
 */
final class WaypointMasker implements DiscreteActuator.Masker {
    private static final int DIRECTIONS = 8;

    private final NavArena arena;
    private final Body body;
    private final float lookAhead;
    private final float minCosine;
    private final float[] cos = new float[DIRECTIONS + 1];
    private final float[] sin = new float[DIRECTIONS + 1];
    private final Vector2 waypoint = new Vector2();

    /**
     * @param lookAhead how far along the path the waypoint is looked for, metres (as the agent's goal sensor)
     * @param degrees the largest angle between an allowed direction and the waypoint's
     */
    WaypointMasker(NavArena arena, Body body, float lookAhead, float degrees) {
        this.arena = arena;
        this.body = body;
        this.lookAhead = lookAhead;
        this.minCosine = (float) Math.cos(Math.toRadians(degrees)) - 1e-4f;
        for (int k = 1; k <= DIRECTIONS; k++) {
            // the same directions as DirectionActuator: option k points at (k - 1) * 45° from +x
            double angle = 2.0 * Math.PI * (k - 1) / DIRECTIONS;
            cos[k] = (float) Math.cos(angle);
            sin[k] = (float) Math.sin(angle);
        }
    }

    @Override
    public void mask(ActionMask mask, int firstBranch) {
        Vector2 p = body.getPosition();
        arena.waypoint(p.x, p.y, lookAhead, waypoint);
        float dx = waypoint.x - p.x;
        float dy = waypoint.y - p.y;
        float length = (float) Math.sqrt(dx * dx + dy * dy);
        if (length < 1e-4f) {
            return; // on the waypoint: any direction
        }
        for (int k = 1; k <= DIRECTIONS; k++) {
            if ((cos[k] * dx + sin[k] * dy) / length < minCosine) {
                mask.mask(firstBranch, k);
            }
        }
    }
}
