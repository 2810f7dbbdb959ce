package io.animata.demo.ui;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.utils.Align;
import com.badlogic.gdx.utils.Disposable;
import java.util.List;

/**
 * Draws the {@link TitleCard} and the {@link DemoMenu} of a {@link DemoUi} over the game, in screen pixels: a dark
 * translucent panel (for the menu the whole game is dimmed too), text in libGDX's default font at whole-number scales
 * ({@link DemoFonts}): the card's headline at twice the window's text unit, the menu's heading and entries at one
 * more than it, the card's lines at one unit, keys and hints at half (at least 1).
 * It lays the menu out ({@link DemoUi#layout()}) so that the mouse is checked against what was drawn.
 *
 * <p>Threading: the GL thread. A frame allocates nothing (one reused {@link GlyphLayout}). Owns its font:
 * {@link #dispose()}.
 */
public final class UiRenderer implements Disposable {
    private static final Color DIM = new Color(0f, 0f, 0f, 0.5f);
    private static final Color PANEL = new Color(0.05f, 0.05f, 0.08f, 0.9f);
    private static final Color EDGE = new Color(0.98f, 0.80f, 0.20f, 1f);
    private static final Color SELECTED_BAR = new Color(0.98f, 0.80f, 0.20f, 0.22f);
    private static final Color TEXT = new Color(0.95f, 0.96f, 0.98f, 1f);
    private static final Color DIM_TEXT = new Color(0.66f, 0.70f, 0.78f, 1f);
    private static final Color ACCENT = new Color(0.98f, 0.80f, 0.20f, 1f);
    private static final String HEADING = "PAUSED";
    private static final String MENU_HINT = "Up/Down or W/S and Enter, or the mouse   -   Esc resumes";
    /** The widest entry, for the rows' width. */
    private static final String WIDEST = "Playtest overlay: off";

    private final BitmapFont font = DemoFonts.create();
    private final GlyphLayout glyphs = new GlyphLayout();
    private final Color tint = new Color();

    /**
     * Draws whatever of the card and the menu is showing, on top of everything drawn before.
     *
     * @param batch a batch whose projection is the window in logical pixels, y up (not begun)
     * @param shapes a shape renderer (not begun; its projection is set to the batch's)
     * @param ui the title card and the menu
     * @param width the window's width in logical pixels
     * @param height the window's height in logical pixels
     */
    public void draw(SpriteBatch batch, ShapeRenderer shapes, DemoUi ui, float width, float height) {
        int unit = DemoFonts.unit(height);
        layoutMenu(ui, width, height, unit);
        if (!ui.menu().isOpen() && !ui.title().isVisible()) {
            return;
        }
        shapes.setProjectionMatrix(batch.getProjectionMatrix());
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        if (ui.menu().isOpen()) {
            drawMenu(batch, shapes, ui, width, height, unit);
        } else {
            drawTitle(batch, shapes, ui.title(), width, height, unit);
        }
    }

    private void layoutMenu(DemoUi ui, float width, float height, int unit) {
        float rowScale = unit + 1;
        font.getData().setScale(rowScale);
        glyphs.setText(font, WIDEST);
        float rowWidth = glyphs.width + 6f * unit * 8f;
        float rowHeight = font.getLineHeight() * 1.25f;
        float heading = font.getLineHeight() * 1.5f;
        ui.layout().update(width, height, ui.menu().itemCount(), rowWidth, rowHeight, heading);
    }

    private void drawMenu(SpriteBatch batch, ShapeRenderer shapes, DemoUi ui, float width, float height, int unit) {
        MenuLayout layout = ui.layout();
        DemoMenu menu = ui.menu();
        float pad = 12f * unit;
        float hintScale = Math.max(1, unit / 2);
        font.getData().setScale(hintScale);
        float hintHeight = font.getLineHeight() * 1.8f;
        float left = layout.rowLeft() - pad;
        float panelWidth = layout.rowWidth() + 2f * pad;
        float bottom = layout.top() - layout.height() - hintHeight - pad;
        float top = layout.top() + pad;

        shapes.begin(ShapeRenderer.ShapeType.Filled);
        shapes.setColor(DIM);
        shapes.rect(0f, 0f, width, height);
        panel(shapes, left, bottom, panelWidth, top - bottom, unit, 1f);
        int selected = menu.selectedIndex();
        shapes.setColor(SELECTED_BAR);
        shapes.rect(layout.rowLeft(), layout.rowBottom(selected), layout.rowWidth(), layout.rowHeight());
        shapes.setColor(EDGE);
        shapes.rect(layout.rowLeft(), layout.rowBottom(selected), 3f * unit, layout.rowHeight());
        shapes.end();

        batch.begin();
        font.getData().setScale(unit + 1f);
        font.setColor(ACCENT);
        font.draw(batch, HEADING, layout.rowLeft(), layout.top() - (layout.top() - layout.rowBottom(-1)
                - font.getCapHeight()) / 2f, layout.rowWidth(), Align.center, false);
        font.getData().setScale(unit + 1f);
        for (int i = 0; i < menu.itemCount(); i++) {
            font.setColor(i == selected ? ACCENT : TEXT);
            float textTop = layout.rowBottom(i) + (layout.rowHeight() + font.getCapHeight()) / 2f;
            font.draw(batch, menu.item(i).label(menu.controls()), layout.rowLeft(), textTop, layout.rowWidth(),
                    Align.center, false);
        }
        font.getData().setScale(hintScale);
        font.setColor(DIM_TEXT);
        font.draw(batch, MENU_HINT, 0f, bottom + pad + font.getCapHeight() + font.getLineHeight() * 0.4f, width,
                Align.center, false);
        batch.end();
    }

    private void drawTitle(SpriteBatch batch, ShapeRenderer shapes, TitleCard card, float width, float height,
            int unit) {
        float alpha = card.alpha();
        List<String> lines = card.features();
        float pad = 16f * unit;
        // measure: the headline (2 units), the subtitle and the feature lines (1 unit), the keys (half a unit)
        float titleScale = 2f * unit;
        float keysScale = Math.max(1, unit / 2);
        font.getData().setScale(titleScale);
        float titleLine = font.getLineHeight();
        font.getData().setScale(unit);
        float lineHeight = font.getLineHeight();
        float capHeight = font.getCapHeight();
        float textWidth = widest(lines);
        glyphs.setText(font, TitleCard.SUBTITLE);
        textWidth = Math.max(textWidth, glyphs.width);
        font.getData().setScale(keysScale);
        float keysLine = font.getLineHeight();
        glyphs.setText(font, TitleCard.KEYS);
        float panelWidth = Math.min(width, Math.max(textWidth, glyphs.width) + 2f * pad);
        float panelHeight = titleLine + lineHeight * (lines.size() + 1.6f) + keysLine * 2.6f + 2f * pad;
        float left = (width - panelWidth) / 2f;
        float bottom = (height - panelHeight) / 2f;
        float top = bottom + panelHeight;

        // no dimming round the card: the dungeon and its bots stay in view while it is read
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        panel(shapes, left, bottom, panelWidth, panelHeight, unit, alpha);
        float y = top - pad - titleLine - lineHeight * 1.3f; // the feature lines' bullets
        tint.set(ACCENT).a = alpha;
        shapes.setColor(tint);
        for (int i = 0; i < lines.size(); i++) {
            float bulletY = y - i * lineHeight - (capHeight + 3f * unit) / 2f;
            shapes.rect(left + pad, bulletY, 3f * unit, 3f * unit);
        }
        shapes.end();

        batch.begin();
        font.getData().setScale(titleScale);
        color(ACCENT, alpha);
        font.draw(batch, TitleCard.TITLE, left, top - pad, panelWidth, Align.center, false);
        font.getData().setScale(unit);
        color(DIM_TEXT, alpha);
        float textTop = top - pad - titleLine;
        font.draw(batch, TitleCard.SUBTITLE, left, textTop, panelWidth, Align.center, false);
        color(TEXT, alpha);
        float textLeft = left + pad + 10f * unit;
        for (int i = 0; i < lines.size(); i++) {
            font.draw(batch, lines.get(i), textLeft, textTop - (i + 1.3f) * lineHeight);
        }
        font.getData().setScale(keysScale);
        color(TEXT, alpha);
        float keysTop = bottom + pad + keysLine * 2f;
        font.draw(batch, TitleCard.KEYS, left, keysTop, panelWidth, Align.center, false);
        color(ACCENT, alpha);
        font.draw(batch, TitleCard.DISMISS, left, keysTop - keysLine * 1.2f, panelWidth, Align.center, false);
        batch.end();
    }

    private float widest(List<String> lines) {
        float widest = 0f;
        for (int i = 0; i < lines.size(); i++) {
            glyphs.setText(font, lines.get(i));
            widest = Math.max(widest, glyphs.width);
        }
        return widest + 10f * font.getData().scaleX;
    }

    private void color(Color c, float alpha) {
        font.setColor(c.r, c.g, c.b, c.a * alpha);
    }

    /** A dark translucent panel with a thin accent edge at the top. */
    private void panel(ShapeRenderer shapes, float x, float y, float w, float h, int unit, float alpha) {
        tint.set(PANEL).a *= alpha;
        shapes.setColor(tint);
        shapes.rect(x, y, w, h);
        tint.set(EDGE).a = alpha;
        shapes.setColor(tint);
        shapes.rect(x, y + h - 2f * unit, w, 2f * unit);
    }

    @Override
    public void dispose() {
        font.dispose();
    }
}
