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
 * <p><b>Statistics distance</b> between two textures (for textures made from an example: quilting, neural
 * textures): how far apart their colour and gradient statistics are, 0 for identical statistics and at most 1. It
 * compares, at full and half resolution, the histograms of each colour channel (32 bins), of the luminance gradient's
 * magnitude (16 bins) and of its orientation (12 bins over 180 degrees, weighted by magnitude), each by half their L1
 * distance, and averages them. Colour alone cannot tell an image from its pixels shuffled;
 * {@link #colourNoise} makes exactly that, the baseline a method must beat.
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

    /** Histogram bins per colour channel. */
    private static final int COLOUR_BINS = 32;
    /** Histogram bins of gradient magnitude, over [0, {@link #MAX_GRADIENT}) in luminance units (0 to 1). */
    private static final int MAGNITUDE_BINS = 16;
    private static final double MAX_GRADIENT = 1.0;
    /** Histogram bins of gradient orientation over [0, pi). */
    private static final int ORIENTATION_BINS = 12;

    /**
     * The statistics distance between two textures of any sizes (see the class comment).
     *
     * @return 0 for identical statistics, up to 1
     */
    public static double statisticsDistance(PixelBuffer a, PixelBuffer b) {
        double[][] ha = statistics(a);
        double[][] hb = statistics(b);
        double sum = 0;
        for (int i = 0; i < ha.length; i++) {
            double d = 0;
            for (int k = 0; k < ha[i].length; k++) {
                d += Math.abs(ha[i][k] - hb[i][k]);
            }
            sum += d / 2;
        }
        return sum / ha.length;
    }

    /** @return the normalised histograms of an image at full and half resolution */
    private static double[][] statistics(PixelBuffer image) {
        double[][] full = histograms(image);
        if (image.width() < 4 || image.height() < 4) {
            double[][] both = new double[full.length * 2][];
            System.arraycopy(full, 0, both, 0, full.length);
            System.arraycopy(full, 0, both, full.length, full.length);
            return both;
        }
        double[][] half = histograms(halve(image));
        double[][] both = new double[full.length + half.length][];
        System.arraycopy(full, 0, both, 0, full.length);
        System.arraycopy(half, 0, both, full.length, half.length);
        return both;
    }

    private static double[][] histograms(PixelBuffer image) {
        int w = image.width();
        int h = image.height();
        int[] p = image.pixels();
        double[] red = new double[COLOUR_BINS];
        double[] green = new double[COLOUR_BINS];
        double[] blue = new double[COLOUR_BINS];
        float[] luma = new float[w * h];
        for (int i = 0; i < p.length; i++) {
            int r = p[i] >>> 24;
            int g = (p[i] >>> 16) & 0xFF;
            int b = (p[i] >>> 8) & 0xFF;
            red[r * COLOUR_BINS / 256]++;
            green[g * COLOUR_BINS / 256]++;
            blue[b * COLOUR_BINS / 256]++;
            luma[i] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
        }
        double[] magnitude = new double[MAGNITUDE_BINS];
        double[] orientation = new double[ORIENTATION_BINS];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1);
            int down = Math.min(h - 1, y + 1);
            for (int x = 0; x < w; x++) {
                int left = Math.max(0, x - 1);
                int right = Math.min(w - 1, x + 1);
                double gx = (luma[y * w + right] - luma[y * w + left]) * 0.5;
                double gy = (luma[down * w + x] - luma[up * w + x]) * 0.5;
                double m = Math.sqrt(gx * gx + gy * gy);
                magnitude[Math.min(MAGNITUDE_BINS - 1, (int) (m / MAX_GRADIENT * MAGNITUDE_BINS))]++;
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                orientation[Math.min(ORIENTATION_BINS - 1, (int) (angle / Math.PI * ORIENTATION_BINS))] += m;
            }
        }
        double[][] all = {red, green, blue, magnitude, orientation};
        for (double[] hist : all) {
            double total = 0;
            for (double v : hist) {
                total += v;
            }
            if (total > 0) {
                for (int k = 0; k < hist.length; k++) {
                    hist[k] /= total;
                }
            }
        }
        return all;
    }

    /** @return the image at half size, each pixel the mean of a 2 x 2 block */
    private static PixelBuffer halve(PixelBuffer image) {
        int w = image.width() / 2;
        int h = image.height() / 2;
        PixelBuffer out = new PixelBuffer(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] q = {image.get(2 * x, 2 * y), image.get(2 * x + 1, 2 * y), image.get(2 * x, 2 * y + 1),
                    image.get(2 * x + 1, 2 * y + 1)};
                int packed = 0;
                for (int shift = 24; shift >= 0; shift -= 8) {
                    int sum = 0;
                    for (int v : q) {
                        sum += (v >>> shift) & 0xFF;
                    }
                    packed |= ((sum + 2) / 4) << shift;
                }
                out.set(x, y, packed);
            }
        }
        return out;
    }

    /**
     * The baseline for example-based textures: every pixel drawn at random from the example, so the colours match
     * the example's exactly and the structure is gone.
     *
     * @return a {@code width x height} image of the example's pixels in random order (seeded)
     */
    public static PixelBuffer colourNoise(PixelBuffer example, int width, int height, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        PixelBuffer out = new PixelBuffer(width, height);
        int[] src = example.pixels();
        int[] dst = out.pixels();
        for (int i = 0; i < dst.length; i++) {
            dst[i] = src[random.nextInt(src.length)];
        }
        return out;
    }

    static void checkSize(int length, int width, int height) {
        if (width < 1 || height < 1 || (long) width * height != length) {
            throw new IllegalArgumentException(length + " values do not make a " + width + " x " + height + " image");
        }
    }
}
