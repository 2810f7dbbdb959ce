package io.animata.core.level.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.ChainShape;
import com.badlogic.gdx.physics.box2d.Fixture;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.GdxNativesLoader;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real Box2D (desktop natives): the bodies cover exactly the solid tiles. */
class LevelBodiesTest {
    private static final float TILE = 0.5f;
    private final Legend legend = TestLevels.platformerLegend();
    private World world;

    @BeforeAll
    static void natives() {
        GdxNativesLoader.load();
        Box2D.init();
    }

    @BeforeEach
    void setUp() {
        world = new World(new Vector2(0, -10), true);
    }

    @AfterEach
    void tearDown() {
        world.dispose();
    }

    private static TileGrid level(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return TestLevels.random(rng, 1 + rng.nextInt(30), 1 + rng.nextInt(15), "XX--^");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void rectanglesCoverExactlyTheSolidTiles(long seed) {
        TileGrid g = level(seed);
        Body body = LevelBodies.create(world, g, legend, TILE, LevelBodies.Shapes.RECTANGLES);
        assertEquals(BodyDef.BodyType.StaticBody, body.getType());
        assertSame(g, body.getUserData());
        float area = 0;
        int solid = 0;
        Vector2 v = new Vector2();
        for (Fixture f : body.getFixtureList()) {
            PolygonShape box = (PolygonShape) f.getShape();
            float minX = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            for (int i = 0; i < box.getVertexCount(); i++) {
                box.getVertex(i, v);
                minX = Math.min(minX, v.x);
                maxX = Math.max(maxX, v.x);
                minY = Math.min(minY, v.y);
                maxY = Math.max(maxY, v.y);
            }
            area += (maxX - minX) * (maxY - minY);
        }
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                float wx = (x + 0.5f) * TILE;
                float wy = (g.height() - y - 0.5f) * TILE;
                boolean covered = false;
                for (Fixture f : body.getFixtureList()) {
                    covered |= f.testPoint(wx, wy);
                }
                boolean isSolid = legend.isSolid(g.get(x, y));
                solid += isSolid ? 1 : 0;
                assertEquals(isSolid, covered, "(" + x + ", " + y + ")");
            }
        }
        assertEquals(solid * TILE * TILE, area, 1e-3, "no overlaps");
        assertEquals(SolidShapes.rectangles(g, legend).size(), body.getFixtureList().size);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void chainsOutlineExactlyTheSolidTiles(long seed) {
        TileGrid g = level(seed);
        Body body = LevelBodies.create(world, g, legend, TILE, LevelBodies.Shapes.CHAINS);
        List<float[]> loops = new ArrayList<>();
        Vector2 v = new Vector2();
        for (Fixture f : body.getFixtureList()) {
            ChainShape chain = (ChainShape) f.getShape();
            // a loop repeats its first vertex at the end
            int n = chain.getVertexCount() - (chain.isLooped() ? 1 : 0);
            float[] pts = new float[n * 2];
            for (int i = 0; i < n; i++) {
                chain.getVertex(i, v);
                pts[2 * i] = v.x;
                pts[2 * i + 1] = v.y;
            }
            loops.add(pts);
        }
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                float wx = (x + 0.5f) * TILE;
                float wy = (g.height() - y - 0.5f) * TILE;
                assertEquals(legend.isSolid(g.get(x, y)), SolidShapesTest.inside(loops, wx, wy),
                        "(" + x + ", " + y + ")\n" + g.toText());
            }
        }
    }

    @Test
    void aBoxRestsOnTheGround() {
        TileGrid g = TileGrid.of("-----", "-----", "XXXXX");
        LevelBodies.create(world, g, legend, 1f, LevelBodies.Shapes.CHAINS);
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set(2.5f, 2.5f);
        Body box = world.createBody(def);
        PolygonShape shape = new PolygonShape();
        shape.setAsBox(0.25f, 0.25f);
        box.createFixture(shape, 1f);
        shape.dispose();
        for (int i = 0; i < 180; i++) {
            world.step(1 / 60f, 8, 3);
        }
        assertEquals(1.25f, box.getPosition().y, 0.05f, "on top of the ground row, whose top is y = 1");
    }

    @Test
    void aTileSizeMustBePositive() {
        assertThrows(AnimataException.class,
                () -> LevelBodies.create(world, TileGrid.of("X"), legend, 0f, LevelBodies.Shapes.CHAINS));
    }
}
