package io.animata.core.agent;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.Fixture;
import com.badlogic.gdx.physics.box2d.RayCastCallback;
import com.badlogic.gdx.physics.box2d.World;
import java.util.Arrays;

/**
 * Casts rays from a Box2D body's centre with {@link World#rayCast} and reports what each ray hits first (ML-Agents'
 * ray perception): {@code rayCount} rays spread over an arc, each up to {@code length} metres. Per ray it writes
 * {@code tags.length + 1} floats: a one-hot of the detectable tag it hit (all zeros when it hit nothing, or something
 * without a detectable tag), then the hit distance as a fraction of the ray length (1 when nothing is within reach).
 *
 * <p>What a ray sees: a fixture's tag is its user data, or its body's user data when the fixture has none, compared
 * with {@code equals} to the detectable tags. Rays ignore the agent's own body, fixtures whose filter category is not
 * in {@link Config#optCategoryMask}, and sensor fixtures without a detectable tag (a tagged sensor fixture, such as a
 * goal area, is seen). Box2D does not report a fixture that contains the ray's start.
 *
 * <p>Directions: angle 0 is +x (world axes, or the body's forward when {@link Config#optRelativeToBody}), angles
 * grow counter-clockwise. With an arc of 360° the rays are {@code 360° / rayCount} apart starting at the centre
 * angle; with a smaller arc they run evenly from {@code centre - arc/2} to {@code centre + arc/2}.
 *
 * <pre>{@code
 * RaySensor.Config rays = RaySensor.config().setTags("wall", "obstacle", "goal").optRayCount(16).optLength(8f);
 * agent.sensors.add(new RaySensor(world, body, rays));   // 16 * 4 floats
 * }</pre>
 *
 * <p>Threading: game thread (Box2D is not thread-safe); never during {@code World.step}. Allocation-free: the
 * callback is a field and Box2D hands it reused vectors.
 */
public final class RaySensor implements Sensor {
    private final World world;
    private final Body body;
    private final Config config;
    private final Object[] tags;
    private final float[] cos;
    private final float[] sin;
    private final int stride;
    private final float[] fractions;
    private final int[] hitTags;
    private final float[] startX;
    private final float[] startY;
    private final float[] endX;
    private final float[] endY;
    private final Callback callback = new Callback();

    /**
     * @param world the world to cast in
     * @param body the agent's body: rays start at its centre and never see it
     * @param config the rays (shareable between agents)
     */
    public RaySensor(World world, Body body, Config config) {
        if (world == null || body == null || config == null) {
            throw new IllegalArgumentException("a ray sensor needs a world, a body and a config");
        }
        if (config.tags == null) {
            throw new IllegalStateException("RaySensor.Config.setTags(...) is required (it may be empty)");
        }
        this.world = world;
        this.body = body;
        this.config = config;
        this.tags = config.tags.clone();
        int n = config.rayCount;
        this.cos = new float[n];
        this.sin = new float[n];
        for (int i = 0; i < n; i++) {
            double angle = Math.toRadians(config.rayAngleDegrees(i));
            cos[i] = (float) Math.cos(angle);
            sin[i] = (float) Math.sin(angle);
        }
        this.stride = tags.length + 1;
        this.fractions = new float[n];
        this.hitTags = new int[n];
        this.startX = new float[n];
        this.startY = new float[n];
        this.endX = new float[n];
        this.endY = new float[n];
    }

    /** @return a new ray configuration; {@link Config#setTags} is required */
    public static Config config() {
        return new Config();
    }

    @Override
    public int width() {
        return config.rayCount * stride;
    }

    /** @return number of rays */
    public int rayCount() {
        return config.rayCount;
    }

    /** @return floats written per ray: the tags' one-hot and the distance fraction */
    public int floatsPerRay() {
        return stride;
    }

    @Override
    public void observe(float[] out, int offset) {
        cast();
        for (int r = 0; r < fractions.length; r++) {
            int base = offset + r * stride;
            Arrays.fill(out, base, base + stride - 1, 0f);
            if (hitTags[r] >= 0) {
                out[base + hitTags[r]] = 1f;
            }
            out[base + stride - 1] = fractions[r];
        }
    }

    /** Casts every ray now; the results are readable through {@link #hitFraction} and {@link #hitTag}. */
    public void cast() {
        Vector2 p = body.getPosition();
        float px = p.x;
        float py = p.y;
        float c = 1f;
        float s = 0f;
        if (config.relativeToBody) {
            float angle = body.getAngle();
            c = (float) Math.cos(angle);
            s = (float) Math.sin(angle);
        }
        float length = config.length;
        for (int r = 0; r < fractions.length; r++) {
            float dx = cos[r] * c - sin[r] * s;
            float dy = cos[r] * s + sin[r] * c;
            float ex = px + dx * length;
            float ey = py + dy * length;
            callback.fraction = 1f;
            callback.tag = -1;
            world.rayCast(callback, px, py, ex, ey);
            fractions[r] = callback.fraction;
            hitTags[r] = callback.tag;
            startX[r] = px;
            startY[r] = py;
            endX[r] = px + dx * length * callback.fraction;
            endY[r] = py + dy * length * callback.fraction;
        }
    }

    /** @return the last cast's hit distance of ray {@code ray} as a fraction of the length (1: nothing hit) */
    public float hitFraction(int ray) {
        return fractions[ray];
    }

    /** @return the index of the detectable tag ray {@code ray} hit last, or -1 (nothing, or an untagged fixture) */
    public int hitTag(int ray) {
        return hitTags[ray];
    }

    /** @return where ray {@code ray} started at the last cast (x), for drawing */
    public float rayStartX(int ray) {
        return startX[ray];
    }

    /** @return where ray {@code ray} started at the last cast (y), for drawing */
    public float rayStartY(int ray) {
        return startY[ray];
    }

    /** @return where ray {@code ray} stopped at the last cast (x): its hit point, or its full length */
    public float rayEndX(int ray) {
        return endX[ray];
    }

    /** @return where ray {@code ray} stopped at the last cast (y): its hit point, or its full length */
    public float rayEndY(int ray) {
        return endY[ray];
    }

    /** @return the configuration */
    public Config configuration() {
        return config;
    }

    private int tagOf(Fixture fixture) {
        Object data = fixture.getUserData();
        if (data == null) {
            data = fixture.getBody().getUserData();
        }
        if (data == null) {
            return -1;
        }
        for (int t = 0; t < tags.length; t++) {
            if (tags[t].equals(data)) {
                return t;
            }
        }
        return -1;
    }

    /** Keeps the closest fixture a ray reports (Box2D reports them in no particular order). */
    private final class Callback implements RayCastCallback {
        float fraction;
        int tag;

        @Override
        public float reportRayFixture(Fixture fixture, Vector2 point, Vector2 normal, float hitFraction) {
            if (fixture.getBody() == body || (fixture.getFilterData().categoryBits & config.categoryMask) == 0) {
                return -1f; // filter out: the ray goes on
            }
            int t = tagOf(fixture);
            if (t < 0 && fixture.isSensor()) {
                return -1f;
            }
            if (hitFraction < fraction) {
                fraction = hitFraction;
                tag = t;
            }
            return hitFraction; // clip the ray: only closer fixtures are reported from now on
        }
    }

    /**
     * The rays of a {@link RaySensor}: tags (required), count, arc, length, filtering. Immutable once a sensor uses it
     * (the sensor copies what it needs); shareable between agents. Not thread-safe while being set.
     */
    public static final class Config {
        private Object[] tags;
        private int rayCount = 8;
        private float arcDegrees = 360f;
        private float centreDegrees;
        private float length = 10f;
        private boolean relativeToBody;
        private short categoryMask = (short) 0xFFFF;

        private Config() {
        }

        /**
         * Required: the tags rays report (their index is the one-hot position), e.g. {@code "wall", "goal"}; may
         * be empty (then rays report distances only).
         */
        public Config setTags(Object... detectableTags) {
            if (detectableTags == null) {
                throw new IllegalArgumentException("tags is null; pass no tags for distances only");
            }
            for (Object tag : detectableTags) {
                if (tag == null) {
                    throw new IllegalArgumentException("a tag is null: " + Arrays.toString(detectableTags));
                }
            }
            this.tags = detectableTags.clone();
            return this;
        }

        /** Number of rays (default 8). */
        public Config optRayCount(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("rayCount must be at least 1, was " + n);
            }
            this.rayCount = n;
            return this;
        }

        /** The arc the rays cover, degrees in (0, 360] (default 360: all around). */
        public Config optArcDegrees(float degrees) {
            if (!(degrees > 0f && degrees <= 360f)) {
                throw new IllegalArgumentException("arc must be in (0, 360] degrees, was " + degrees);
            }
            this.arcDegrees = degrees;
            return this;
        }

        /** The arc's centre direction, degrees counter-clockwise from +x (default 0). */
        public Config optCentreDegrees(float degrees) {
            this.centreDegrees = degrees;
            return this;
        }

        /** Ray length, metres (default 10). */
        public Config optLength(float metres) {
            if (!(metres > 0f)) {
                throw new IllegalArgumentException("ray length must be positive, was " + metres);
            }
            this.length = metres;
            return this;
        }

        /** Whether the rays turn with the body (default false: world axes, for top-down agents that do not turn). */
        public Config optRelativeToBody(boolean relative) {
            this.relativeToBody = relative;
            return this;
        }

        /** Box2D filter categories rays can hit (default all): a fixture is seen when its category bits share one. */
        public Config optCategoryMask(short mask) {
            this.categoryMask = mask;
            return this;
        }

        /** @return number of rays */
        public int rayCount() {
            return rayCount;
        }

        /** @return the ray length, metres */
        public float length() {
            return length;
        }

        /** @return the detectable tags (a copy) */
        public Object[] tags() {
            return tags == null ? new Object[0] : tags.clone();
        }

        /** @return the direction of ray {@code i}, degrees counter-clockwise from the centre's reference (+x) */
        public float rayAngleDegrees(int i) {
            if (arcDegrees >= 360f) {
                return centreDegrees + i * 360f / rayCount;
            }
            if (rayCount == 1) {
                return centreDegrees;
            }
            return centreDegrees - arcDegrees / 2f + i * arcDegrees / (rayCount - 1);
        }

        /** @return floats a sensor with this config writes */
        public int width() {
            return rayCount * ((tags == null ? 0 : tags.length) + 1);
        }
    }
}
