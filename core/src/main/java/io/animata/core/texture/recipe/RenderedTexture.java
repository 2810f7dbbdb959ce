package io.animata.core.texture.recipe;

import io.animata.core.texture.PixelBuffer;
import java.util.Optional;

/**
 * What rendering a {@link TextureRecipe} made: the colour image, and where the recipe names a height, the height
 * field and its normal map.
 *
 * <p>Threading: hand it from the thread that rendered it to another through a happens-before edge (the asset
 * manager's, a future); then read-only use from any thread is safe.
 */
public final class RenderedTexture {
    private final PixelBuffer color;
    private final float[] height;
    private final PixelBuffer normalMap;

    RenderedTexture(PixelBuffer color, float[] height, PixelBuffer normalMap) {
        this.color = color;
        this.height = height;
        this.normalMap = normalMap;
    }

    /** @return the colour image */
    public PixelBuffer color() {
        return color;
    }

    /** @return the height field, {@code width * height} values in [0, 1], if the recipe names one (the live array) */
    public Optional<float[]> height() {
        return Optional.ofNullable(height);
    }

    /** @return the normal map of the height field, if the recipe names one */
    public Optional<PixelBuffer> normalMap() {
        return Optional.ofNullable(normalMap);
    }
}
