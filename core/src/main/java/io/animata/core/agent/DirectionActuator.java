package io.animata.core.agent;

import com.badlogic.gdx.physics.box2d.Body;

/**
 * One discrete branch of {@code directions + 1} options as a force on a Box2D body's centre: option 0 pushes not
 * at all, option {@code k} (1..directions) pushes with {@code force} newtons towards the angle
 * {@code (k - 1) * 360° / directions}, counter-clockwise from +x in world axes. With 8 directions: 1 east, 2
 * north-east, 3 north, ... 8 south-east.
 *
 * <p>Threading: game thread (Box2D is not thread-safe). Allocation-free.
 */
public final class DirectionActuator extends DiscreteActuator {
    private final Body body;
    private final float force;
    private final float[] cos;
    private final float[] sin;
    private final Masker masker;

    /**
     * @param body the body to push
     * @param directions number of directions, at least 1
     * @param force newtons, positive
     */
    public DirectionActuator(Body body, int directions, float force) {
        this(body, directions, force, null);
    }

    /**
     * @param body the body to push
     * @param directions number of directions, at least 1
     * @param force newtons, positive
     * @param masker forbids directions before each decision (branch {@code firstBranch}), or null for none
     */
    public DirectionActuator(Body body, int directions, float force, Masker masker) {
        super(checkDirections(directions) + 1);
        if (body == null) {
            throw new IllegalArgumentException("body is null");
        }
        if (!(force > 0f)) {
            throw new IllegalArgumentException("force must be positive, was " + force);
        }
        this.body = body;
        this.force = force;
        this.masker = masker;
        this.cos = new float[directions + 1];
        this.sin = new float[directions + 1];
        for (int k = 1; k <= directions; k++) {
            double angle = 2.0 * Math.PI * (k - 1) / directions;
            cos[k] = (float) Math.cos(angle);
            sin[k] = (float) Math.sin(angle);
        }
    }

    private static int checkDirections(int directions) {
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be at least 1, was " + directions);
        }
        return directions;
    }

    /** @return the x component of option {@code k}'s unit direction (0 for option 0) */
    public float directionX(int option) {
        return cos[option];
    }

    /** @return the y component of option {@code k}'s unit direction (0 for option 0) */
    public float directionY(int option) {
        return sin[option];
    }

    @Override
    protected void act(int[] choices) {
        int k = choices[0];
        if (k > 0) {
            body.applyForceToCenter(cos[k] * force, sin[k] * force, true);
        }
    }

    @Override
    protected void mask(ActionMask mask, int firstBranch) {
        if (masker != null) {
            masker.mask(mask, firstBranch);
        }
    }
}
