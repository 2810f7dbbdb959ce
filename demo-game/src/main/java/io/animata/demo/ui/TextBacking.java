package io.animata.demo.ui;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.Matrix4;
import com.badlogic.gdx.utils.Align;

/**
 * A dark translucent panel behind a piece of text drawn over the dungeon, so it stays readable over textured floors:
 * call {@link #draw} before the text, with the same font, position and alignment.
 *
 * <p>Threading: the GL thread. Allocates nothing per call (one reused {@link GlyphLayout}).
 */
public final class TextBacking {
    private static final Color PANEL = new Color(0.03f, 0.03f, 0.05f, 0.72f);

    private final GlyphLayout glyphs = new GlyphLayout();
    private final Color tint = new Color();

    /**
     * Draws the panel for text that {@code font.draw(batch, text, x, y, width, Align.center, false)} will draw.
     *
     * @param shapes a shape renderer, not begun; its projection is set to {@code projection}
     * @param projection the text's projection (the batch's)
     * @param font the text's font, at the scale it will be drawn
     * @param text the text (one line)
     * @param x the left edge of the area the text is centred in
     * @param y the text's top, as given to {@code font.draw}
     * @param width the width of that area
     * @param alpha the text's opacity (the panel fades with it)
     */
    public void draw(ShapeRenderer shapes, Matrix4 projection, BitmapFont font, CharSequence text, float x, float y,
            float width, float alpha) {
        glyphs.setText(font, text, 0, text.length(), font.getColor(), width, Align.center, false, null);
        float pad = font.getLineHeight() * 0.45f;
        float left = x + (width - glyphs.width) / 2f - pad;
        float bottom = y - glyphs.height - pad;
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        shapes.setProjectionMatrix(projection);
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        tint.set(PANEL).a *= alpha;
        shapes.setColor(tint);
        shapes.rect(left, bottom, glyphs.width + 2f * pad, glyphs.height + 2f * pad);
        shapes.end();
    }
}
