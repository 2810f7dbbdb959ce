package io.animata.demo.critters;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * A critter: its Box2D body, its slot in the policy batch, and the last action the policy chose for it.
 *
 * <p>Data only; {@link SeekPolicySystem} reads and writes it on the game thread.
 */
public final class CritterComponent implements Component, Poolable {
    /** No action decided yet: the critter coasts. */
    public static final int NO_ACTION = -1;

    /** The critter's dynamic circle body (owned by the {@link CritterWorld}'s Box2D world). */
    public Body body;
    /** Stable index of the critter in its scene, {@code [0, critters)}; the request tag handed to the policy. */
    public int index;
    /** Direction chosen by the policy, {@code [0, SeekPolicy.ACTIONS)}, or {@link #NO_ACTION}; kept until the next. */
    public int action = NO_ACTION;
    /** Index of the spark the critter chases (the nearest one, with hysteresis), or -1 before the first frame. */
    public int target = -1;
    /** Distance to that spark at the last observation, in metres. */
    public float targetDistance;
    /** Policy results applied to this critter. */
    public long decisions;
    /** Id of the policy request still on its way, or 0: a critter asks again only once it has its answer. */
    public long pendingRequest;

    @Override
    public void reset() {
        pendingRequest = 0;
        body = null;
        index = 0;
        action = NO_ACTION;
        target = -1;
        targetDistance = 0f;
        decisions = 0L;
    }
}
