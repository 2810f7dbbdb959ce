package io.animata.demo.critters;

import com.badlogic.gdx.math.MathUtils;
import com.badlogic.gdx.math.RandomXS128;

/**
 * The sparks critters chase: points that wander across the arena and jump to a new random place when caught.
 * Stored as parallel arrays (not entities) so that every critter can find its nearest spark without allocation.
 *
 * <p>Threading: game thread only. Every random choice comes from the scene's seeded generator, so a seed gives the
 * same sparks on every run.
 */
public final class Sparks {
    /** Speed of a spark, in metres per second. */
    public static final float SPEED = 2.5f;
    /** Largest change of heading per second, in radians: how much a spark wanders. */
    private static final float TURN_RATE = 3f;

    private final float[] x;
    private final float[] y;
    private final float[] heading;
    private final float width;
    private final float height;
    private final float margin;
    private final RandomXS128 random;

    /**
     * Places {@code count} sparks at random.
     *
     * @param width arena width in metres
     * @param height arena height in metres
     * @param margin closest a spark comes to a wall
     * @param random the scene's generator (shared, so the order of draws is part of the seed's run)
     */
    public Sparks(int count, float width, float height, float margin, RandomXS128 random) {
        this.x = new float[count];
        this.y = new float[count];
        this.heading = new float[count];
        this.width = width;
        this.height = height;
        this.margin = margin;
        this.random = random;
        for (int i = 0; i < count; i++) {
            respawn(i);
        }
    }

    /** @return the number of sparks */
    public int count() {
        return x.length;
    }

    /** @return spark {@code i}'s x in metres */
    public float x(int i) {
        return x[i];
    }

    /** @return spark {@code i}'s y in metres */
    public float y(int i) {
        return y[i];
    }

    /** Moves spark {@code i} to a new random place and heading (it was caught). */
    public void respawn(int i) {
        x[i] = margin + random.nextFloat() * (width - 2 * margin);
        y[i] = margin + random.nextFloat() * (height - 2 * margin);
        heading[i] = random.nextFloat() * MathUtils.PI2;
    }

    /** Moves every spark for {@code dt} seconds: a random walk of the heading, reflected at the walls. */
    public void move(float dt) {
        float maxTurn = TURN_RATE * dt;
        for (int i = 0; i < x.length; i++) {
            float h = heading[i] + (random.nextFloat() * 2f - 1f) * maxTurn;
            float nx = x[i] + MathUtils.cos(h) * SPEED * dt;
            float ny = y[i] + MathUtils.sin(h) * SPEED * dt;
            if (nx < margin || nx > width - margin) {
                h = MathUtils.PI - h;
                nx = MathUtils.clamp(nx, margin, width - margin);
            }
            if (ny < margin || ny > height - margin) {
                h = -h;
                ny = MathUtils.clamp(ny, margin, height - margin);
            }
            x[i] = nx;
            y[i] = ny;
            heading[i] = h;
        }
    }

    /** @return the index of the spark nearest to {@code (px, py)} (the lowest index on ties) */
    public int nearest(float px, float py) {
        int best = 0;
        float bestD2 = Float.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            float dx = x[i] - px;
            float dy = y[i] - py;
            float d2 = dx * dx + dy * dy;
            if (d2 < bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }
}
