package io.animata.core.texture;

import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.Texture.TextureFilter;
import com.badlogic.gdx.graphics.Texture.TextureWrap;
import java.nio.ByteBuffer;

/**
 * From {@link PixelBuffer}s to libGDX images: a {@link Pixmap} (native memory, no GL: any thread) and a tiling
 * {@link Texture} (GL thread only).
 *
 * <p>Threading: stateless. {@link #toPixmap} may run on any thread; {@link #toTexture} only on the GL thread.
 *
 * <pre>{@code
 * Texture stone = Pixmaps.toTexture(pixels);   // on the GL thread, e.g. in a job's listener
 * }</pre>
 */
public final class Pixmaps {
    private Pixmaps() {
    }

    /**
     * @return a new RGBA8888 pixmap holding a copy of the pixels; the caller disposes it
     */
    public static Pixmap toPixmap(PixelBuffer pixels) {
        Pixmap pixmap = new Pixmap(pixels.width(), pixels.height(), Pixmap.Format.RGBA8888);
        ByteBuffer target = pixmap.getPixels();
        target.position(0);
        pixels.copyTo(target);
        target.position(0);
        return pixmap;
    }

    /**
     * Uploads the pixels as a texture with linear filtering and {@link TextureWrap#Repeat} on both axes (what a
     * tileable texture wants). GL thread only; the caller disposes the texture.
     */
    public static Texture toTexture(PixelBuffer pixels) {
        Pixmap pixmap = toPixmap(pixels);
        try {
            Texture texture = new Texture(pixmap);
            texture.setFilter(TextureFilter.Linear, TextureFilter.Linear);
            texture.setWrap(TextureWrap.Repeat, TextureWrap.Repeat);
            return texture;
        } finally {
            pixmap.dispose(); // the GL texture holds the pixels now
        }
    }
}
