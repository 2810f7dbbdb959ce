package io.animata.core.level.export;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.ChainShape;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.List;

/**
 * Makes the solid tiles of a level into one static Box2D body with few fixtures: merged rectangles (boxes, solid
 * inside) or chain loops along the solid tiles' outlines (edges only, the usual choice for terrain). World units:
 * one tile is {@code tileSize} units, the level's bottom-left corner is at the origin, y points up.
 *
 * <p>Threading: call on the thread that owns the {@link World} (the game thread); Box2D is not thread-safe.
 *
 * <pre>{@code
 * Body terrain = LevelBodies.create(world, level, legend, 1f, LevelBodies.Shapes.CHAINS);
 * }</pre>
 */
public final class LevelBodies {
    /** How the solid tiles become fixtures. Threading: an immutable enum. */
    public enum Shapes {
        /** One box per merged rectangle ({@link SolidShapes#rectangles}). */
        RECTANGLES,
        /** One chain loop per outline ({@link SolidShapes#outlines}). */
        CHAINS
    }

    private LevelBodies() {
    }

    /**
     * @param world the world to add the body to
     * @param grid the level
     * @param legend which tiles are solid
     * @param tileSize world units per tile, positive
     * @param shapes rectangles or chains
     * @return the static body (with no fixtures when nothing is solid); its user data is the grid
     * @throws AnimataException when the tile size is not positive
     */
    public static Body create(World world, TileGrid grid, Legend legend, float tileSize, Shapes shapes) {
        if (!(tileSize > 0)) {
            throw new AnimataException("The tile size must be positive, was " + tileSize);
        }
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        Body body = world.createBody(def);
        body.setUserData(grid);
        FixtureDef fixture = new FixtureDef();
        fixture.friction = 0.8f;
        int h = grid.height();
        if (shapes == Shapes.RECTANGLES) {
            PolygonShape box = new PolygonShape();
            try {
                Vector2 center = new Vector2();
                for (SolidShapes.Rect r : SolidShapes.rectangles(grid, legend)) {
                    center.set((r.x() + r.width() / 2f) * tileSize, (h - r.y() - r.height() / 2f) * tileSize);
                    box.setAsBox(r.width() * tileSize / 2f, r.height() * tileSize / 2f, center, 0f);
                    fixture.shape = box;
                    body.createFixture(fixture);
                }
            } finally {
                box.dispose();
            }
        } else {
            List<int[]> loops = SolidShapes.outlines(grid, legend);
            for (int[] loop : loops) {
                float[] vertices = new float[loop.length];
                for (int i = 0; i < loop.length; i += 2) {
                    vertices[i] = loop[i] * tileSize;
                    vertices[i + 1] = (h - loop[i + 1]) * tileSize;
                }
                ChainShape chain = new ChainShape();
                try {
                    chain.createLoop(vertices);
                    fixture.shape = chain;
                    body.createFixture(fixture);
                } finally {
                    chain.dispose();
                }
            }
        }
        return body;
    }
}
