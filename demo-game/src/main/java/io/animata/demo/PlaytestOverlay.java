package io.animata.demo;

import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.MathUtils;

/**
 * Draws a {@link CoverageMap} over the dungeon, semi-transparent (on a darkening layer, so the floor's texture does
 * not change the tints' hues), between the floor and the characters: every
 * visited tile tinted by how long the playtest bots spent there (blue little, through green and yellow, to red
 * most), tiles the start reaches but no bot did in violet with a cross, tiles sealed off from the start in red with a
 * cross, and each stuck spot as a pulsing white ring. The start and the stairs are only framed in their heat colour,
 * so they stay in sight.
 *
 * <p>Threading: GL thread only; allocation-free. It holds no GL object of its own (it draws with the caller's
 * {@link ShapeRenderer}, whose projection must be the world camera's and which must not be drawing).
 */
final class PlaytestOverlay {
    /** Opacity of the heat tint. */
    static final float HEAT_ALPHA = 0.5f;
    /** Opacity of the dark layer under the tints, so the floor texture does not muddy their colours. */
    static final float UNDERLAY_ALPHA = 0.4f;
    private static final int SEGMENTS = 20;
    /** The heat ramp: blue, green, yellow, red at heat 0, 1/3, 2/3, 1. */
    private static final float[][] RAMP = {
        {0.15f, 0.35f, 1.00f}, {0.10f, 0.85f, 0.35f}, {1.00f, 0.90f, 0.15f}, {1.00f, 0.20f, 0.10f},
    };

    /**
     * @param shapes a renderer with the world camera's projection, not drawing
     * @param map what to draw
     * @param level the dungeon it belongs to (drawn only when the indices match)
     * @param time seconds since the start, for the pulse of the stuck rings
     */
    void draw(ShapeRenderer shapes, CoverageMap map, DungeonLevel level, float time) {
        if (map == null || map.levelIndex() != level.index()) {
            return;
        }
        int w = map.width();
        int h = map.height();
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        for (int cell = 0; cell < w * h; cell++) {
            byte kind = map.kind(cell);
            if (kind == CoverageMap.NONE || cell == level.start() || cell == level.goal()) {
                continue; // the start and the stairs stay visible: they get a frame below
            }
            float x = cell % w;
            float y = h - 1 - cell / w;
            shapes.setColor(0f, 0f, 0f, UNDERLAY_ALPHA);
            shapes.rect(x, y, 1f, 1f);
            if (kind == CoverageMap.VISITED) {
                setHeatColour(shapes, map.heat(cell));
            } else if (kind == CoverageMap.UNVISITED) {
                shapes.setColor(0.62f, 0.25f, 0.95f, 0.55f);
            } else {
                shapes.setColor(0.95f, 0.10f, 0.15f, 0.55f);
            }
            shapes.rect(x, y, 1f, 1f);
        }
        shapes.end();
        shapes.begin(ShapeRenderer.ShapeType.Line);
        for (int cell = 0; cell < w * h; cell++) {
            byte kind = map.kind(cell);
            if (kind == CoverageMap.UNVISITED || kind == CoverageMap.SEALED) {
                float x = cell % w;
                float y = h - 1 - cell / w;
                shapes.setColor(1f, 1f, 1f, 0.8f);
                shapes.line(x + 0.2f, y + 0.2f, x + 0.8f, y + 0.8f);
                shapes.line(x + 0.2f, y + 0.8f, x + 0.8f, y + 0.2f);
            }
        }
        frame(shapes, map, level.start(), w, h);
        frame(shapes, map, level.goal(), w, h);
        float pulse = 0.42f + 0.08f * MathUtils.sin(time * 5f);
        shapes.setColor(1f, 1f, 1f, 0.95f);
        for (int i = 0; i < map.stuckCount(); i++) {
            int cell = map.stuckCell(i);
            float cx = cell % w + 0.5f;
            float cy = h - 1 - cell / w + 0.5f;
            shapes.circle(cx, cy, pulse, SEGMENTS);
            shapes.circle(cx, cy, pulse + 0.08f, SEGMENTS);
        }
        shapes.end();
    }

    /** Outlines a tile in its heat colour (for tiles whose own look must stay visible). */
    private static void frame(ShapeRenderer shapes, CoverageMap map, int cell, int w, int h) {
        if (map.kind(cell) != CoverageMap.VISITED) {
            return;
        }
        setHeatColour(shapes, map.heat(cell));
        float x = cell % w;
        float y = h - 1 - cell / w;
        shapes.rect(x + 0.04f, y + 0.04f, 0.92f, 0.92f);
        shapes.rect(x + 0.1f, y + 0.1f, 0.8f, 0.8f);
    }

    private static void setHeatColour(ShapeRenderer shapes, float heat) {
        float t = MathUtils.clamp(heat, 0f, 1f) * (RAMP.length - 1);
        int i = Math.min((int) t, RAMP.length - 2);
        float f = t - i;
        float[] a = RAMP[i];
        float[] b = RAMP[i + 1];
        shapes.setColor(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, HEAT_ALPHA);
    }
}
