package io.animata.demo.npc;

import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.agent.env.NavArena;
import io.animata.demo.PlayerComponent;

/**
 * Moves the NPCs that follow the player: each steers for the point the level's floor path to the player shows it
 * ({@link NavArena#waypoint}: the bots' goal follows the player, so its distance fields lead there round walls), with
 * the force that gives {@value #SPEED} m/s against its damping, and stops within {@value #KEEP_DISTANCE} m of the
 * player. Runs before the physics step.
 *
 * <p>Threading: game thread; allocation-free.
 */
public final class CompanionSystem extends EntitySystem {
    /** A companion's top speed, metres per second (the player runs at 5, the bots at 3). */
    public static final float SPEED = 4.5f;
    /** A companion stops this close to the player, metres between centres. */
    public static final float KEEP_DISTANCE = 1.2f;
    /** How far along the floor path a companion looks for the point it heads for, metres. */
    public static final float LOOK_AHEAD = 3f;

    private final DemoNpcs npcs;
    private final Vector2 waypoint = new Vector2();

    CompanionSystem(int priority, DemoNpcs npcs) {
        super(priority);
        this.npcs = npcs;
    }

    @Override
    public void update(float deltaTime) {
        PlayerComponent player = npcs.player();
        NavArena arena = npcs.arena();
        if (player.body == null || arena == null) {
            return;
        }
        Vector2 target = player.body.getPosition();
        for (int i = 0; i < npcs.count(); i++) {
            NpcComponent npc = npcs.npc(i);
            Body body = npc.body;
            if (!npc.following || body == null) {
                continue;
            }
            Vector2 p = body.getPosition();
            if (p.dst2(target) < KEEP_DISTANCE * KEEP_DISTANCE) {
                continue; // close enough: its damping stops it
            }
            arena.waypoint(p.x, p.y, LOOK_AHEAD, waypoint);
            float dx = waypoint.x - p.x;
            float dy = waypoint.y - p.y;
            float d = (float) Math.sqrt(dx * dx + dy * dy);
            if (d < 1e-3f) {
                dx = target.x - p.x;
                dy = target.y - p.y;
                d = (float) Math.sqrt(dx * dx + dy * dy);
            }
            float force = body.getMass() * body.getLinearDamping() * SPEED / d;
            body.applyForceToCenter(dx * force, dy * force, true);
        }
    }
}
