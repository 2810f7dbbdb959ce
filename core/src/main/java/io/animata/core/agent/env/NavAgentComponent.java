package io.animata.core.agent.env;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.utils.Pool.Poolable;
import io.animata.core.agent.RaySensor;

/**
 * A {@code nav} agent of a {@link NavScene}: its body, its ray sensor (for drawing the rays), its distance to the
 * goal at the last step and how often it reached the goal.
 *
 * <p>Data only; {@link NavScene}'s systems write it on the game thread.
 */
public final class NavAgentComponent implements Component, Poolable {
    /** The agent's body in the scene's arena. */
    public Body body;
    /** The agent's ray sensor (also in its {@code AgentComponent.sensors}). */
    public RaySensor rays;
    /** Distance to the goal along the floor after the last physics step, metres. */
    public float distance;
    /** Episodes that ended at the goal. */
    public long successes;
    /** The scene the agent belongs to. */
    NavScene scene;

    @Override
    public void reset() {
        body = null;
        rays = null;
        distance = 0f;
        successes = 0L;
        scene = null;
    }
}
