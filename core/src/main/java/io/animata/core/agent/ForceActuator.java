package io.animata.core.agent;

import com.badlogic.gdx.physics.box2d.Body;

/**
 * Two continuous actions as a force on a Box2D body's centre: {@code (x, y)} in [-1, 1] each, limited to the unit
 * disc (so diagonals are no stronger than straight moves), times {@code maxForce} newtons, in world axes.
 *
 * <p>Threading: game thread (Box2D is not thread-safe). Allocation-free.
 */
public final class ForceActuator extends ContinuousActuator {
    private final Body body;
    private final float maxForce;

    /**
     * @param body the body to push
     * @param maxForce force at full action, newtons, positive
     */
    public ForceActuator(Body body, float maxForce) {
        super(2);
        if (body == null) {
            throw new IllegalArgumentException("body is null");
        }
        if (!(maxForce > 0f)) {
            throw new IllegalArgumentException("maxForce must be positive, was " + maxForce);
        }
        this.body = body;
        this.maxForce = maxForce;
    }

    @Override
    protected void act(float[] values) {
        float x = values[0];
        float y = values[1];
        float lengthSquared = x * x + y * y;
        float scale = lengthSquared > 1f ? maxForce / (float) Math.sqrt(lengthSquared) : maxForce;
        if (lengthSquared > 0f) {
            body.applyForceToCenter(x * scale, y * scale, true);
        }
    }
}
