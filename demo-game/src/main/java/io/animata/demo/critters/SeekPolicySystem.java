package io.animata.demo.critters;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.systems.IteratingSystem;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import io.animata.runtime.InferenceListener;
import io.animata.runtime.InferenceResult;
import io.animata.runtime.ModelQueue;

/**
 * Sensor, policy request and actuator for every critter ("request, then decide"): each frame it pushes each body
 * along the direction the policy last chose, then writes the critter's observation into a row and submits it to the
 * policy's {@link ModelQueue}. The whole flock is one batch, run by the AI runtime's worker; the results arrive at a
 * later {@code beginFrame} ({@link #onResult}) and become the critters' next actions. Until a result arrives a
 * critter repeats its last action.
 *
 * <p>Threading: game thread only ({@link #onResult} is called inside {@code AiRuntime.beginFrame}). Allocation-free
 * per frame: the observation row is a field, entities are visited by index, Box2D vectors are read in place.
 */
public final class SeekPolicySystem extends IteratingSystem implements InferenceListener {
    private static final float MIN_DISTANCE = 1e-4f;
    /** A critter switches to a nearer spark only when its current one is this many times farther (squared). */
    private static final float SWITCH_RATIO_SQUARED = 1.3f * 1.3f;

    private final ComponentMapper<CritterComponent> critters = ComponentMapper.getFor(CritterComponent.class);
    private final ModelQueue policy;
    private final Sparks sparks;
    private final float maxSpeed;
    private final float forceMagnitude;
    /** Observation scratch row, reused for every critter (the queue copies it at submit). */
    private final float[] row = new float[SeekPolicy.INPUT_WIDTH];
    /** Critters by request tag, so a result finds its critter without a search. */
    private CritterComponent[] byTag = new CritterComponent[64];
    private long decisions;
    private float distanceSum;
    private float closingSum;
    private int observed;
    private float meanTargetDistance;
    private float meanClosingSpeed;

    /**
     * @param policy the seek policy's queue (input width {@value SeekPolicy#INPUT_WIDTH})
     * @param sparks the targets
     * @param maxSpeed speed used to normalise velocities, metres per second
     * @param forceMagnitude force applied along the chosen direction, newtons
     * @param priority Ashley system priority (before the physics step)
     */
    public SeekPolicySystem(ModelQueue policy, Sparks sparks, float maxSpeed, float forceMagnitude, int priority) {
        super(Family.all(CritterComponent.class).get(), priority);
        if (policy.model().inputWidth() != SeekPolicy.INPUT_WIDTH) {
            throw new IllegalArgumentException("the policy takes rows of " + policy.model().inputWidth()
                    + " floats; this system writes " + SeekPolicy.INPUT_WIDTH);
        }
        this.policy = policy;
        this.sparks = sparks;
        this.maxSpeed = maxSpeed;
        this.forceMagnitude = forceMagnitude;
    }

    @Override
    public void update(float deltaTime) {
        distanceSum = 0f;
        closingSum = 0f;
        observed = 0;
        super.update(deltaTime);
        meanTargetDistance = observed == 0 ? 0f : distanceSum / observed;
        meanClosingSpeed = observed == 0 ? 0f : closingSum / observed;
    }

    @Override
    protected void processEntity(Entity entity, float deltaTime) {
        CritterComponent c = critters.get(entity);
        remember(c);
        Body body = c.body;

        // actuator: the last decision, repeated until a newer one arrives
        if (c.action != CritterComponent.NO_ACTION) {
            body.applyForceToCenter(SeekPolicy.directionX(c.action) * forceMagnitude,
                    SeekPolicy.directionY(c.action) * forceMagnitude, true);
        }

        // sensor: unit vector to the chased spark (the nearest one, with hysteresis), and velocity relative to top speed
        Vector2 p = body.getPosition();
        int target = sparks.nearest(p.x, p.y);
        float dx = sparks.x(target) - p.x;
        float dy = sparks.y(target) - p.y;
        if (c.target >= 0 && c.target != target && c.target < sparks.count()) {
            // hysteresis: keep chasing the current spark unless another is clearly nearer, so a critter midway
            // between two sparks does not dither between them
            float cx = sparks.x(c.target) - p.x;
            float cy = sparks.y(c.target) - p.y;
            if (cx * cx + cy * cy < SWITCH_RATIO_SQUARED * (dx * dx + dy * dy)) {
                target = c.target;
                dx = cx;
                dy = cy;
            }
        }
        float distance = (float) Math.sqrt(dx * dx + dy * dy);
        float inverse = distance > MIN_DISTANCE ? 1f / distance : 0f;
        Vector2 v = body.getLinearVelocity();
        row[0] = dx * inverse;
        row[1] = dy * inverse;
        row[2] = v.x / maxSpeed;
        row[3] = v.y / maxSpeed;
        c.target = target;
        c.targetDistance = distance;
        distanceSum += distance;
        closingSum += (v.x * dx + v.y * dy) * inverse;
        observed++;

        if (c.pendingRequest == 0) {
            // one request in flight per critter: when the worker falls behind, the batch does not pile up
            c.pendingRequest = policy.submit(row, 0, this, c.index);
        }
    }

    private void remember(CritterComponent c) {
        if (c.index >= byTag.length) {
            CritterComponent[] grown = new CritterComponent[Math.max(c.index + 1, byTag.length * 2)];
            System.arraycopy(byTag, 0, grown, 0, byTag.length);
            byTag = grown;
        }
        byTag[c.index] = c;
    }

    @Override
    public void onResult(long requestId, int tag, InferenceResult result) {
        CritterComponent c = tag < byTag.length ? byTag[tag] : null;
        if (c == null) {
            return; // a critter of a scene that was reset
        }
        c.pendingRequest = 0;
        c.action = result.argmax(0);
        c.decisions++;
        decisions++;
    }

    @Override
    public void removedFromEngine(Engine engine) {
        super.removedFromEngine(engine);
        forgetPending();
    }

    /** Drops every result still on its way (scene reset or removal), so it cannot steer a critter of a new scene. */
    public void forgetPending() {
        policy.cancelAll(this);
        for (CritterComponent c : byTag) {
            if (c != null) {
                c.pendingRequest = 0;
            }
        }
        java.util.Arrays.fill(byTag, null);
    }

    /** @return policy results applied so far */
    public long decisions() {
        return decisions;
    }

    /**
     * @return mean speed at which critters approached their targets at the last observation (velocity projected on
     *     the direction to the target), metres per second: near the top speed when seeking works, about 0 for
     *     critters that drift
     */
    public float meanClosingSpeed() {
        return meanClosingSpeed;
    }

    /** @return mean distance from each critter to the spark it chases at the last observation, in metres */
    public float meanTargetDistance() {
        return meanTargetDistance;
    }
}
