package io.animata.demo.critters;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.utils.ImmutableArray;
import com.badlogic.gdx.math.Vector2;

/**
 * Moves the sparks and catches them: a spark touched by a critter counts as caught and jumps somewhere else.
 *
 * <p>Threading: game thread only; allocation-free.
 */
public final class SparkSystem extends EntitySystem {
    private final ComponentMapper<CritterComponent> critters = ComponentMapper.getFor(CritterComponent.class);
    private final Sparks sparks;
    private final float catchRadius2;
    private final float step;
    private ImmutableArray<Entity> entities;
    private long caught;

    /**
     * @param sparks the sparks
     * @param catchRadius centre distance at which a critter catches a spark, metres
     * @param step seconds simulated per update
     * @param priority Ashley system priority (after the physics step)
     */
    public SparkSystem(Sparks sparks, float catchRadius, float step, int priority) {
        super(priority);
        this.sparks = sparks;
        this.catchRadius2 = catchRadius * catchRadius;
        this.step = step;
    }

    @Override
    public void addedToEngine(Engine engine) {
        entities = engine.getEntitiesFor(Family.all(CritterComponent.class).get());
    }

    @Override
    public void update(float deltaTime) {
        sparks.move(step);
        for (int s = 0; s < sparks.count(); s++) {
            float sx = sparks.x(s);
            float sy = sparks.y(s);
            for (int i = 0; i < entities.size(); i++) {
                Vector2 p = critters.get(entities.get(i)).body.getPosition();
                float dx = p.x - sx;
                float dy = p.y - sy;
                if (dx * dx + dy * dy <= catchRadius2) {
                    caught++;
                    sparks.respawn(s);
                    break;
                }
            }
        }
    }

    /** @return sparks caught so far */
    public long caught() {
        return caught;
    }
}
