package io.animata.core.texture;

/**
 * Quality measures of generated textures.
 *
 * <p><b>Seam error</b> of a texture meant to tile: the mean absolute difference between pixels that meet across the
 * wrap edges (last column against first, last row against first), divided by the mean absolute difference between
 * the neighbouring columns and rows just inside those edges (columns 0|1 and W-2|W-1, rows 0|1 and H-2|H-1);
 * computed per axis and averaged. About 1 means the seam is no stronger an edge than the steps beside it, so it is
 * invisible; a texture that was not made to tile typically scores well above 2.
 *
 * <p>Why the steps beside the seam rather than all inside steps: how steep a texture is varies from column to
 * column (a column through a cell border of a stone texture differs more than one through a cell's middle), so the
 * mean step of one column against the whole image scatters by 30% and more even for a perfect tile, while
 * neighbouring columns cross the same features and make a fair reference. What it still cannot tell from a seam is a
 * sharp feature that happens to run along the edge (a mortar line lying on the wrap row): a perfect tile can then
 * score 1.5 or more, so judge a texture by several seeds, or look at it tiled.
 *
 * <p>Threading: stateless; every method is thread-safe and reads its arguments only.
 */
public final class TextureMetrics {
    private TextureMetrics() {
    }

    /**
     * Seam error of a grey-level plane.
     *
     * @param values {@code width * height} values, row by row
     * @return the wrap steps over the steps just inside the edges (see the class comment); 1 for a constant image,
     *     infinity when the image is flat beside its edges but steps across them
     */
    public static double seamError(float[] values, int width, int height) {
        checkSize(values.length, width, height);
        return seamError(width, height, (a, b) -> Math.abs(values[a] - values[b]));
    }

    /**
     * Seam error of an RGBA image over its red, green and blue channels (alpha is ignored).
     *
     * @return the wrap steps over the steps just inside the edges (see the class comment); 1 for a constant image
     */
    public static double seamError(PixelBuffer image) {
        int[] p = image.pixels();
        return seamError(image.width(), image.height(), (a, b) -> rgbDifference(p[a], p[b]));
    }

    /** The absolute difference between the pixels at two indices. */
    private interface Step {
        double between(int a, int b);
    }

    private static double seamError(int width, int height, Step step) {
        double sum = 0;
        int axes = 0;
        if (width > 2) {
            double wrap = 0;
            double inside = 0;
            for (int y = 0; y < height; y++) {
                int row = y * width;
                wrap += step.between(row + width - 1, row);
                inside += step.between(row, row + 1) + step.between(row + width - 2, row + width - 1);
            }
            sum += ratio(wrap, inside / 2);
            axes++;
        }
        if (height > 2) {
            double wrap = 0;
            double inside = 0;
            int last = (height - 1) * width;
            for (int x = 0; x < width; x++) {
                wrap += step.between(last + x, x);
                inside += step.between(x, width + x) + step.between(last - width + x, last + x);
            }
            sum += ratio(wrap, inside / 2);
            axes++;
        }
        return axes == 0 ? 1 : sum / axes;
    }

    private static double ratio(double seam, double inside) {
        // flat beside the edges: no seam if the wrap is flat too, else an edge that exists only at the seam
        return inside == 0 ? (seam == 0 ? 1 : Double.POSITIVE_INFINITY) : seam / inside;
    }

    /** @return the sum of the absolute red, green and blue differences of two {@code 0xRRGGBBAA} pixels */
    static int rgbDifference(int a, int b) {
        return Math.abs((a >>> 24) - (b >>> 24)) + Math.abs(((a >>> 16) & 0xFF) - ((b >>> 16) & 0xFF))
                + Math.abs(((a >>> 8) & 0xFF) - ((b >>> 8) & 0xFF));
    }

    static void checkSize(int length, int width, int height) {
        if (width < 1 || height < 1 || (long) width * height != length) {
            throw new IllegalArgumentException(length + " values do not make a " + width + " x " + height + " image");
        }
    }
}
