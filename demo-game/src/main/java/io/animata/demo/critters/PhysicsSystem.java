package io.animata.demo.critters;

import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.gdx.physics.box2d.World;

/**
 * Steps the Box2D world by one fixed timestep per engine update. The {@link CritterWorld} calls the engine at a fixed
 * rate, so the step does not depend on the render frame time (the same seed gives the same run).
 *
 * <p>Threading: game thread only.
 */
public final class PhysicsSystem extends EntitySystem {
    private static final int VELOCITY_ITERATIONS = 6;
    private static final int POSITION_ITERATIONS = 2;

    private final World world;
    private final float step;

    /**
     * @param world the scene's world
     * @param step seconds simulated per update
     * @param priority Ashley system priority (after the actuators)
     */
    public PhysicsSystem(World world, float step, int priority) {
        super(priority);
        this.world = world;
        this.step = step;
    }

    @Override
    public void update(float deltaTime) {
        world.step(step, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
    }
}
