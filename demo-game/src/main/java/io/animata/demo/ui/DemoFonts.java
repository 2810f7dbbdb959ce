package io.animata.demo.ui;

import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.TextureRegion;

/**
 * Crisp text with libGDX's built-in font (the 15 px Arial bitmap inside the gdx jar; no font file is shipped): it
 * is only ever scaled by whole numbers, with nearest filtering, at whole-pixel positions, so every glyph pixel
 * becomes a sharp square instead of a blurred one.
 *
 * <p>Threading: the GL thread (fonts own textures).
 */
public final class DemoFonts {
    /** Window height (logical pixels) per unit of text scale: 720 px gives scale 2, 1080 px gives 3. */
    public static final float PIXELS_PER_UNIT = 360f;

    private DemoFonts() {
    }

    /**
     * Makes libGDX's default font and sets it up for crisp scaling ({@link #crisp}); the caller disposes it.
     *
     * @return the font at scale 1
     */
    public static BitmapFont create() {
        return crisp(new BitmapFont());
    }

    /**
     * Nearest filtering and whole-pixel positions for a bitmap font, so that whole-number scales stay sharp.
     *
     * @param font a font whose textures are loaded
     * @return the same font
     */
    public static BitmapFont crisp(BitmapFont font) {
        for (TextureRegion region : font.getRegions()) {
            region.getTexture().setFilter(Texture.TextureFilter.Nearest, Texture.TextureFilter.Nearest);
        }
        font.setUseIntegerPositions(true);
        return font;
    }

    /**
     * The whole-number text scale for a window: large text stays large on big screens and never drops below the
     * font's own size.
     *
     * @param screenHeight the window's height in logical pixels
     * @return 1 or more
     */
    public static int unit(float screenHeight) {
        return Math.max(1, (int) (screenHeight / PIXELS_PER_UNIT));
    }
}
