package io.animata.core.texture.synth;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.runtime.AnimataException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Texture by example: image quilting (A. Efros and W. Freeman, "Image quilting for texture synthesis and transfer",
 * SIGGRAPH 2001). Square patches of the example are laid in a grid with overlapping borders; each new patch is the
 * example window whose overlap matches what is already placed best (any within {@code tolerance} of the best, picked
 * by the seed), and it is cut in along the minimum-error boundary through each overlap (a dynamic-programming path),
 * so patches meet along seams where they already agree.
 *
 * <p>The output is tileable by construction: the grid lies on a torus. The last patch of each row also overlaps the
 * first one (and the last row the first row), and is cut along a minimum-error boundary on that side too, so the
 * texture's right edge continues into its left edge like any other patch border.
 *
 * <p>Threading: an instance is immutable; {@link #synthesize} blocks (call it on a worker, never the game thread),
 * scores candidate windows on the given {@link RowExecutor}, and gives the same pixels for the same seed whatever the
 * executor.
 *
 * <pre>{@code
 * PixelBuffer tile = ImageQuilting.builder().setExample(example).optSeed(7).build()
 *         .synthesize(256, 256, rows);
 * }</pre>
 */
public final class ImageQuilting {
    /** Told about progress, on the thread that calls {@link #synthesize}. */
    @FunctionalInterface
    public interface Listener {
        /** Called after each patch: {@code done} of {@code total} placed. */
        void patchPlaced(int done, int total);
    }

    private final PixelBuffer example;
    private final int patch;
    private final int overlap;
    private final double tolerance;
    private final long seed;
    private final int stride;

    private ImageQuilting(Builder b) {
        this.example = b.example;
        int side = Math.min(example.width(), example.height());
        this.patch = b.patch > 0 ? b.patch : Math.max(8, Math.min(64, side / 3));
        this.overlap = b.overlap > 0 ? b.overlap : Math.max(2, patch / 5);
        this.tolerance = b.tolerance;
        this.seed = b.seed;
        if (patch > side) {
            throw new AnimataException("image quilting: the patch (" + patch + " px) is larger than the example ("
                    + example.width() + " x " + example.height() + "); give a patch of at most " + side + " px");
        }
        if (overlap * 2 > patch) {
            throw new AnimataException("image quilting: the overlap (" + overlap + " px) must be at most half the patch ("
                    + patch + " px)");
        }
        long candidates = (long) (example.width() - patch + 1) * (example.height() - patch + 1);
        // about 20,000 windows at most: beyond that, every other position (or every third) is as good a match
        this.stride = b.stride > 0 ? b.stride : Math.max(1, (int) Math.ceil(Math.sqrt(candidates / 20_000.0)));
    }

    /** @return a builder; {@code setExample} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the patch side in pixels */
    public int patchSize() {
        return patch;
    }

    /** @return the least overlap between neighbouring patches in pixels */
    public int overlap() {
        return overlap;
    }

    /** Synthesises without progress reports. See {@link #synthesize(int, int, RowExecutor, Listener)}. */
    public PixelBuffer synthesize(int width, int height, RowExecutor rows) {
        return synthesize(width, height, rows, (done, total) -> { });
    }

    /**
     * Makes a tileable texture.
     *
     * @param width output width, at least twice (patch - overlap)
     * @param height output height, at least twice (patch - overlap)
     * @param rows scores candidate windows in parallel
     * @param listener told after each patch
     * @return the texture; opaque where the example is
     * @throws AnimataException when the output is too small for the patch
     */
    public PixelBuffer synthesize(int width, int height, RowExecutor rows, Listener listener) {
        int step = patch - overlap;
        if (width < 2 * step || height < 2 * step) {
            throw new AnimataException("image quilting: the output (" + width + " x " + height + ") must be at least "
                    + 2 * step + " px on each side for a " + patch + " px patch with " + overlap
                    + " px overlap; make it larger or the patch smaller");
        }
        return new Run(width, height, rows).quilt(listener);
    }

    /** The state of one synthesis. */
    private final class Run {
        final int width;
        final int height;
        final RowExecutor rows;
        final int ew = example.width();
        final int eh = example.height();
        /** The example's channels, one int per pixel each. */
        final int[] er = new int[ew * eh];
        final int[] eg = new int[ew * eh];
        final int[] eb = new int[ew * eh];
        final int[] canvas;
        final boolean[] filled;
        final int nx = (ew - patch) / stride + 1;
        final int ny = (eh - patch) / stride + 1;
        final double[] errors = new double[nx * ny];
        final SplittableRandom random = new SplittableRandom(seed);

        Run(int width, int height, RowExecutor rows) {
            this.width = width;
            this.height = height;
            this.rows = rows;
            this.canvas = new int[width * height];
            this.filled = new boolean[width * height];
            int[] p = example.pixels();
            for (int i = 0; i < p.length; i++) {
                er[i] = p[i] >>> 24;
                eg[i] = (p[i] >>> 16) & 0xFF;
                eb[i] = (p[i] >>> 8) & 0xFF;
            }
        }

        PixelBuffer quilt(Listener listener) {
            int step = patch - overlap;
            int cols = Math.max(2, (width + step - 1) / step);
            int rowsOfPatches = Math.max(2, (height + step - 1) / step);
            int[] xs = new int[cols];
            int[] ys = new int[rowsOfPatches];
            for (int i = 0; i < cols; i++) {
                xs[i] = (int) ((long) i * width / cols);
            }
            for (int j = 0; j < rowsOfPatches; j++) {
                ys[j] = (int) ((long) j * height / rowsOfPatches);
            }
            int total = cols * rowsOfPatches;
            for (int j = 0; j < rowsOfPatches; j++) {
                for (int i = 0; i < cols; i++) {
                    int left = i > 0 ? xs[i - 1] + patch - xs[i] : 0;
                    int right = i == cols - 1 ? xs[i] + patch - width : 0;
                    int top = j > 0 ? ys[j - 1] + patch - ys[j] : 0;
                    int bottom = j == rowsOfPatches - 1 ? ys[j] + patch - height : 0;
                    place(xs[i], ys[j], left, right, top, bottom);
                    listener.patchPlaced(j * cols + i + 1, total);
                }
            }
            PixelBuffer out = new PixelBuffer(width, height);
            System.arraycopy(canvas, 0, out.pixels(), 0, canvas.length);
            return out;
        }

        /** Places one patch at canvas {@code (px, py)} (wrapping), cut along the overlaps of the given widths. */
        private void place(int px, int py, int left, int right, int top, int bottom) {
            // the pixels of the window already placed: where the candidate must match
            int n = 0;
            int[] offset = new int[patch * patch];
            int[] cr = new int[patch * patch];
            int[] cg = new int[patch * patch];
            int[] cb = new int[patch * patch];
            for (int dy = 0; dy < patch; dy++) {
                for (int dx = 0; dx < patch; dx++) {
                    int c = canvasIndex(px + dx, py + dy);
                    if (filled[c]) {
                        offset[n] = dy * ew + dx;
                        cr[n] = canvas[c] >>> 24;
                        cg[n] = (canvas[c] >>> 16) & 0xFF;
                        cb[n] = (canvas[c] >>> 8) & 0xFF;
                        n++;
                    }
                }
            }
            int chosen = n == 0 ? random.nextInt(nx * ny) : choose(n, offset, cr, cg, cb);
            int sx = (chosen % nx) * stride;
            int sy = (chosen / nx) * stride;
            int[] leftCut = verticalCut(px, py, sx, sy, 0, left, true);
            int[] rightCut = verticalCut(px, py, sx, sy, patch - right, patch, false);
            int[] topCut = horizontalCut(px, py, sx, sy, 0, top, true);
            int[] bottomCut = horizontalCut(px, py, sx, sy, patch - bottom, patch, false);
            int[] src = example.pixels();
            for (int dy = 0; dy < patch; dy++) {
                for (int dx = 0; dx < patch; dx++) {
                    int c = canvasIndex(px + dx, py + dy);
                    boolean take = !filled[c] || (dx >= leftCut[dy] && dx <= rightCut[dy] && dy >= topCut[dx]
                            && dy <= bottomCut[dx]);
                    if (take) {
                        canvas[c] = src[(sy + dy) * ew + sx + dx];
                        filled[c] = true;
                    }
                }
            }
        }

        /** @return the index of a window whose overlap error is within the tolerance of the best, picked by seed */
        private int choose(int n, int[] offset, int[] cr, int[] cg, int[] cb) {
            rows.forEachRow(ny, j -> {
                int base0 = j * stride * ew;
                for (int i = 0; i < nx; i++) {
                    int base = base0 + i * stride;
                    long sum = 0;
                    for (int k = 0; k < n; k++) {
                        int e = base + offset[k];
                        int dr = er[e] - cr[k];
                        int dg = eg[e] - cg[k];
                        int db = eb[e] - cb[k];
                        sum += dr * dr + dg * dg + db * db;
                    }
                    errors[j * nx + i] = sum;
                }
            });
            double best = Double.MAX_VALUE;
            for (double e : errors) {
                best = Math.min(best, e);
            }
            double limit = best * (1 + tolerance) + 1e-9;
            int count = 0;
            for (double e : errors) {
                if (e <= limit) {
                    count++;
                }
            }
            int pick = random.nextInt(count);
            for (int c = 0; c < errors.length; c++) {
                if (errors[c] <= limit && pick-- == 0) {
                    return c;
                }
            }
            throw new IllegalStateException("no candidate within the limit"); // unreachable: the best is within it
        }

        /** @return the squared colour difference between the candidate and the canvas at patch pixel (dx, dy) */
        private int error(int px, int py, int sx, int sy, int dx, int dy) {
            int c = canvasIndex(px + dx, py + dy);
            if (!filled[c]) {
                return 0;
            }
            int e = (sy + dy) * ew + sx + dx;
            int a = canvas[c];
            int dr = er[e] - (a >>> 24);
            int dg = eg[e] - ((a >>> 16) & 0xFF);
            int db = eb[e] - ((a >>> 8) & 0xFF);
            return dr * dr + dg * dg + db * db;
        }

        /**
         * The minimum-error path from the top of the patch to the bottom through columns [from, to).
         *
         * @param newToTheRight whether the new patch lies right of the path (a left overlap) or left of it
         * @return per patch row, the first column of the new patch (left overlap) or its last (right overlap); with no
         *     overlap, the patch's own edge
         */
        private int[] verticalCut(int px, int py, int sx, int sy, int from, int to, boolean newToTheRight) {
            int[] cut = new int[patch];
            java.util.Arrays.fill(cut, newToTheRight ? 0 : patch - 1);
            int w = to - from;
            if (w <= 0) {
                return cut;
            }
            long[] cost = new long[patch * w];
            for (int dy = 0; dy < patch; dy++) {
                for (int k = 0; k < w; k++) {
                    long e = error(px, py, sx, sy, from + k, dy);
                    if (dy > 0) {
                        long up = cost[(dy - 1) * w + k];
                        if (k > 0) {
                            up = Math.min(up, cost[(dy - 1) * w + k - 1]);
                        }
                        if (k + 1 < w) {
                            up = Math.min(up, cost[(dy - 1) * w + k + 1]);
                        }
                        e += up;
                    }
                    cost[dy * w + k] = e;
                }
            }
            int k = argmin(cost, (patch - 1) * w, w, -1);
            for (int dy = patch - 1; dy >= 0; dy--) {
                cut[dy] = from + k;
                if (dy > 0) {
                    k = argmin(cost, (dy - 1) * w, w, k);
                }
            }
            return cut;
        }

        /** As {@link #verticalCut}, for an overlap along the top (new patch below the path) or the bottom. */
        private int[] horizontalCut(int px, int py, int sx, int sy, int from, int to, boolean newBelow) {
            int[] cut = new int[patch];
            java.util.Arrays.fill(cut, newBelow ? 0 : patch - 1);
            int h = to - from;
            if (h <= 0) {
                return cut;
            }
            long[] cost = new long[patch * h]; // indexed [dx * h + k]
            for (int dx = 0; dx < patch; dx++) {
                for (int k = 0; k < h; k++) {
                    long e = error(px, py, sx, sy, dx, from + k);
                    if (dx > 0) {
                        long prev = cost[(dx - 1) * h + k];
                        if (k > 0) {
                            prev = Math.min(prev, cost[(dx - 1) * h + k - 1]);
                        }
                        if (k + 1 < h) {
                            prev = Math.min(prev, cost[(dx - 1) * h + k + 1]);
                        }
                        e += prev;
                    }
                    cost[dx * h + k] = e;
                }
            }
            int k = argmin(cost, (patch - 1) * h, h, -1);
            for (int dx = patch - 1; dx >= 0; dx--) {
                cut[dx] = from + k;
                if (dx > 0) {
                    k = argmin(cost, (dx - 1) * h, h, k);
                }
            }
            return cut;
        }

        /** @return the index (0 .. n-1) of the least cost in the row at {@code base}, within 1 of {@code near} if given */
        private int argmin(long[] cost, int base, int n, int near) {
            int lo = near < 0 ? 0 : Math.max(0, near - 1);
            int hi = near < 0 ? n - 1 : Math.min(n - 1, near + 1);
            int best = lo;
            for (int k = lo + 1; k <= hi; k++) {
                if (cost[base + k] < cost[base + best]) {
                    best = k;
                }
            }
            return best;
        }

        private int canvasIndex(int x, int y) {
            return (y % height) * width + (x % width);
        }
    }

    /** Settings of an {@link ImageQuilting}; {@link #setExample} is required. */
    public static final class Builder {
        private PixelBuffer example;
        private int patch;
        private int overlap;
        private double tolerance = 0.1;
        private long seed;
        private int stride;

        private Builder() {
        }

        /** @param image the example texture (not modified) */
        public Builder setExample(PixelBuffer image) {
            this.example = Objects.requireNonNull(image, "example");
            return this;
        }

        /** @param pixels patch side, at least 4 (default: a third of the example's shorter side, 8 to 64) */
        public Builder optPatchSize(int pixels) {
            if (pixels < 4) {
                throw new IllegalArgumentException("patch size must be at least 4 pixels, was " + pixels);
            }
            this.patch = pixels;
            return this;
        }

        /** @param pixels least overlap between patches, at least 1 (default: a fifth of the patch, at least 2) */
        public Builder optOverlap(int pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("overlap must be at least 1 pixel, was " + pixels);
            }
            this.overlap = pixels;
            return this;
        }

        /** @param fraction how much worse than the best match a picked window may be, at least 0 (default 0.1) */
        public Builder optTolerance(double fraction) {
            if (!(fraction >= 0) || Double.isInfinite(fraction)) {
                throw new IllegalArgumentException("tolerance must be a non-negative number, was " + fraction);
            }
            this.tolerance = fraction;
            return this;
        }

        /** @param value seed of the first patch and of the choices among good matches (default 0) */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** @param pixels distance between candidate windows, at least 1 (default: 1, more for large examples) */
        public Builder optStride(int pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("stride must be at least 1 pixel, was " + pixels);
            }
            this.stride = pixels;
            return this;
        }

        /**
         * @return the synthesiser
         * @throws IllegalStateException when no example was set
         * @throws AnimataException when the patch does not fit the example or the overlap is over half the patch
         */
        public ImageQuilting build() {
            if (example == null) {
                throw new IllegalStateException("setExample is required");
            }
            return new ImageQuilting(this);
        }
    }
}
