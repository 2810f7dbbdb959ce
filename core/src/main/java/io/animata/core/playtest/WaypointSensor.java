package io.animata.core.playtest;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.agent.Sensor;
import io.animata.core.agent.env.NavArena;
import io.animata.core.agent.env.NavObservation;

/**
 * The goal part of a {@link NavObservation} (unit vector to the goal, distance, velocity), with the explorer's
 * waypoint as the goal. Threading: one bot run's thread; allocation-free.
 */
final class WaypointSensor implements Sensor {
    private final Body body;
    private float targetX;
    private float targetY;

    WaypointSensor(Body body) {
        this.body = body;
    }

    void setTarget(float x, float y) {
        targetX = x;
        targetY = y;
    }

    @Override
    public int width() {
        return NavObservation.WIDTH - NavObservation.GOAL_OFFSET;
    }

    @Override
    public void observe(float[] out, int offset) {
        Vector2 p = body.getPosition();
        float dx = targetX - p.x;
        float dy = targetY - p.y;
        float distance = (float) Math.sqrt(dx * dx + dy * dy);
        float inverse = distance > 1e-6f ? 1f / distance : 0f;
        Vector2 v = body.getLinearVelocity();
        out[offset] = dx * inverse;
        out[offset + 1] = dy * inverse;
        out[offset + 2] = Math.min(distance / NavObservation.DISTANCE_SCALE, 1f);
        out[offset + 3] = v.x / NavArena.MAX_SPEED;
        out[offset + 4] = v.y / NavArena.MAX_SPEED;
    }
}
