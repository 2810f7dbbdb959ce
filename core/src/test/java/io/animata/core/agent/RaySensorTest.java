package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.Fixture;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.Shape;
import com.badlogic.gdx.physics.box2d.World;
import io.animata.core.testing.Box2dTests;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ray geometry on known Box2D scenes. */
class RaySensorTest {
    private static final float EPS = 1e-4f;

    private World world;
    private Body agent;

    @BeforeAll
    static void natives() {
        Box2dTests.init();
    }

    private void scene() {
        world = new World(new Vector2(0, 0), true);
        agent = circle(BodyDef.BodyType.DynamicBody, 0f, 0f, 0.5f, false, null);
    }

    @AfterEach
    void dispose() {
        if (world != null) {
            world.dispose();
        }
    }

    private Body circle(BodyDef.BodyType type, float x, float y, float radius, boolean sensor, Object tag) {
        CircleShape shape = new CircleShape();
        shape.setRadius(radius);
        return body(type, x, y, shape, sensor, tag);
    }

    private Body box(float x, float y, float halfWidth, float halfHeight, Object tag) {
        PolygonShape shape = new PolygonShape();
        shape.setAsBox(halfWidth, halfHeight);
        return body(BodyDef.BodyType.StaticBody, x, y, shape, false, tag);
    }

    private Body body(BodyDef.BodyType type, float x, float y, Shape shape, boolean sensor, Object tag) {
        BodyDef def = new BodyDef();
        def.type = type;
        def.position.set(x, y);
        Body body = world.createBody(def);
        FixtureDef fixture = new FixtureDef();
        fixture.shape = shape;
        fixture.isSensor = sensor;
        body.createFixture(fixture).setUserData(tag);
        shape.dispose();
        return body;
    }

    private float[] observe(RaySensor sensor) {
        float[] out = new float[sensor.width() + 2];
        out[0] = -7f;
        out[out.length - 1] = -7f;
        sensor.observe(out, 1);
        assertEquals(-7f, out[0]);
        assertEquals(-7f, out[out.length - 1]);
        return java.util.Arrays.copyOfRange(out, 1, out.length - 1);
    }

    @Test
    void fourRaysReportTheWallEastAndNothingElsewhere() {
        scene();
        box(5f, 0f, 0.5f, 3f, "wall");
        RaySensor sensor = new RaySensor(world, agent, RaySensor.config().setTags("wall", "goal").optRayCount(4)
                .optLength(10f));

        float[] out = observe(sensor);

        assertEquals(12, sensor.width());
        assertArrayEquals(new float[] {1, 0, 0.45f, 0, 0, 1, 0, 0, 1, 0, 0, 1}, out, EPS);
        assertEquals(4.5f, sensor.rayEndX(0), EPS);
        assertEquals(-10f, sensor.rayEndX(2), EPS);
    }

    @Test
    void aTaggedSensorFixtureIsSeenAndAnUntaggedOneIsNot() {
        scene();
        circle(BodyDef.BodyType.StaticBody, 0f, 3f, 0.5f, true, "goal");
        circle(BodyDef.BodyType.StaticBody, 0f, -3f, 0.5f, true, null); // a trigger area: transparent
        box(0f, -6f, 3f, 0.5f, "wall");
        RaySensor sensor = new RaySensor(world, agent, RaySensor.config().setTags("wall", "goal").optRayCount(4));

        float[] out = observe(sensor);

        assertArrayEquals(new float[] {0, 1, 0.25f}, java.util.Arrays.copyOfRange(out, 3, 6), EPS);
        assertArrayEquals(new float[] {1, 0, 0.55f}, java.util.Arrays.copyOfRange(out, 9, 12), EPS);
        assertEquals(1, sensor.hitTag(1));
        assertEquals(0, sensor.hitTag(3));
    }

    @Test
    void anUntaggedSolidFixtureStopsTheRayWithoutATag() {
        scene();
        box(3f, 0f, 0.5f, 1f, "crate");
        box(6f, 0f, 0.5f, 1f, "wall");
        RaySensor sensor = new RaySensor(world, agent, RaySensor.config().setTags("wall").optRayCount(1));

        assertArrayEquals(new float[] {0, 0.25f}, observe(sensor), EPS);
        assertEquals(-1, sensor.hitTag(0));
    }

    @Test
    void theClosestOfSeveralHitsWinsWhateverOrderBox2dReportsThemIn() {
        scene();
        box(8f, 0f, 0.5f, 1f, "wall");
        box(3f, 0f, 0.5f, 1f, "obstacle");
        box(6f, 0f, 0.5f, 1f, "wall");
        RaySensor sensor = new RaySensor(world, agent, RaySensor.config().setTags("wall", "obstacle").optRayCount(1));

        assertArrayEquals(new float[] {0, 1, 0.25f}, observe(sensor), EPS);
    }

    @Test
    void fixturesOutsideTheCategoryMaskAreIgnored() {
        scene();
        Body other = circle(BodyDef.BodyType.DynamicBody, 2f, 0f, 0.5f, false, "agent");
        Fixture fixture = other.getFixtureList().first();
        com.badlogic.gdx.physics.box2d.Filter filter = fixture.getFilterData();
        filter.categoryBits = 0x0002;
        fixture.setFilterData(filter);
        box(5f, 0f, 0.5f, 1f, "wall");
        RaySensor sensor = new RaySensor(world, agent, RaySensor.config().setTags("wall", "agent").optRayCount(1)
                .optCategoryMask((short) 0x0001));

        assertArrayEquals(new float[] {1, 0, 0.45f}, observe(sensor), EPS);
    }

    @Test
    void aBodysUserDataTagsFixturesWithoutTheirOwn() {
        scene();
        Body wall = box(4f, 0f, 0.5f, 1f, null);
        wall.setUserData("wall");
        RaySensor sensor = new RaySensor(world, agent, RaySensor.config().setTags("wall").optRayCount(1));

        assertArrayEquals(new float[] {1, 0.35f}, observe(sensor), EPS);
    }

    @Test
    void raysSpreadEvenlyOverAnArcAroundItsCentre() {
        RaySensor.Config arc = RaySensor.config().setTags().optRayCount(3).optArcDegrees(90f).optCentreDegrees(90f);
        RaySensor.Config all = RaySensor.config().setTags().optRayCount(4).optCentreDegrees(45f);

        assertArrayEquals(new float[] {45f, 90f, 135f},
                new float[] {arc.rayAngleDegrees(0), arc.rayAngleDegrees(1), arc.rayAngleDegrees(2)}, EPS);
        assertArrayEquals(new float[] {45f, 135f, 225f, 315f}, new float[] {all.rayAngleDegrees(0),
                all.rayAngleDegrees(1), all.rayAngleDegrees(2), all.rayAngleDegrees(3)}, EPS);
    }

    @Test
    void raysRelativeToTheBodyTurnWithIt() {
        scene();
        box(0f, 5f, 3f, 0.5f, "wall");
        agent.setTransform(0f, 0f, (float) Math.PI / 2f);
        RaySensor turning = new RaySensor(world, agent, RaySensor.config().setTags("wall").optRayCount(1)
                .optRelativeToBody(true));
        RaySensor fixed = new RaySensor(world, agent, RaySensor.config().setTags("wall").optRayCount(1));

        assertArrayEquals(new float[] {1, 0.45f}, observe(turning), EPS);
        assertArrayEquals(new float[] {0, 1f}, observe(fixed), EPS);
    }

    @Test
    void aConfigWithoutTagsIsRefused() {
        scene();
        assertThrows(IllegalStateException.class, () -> new RaySensor(world, agent, RaySensor.config()));
        assertThrows(IllegalArgumentException.class, () -> RaySensor.config().setTags("a", null));
    }

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    /** A circle placed on a random ray's line is hit at its analytic distance; a ray that misses reads 1. */
    @ParameterizedTest
    @MethodSource("seeds")
    void aCircleOnARayIsHitAtItsDistanceMinusItsRadius(long seed) {
        Random random = new Random(seed);
        scene();
        int rays = 3 + random.nextInt(30);
        float length = 5f + random.nextFloat() * 10f;
        float ox = random.nextFloat() * 20f - 10f;
        float oy = random.nextFloat() * 20f - 10f;
        agent.setTransform(ox, oy, 0f);
        RaySensor.Config config = RaySensor.config().setTags("wall", "obstacle").optRayCount(rays).optLength(length)
                .optCentreDegrees(random.nextFloat() * 360f);
        int k = random.nextInt(rays);
        double angle = Math.toRadians(config.rayAngleDegrees(k));
        float radius = 0.1f + random.nextFloat() * 0.3f;
        float distance = 0.6f + radius + random.nextFloat() * (length - 1.2f - radius);
        circle(BodyDef.BodyType.StaticBody, ox + (float) (Math.cos(angle) * distance),
                oy + (float) (Math.sin(angle) * distance), radius, false, "obstacle");
        RaySensor sensor = new RaySensor(world, agent, config);

        float[] out = observe(sensor);

        assertArrayEquals(new float[] {0, 1, (distance - radius) / length}, java.util.Arrays.copyOfRange(out, 3 * k,
                3 * k + 3), 1e-3f, "ray " + k + " of " + rays);
        for (int r = 0; r < rays; r++) {
            // every other ray misses, or (when the rays are dense) grazes the same circle no closer than it
            if (r != k) {
                float fraction = out[3 * r + 2];
                assertEquals(fraction == 1f ? 0f : 1f, out[3 * r + 1], "ray " + r);
                assertEquals(true, fraction >= (distance - radius) / length - 1e-3f, "ray " + r);
            }
        }
    }
}
