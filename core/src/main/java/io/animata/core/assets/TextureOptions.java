package io.animata.core.assets;

import com.badlogic.gdx.assets.AssetLoaderParameters;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.Texture.TextureFilter;
import com.badlogic.gdx.graphics.Texture.TextureWrap;

/**
 * How a generated texture becomes a GL {@link Texture}: mipmaps, filters and wrap, shared by the loaders that make
 * pixels off the GL thread ({@link RecipeTextureLoader}, {@link NcaTextureLoader}).
 *
 * <p>Threading: plain data, read by the loader.
 */
public abstract class TextureOptions extends AssetLoaderParameters<Texture> {
    /** Whether to build mipmaps on the GL thread (default false). */
    public boolean genMipMaps;
    /** Minification filter (default {@link TextureFilter#Linear}). */
    public TextureFilter minFilter = TextureFilter.Linear;
    /** Magnification filter (default {@link TextureFilter#Linear}). */
    public TextureFilter magFilter = TextureFilter.Linear;
    /** Wrap on both axes; {@code null} (the default) is {@link TextureWrap#Repeat}, as tiles want. */
    public TextureWrap wrap;

    /**
     * Makes the texture from {@code pixmap} with these options and disposes the pixmap (the GL texture holds the
     * pixels then). GL thread.
     */
    Texture createTexture(Pixmap pixmap) {
        try {
            Texture texture = new Texture(pixmap, genMipMaps);
            texture.setFilter(minFilter, magFilter);
            TextureWrap w = wrap != null ? wrap : TextureWrap.Repeat;
            texture.setWrap(w, w);
            return texture;
        } finally {
            pixmap.dispose();
        }
    }
}
