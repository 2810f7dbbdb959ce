package io.animata.demo;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.systems.IteratingSystem;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;

/**
 * Moves the player: asks its {@link PlayerInput} for a direction and pushes the body with the force that, against
 * the body's linear damping, gives the player's top speed. Runs before the physics step.
 *
 * <p>Threading: game thread; allocation-free.
 */
public final class PlayerSystem extends IteratingSystem {
    private final ComponentMapper<PlayerComponent> players = ComponentMapper.getFor(PlayerComponent.class);

    /** @param priority Ashley priority: before the agents and the physics step */
    public PlayerSystem(int priority) {
        super(Family.all(PlayerComponent.class).get(), priority);
    }

    @Override
    protected void processEntity(Entity entity, float deltaTime) {
        PlayerComponent p = players.get(entity);
        Body body = p.body;
        if (body == null || p.input == null) {
            return;
        }
        if (p.graceFrames > 0) {
            p.graceFrames--;
        }
        Vector2 wanted = p.wanted;
        p.input.move(p, wanted);
        float len2 = wanted.len2();
        if (len2 > 1f) {
            wanted.scl(1f / (float) Math.sqrt(len2));
        }
        if (len2 > 0.01f) {
            p.facing.set(wanted).nor();
        }
        float force = body.getMass() * body.getLinearDamping() * p.speed;
        body.applyForceToCenter(wanted.x * force, wanted.y * force, true);
    }
}
