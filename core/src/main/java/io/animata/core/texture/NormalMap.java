package io.animata.core.texture;

/**
 * Normal maps from height fields, for lit materials: each pixel's surface normal, from the height's slope by central
 * differences, encoded as {@code rgb = (n + 1) / 2} in the OpenGL convention (x right, y up, z out of the surface:
 * flat is {@code #8080FF}).
 *
 * <p>Heights are in [0, 1] and {@code depth} says how deep the full range is, as a fraction of the texture's width,
 * so a map looks the same at any resolution. At the edges the differences wrap around (for tiles, which keeps the
 * normal map seamless) or clamp to the edge.
 *
 * <p>Threading: stateless; methods are thread-safe and fill rows on the given {@link RowExecutor}.
 */
public final class NormalMap {
    private NormalMap() {
    }

    /**
     * @param heights {@code width * height} values in [0, 1], row by row from the top
     * @param depth how deep a height change of 1 is, as a fraction of the width (e.g. 0.02); positive
     * @param wrap whether differences wrap around the edges (tiles) or clamp
     * @param rows runs the rows
     * @return the normal map, opaque
     */
    public static PixelBuffer fromHeight(float[] heights, int width, int height, float depth, boolean wrap,
            RowExecutor rows) {
        TextureMetrics.checkSize(heights.length, width, height);
        if (!(depth > 0) || Float.isInfinite(depth)) {
            throw new IllegalArgumentException("normal map depth must be positive, was " + depth);
        }
        PixelBuffer out = new PixelBuffer(width, height);
        int[] pixels = out.pixels();
        float scale = depth * width * 0.5f; // central difference spans 2 pixels
        rows.forEachRow(height, y -> {
            int up = neighbour(y - 1, height, wrap);
            int down = neighbour(y + 1, height, wrap);
            for (int x = 0; x < width; x++) {
                int left = neighbour(x - 1, width, wrap);
                int right = neighbour(x + 1, width, wrap);
                float dx = (heights[y * width + right] - heights[y * width + left]) * scale;
                float dy = (heights[down * width + x] - heights[up * width + x]) * scale;
                // image rows run down, the map's y runs up: the slope upwards is -dy
                float nx = -dx;
                float ny = dy;
                float inv = (float) (1 / Math.sqrt(nx * nx + ny * ny + 1));
                pixels[y * width + x] = PixelBuffer.rgba((nx * inv + 1) * 0.5f, (ny * inv + 1) * 0.5f,
                        (inv + 1) * 0.5f, 1f);
            }
        });
        return out;
    }

    /** @return the index {@code i} folded into [0, n): wrapped around, or clamped to the edge */
    static int neighbour(int i, int n, boolean wrap) {
        if (i < 0) {
            return wrap ? i + n : 0;
        }
        if (i >= n) {
            return wrap ? i - n : n - 1;
        }
        return i;
    }
}
