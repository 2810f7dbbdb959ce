package io.animata.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;

/**
 * A texture loss without downloaded weights: the sliced Wasserstein distance (E. Heitz et al., "A sliced Wasserstein
 * loss for neural texture synthesis", CVPR 2021) between the feature distributions of the grown image and of the
 * example, on the colours themselves and on a small convolutional network with fixed random weights (random features
 * describe textures well: I. Ustyuzhaninov et al., "What does it take to generate natural textures?", ICLR 2017).
 * Layers: the RGB values, then three 3x3 convolutions with ReLU (32, 64 and 64 filters) with 2x2 average pooling
 * between them, so the deepest features see about 18 x 18 pixels.
 *
 * <p>Per layer, the features of every pixel are projected on random unit directions, the projections sorted, and the
 * sorted values compared with the example's (its quantiles, taken at as many points as the grid has pixels): this
 * matches whole distributions, not only their means and correlations (Gram matrices), so a texture of dark crust and
 * bright cracks cannot be matched by a uniform colour with the same variance. Each layer's term is divided by the
 * variance of the example's projections, and the loss is their sum.
 *
 * <p>Threading: not thread-safe; owned by one trainer. {@link #close()} frees its arrays (idempotent).
 */
final class TextureLoss implements AutoCloseable {
    private static final int[] WIDTHS = {32, 64, 64};
    /** Random directions per layer (at most). */
    private static final int PROJECTIONS = 32;

    private final NDManager manager;
    private final NDArray[] weights = new NDArray[WIDTHS.length];
    private final NDArray[] directions = new NDArray[WIDTHS.length + 1];
    /** Per layer: the example's sorted projections resampled to the grid's pixel count, {@code [1, P, N]}. */
    private final NDArray[] targets = new NDArray[WIDTHS.length + 1];
    private final float[] scales = new float[WIDTHS.length + 1];
    private boolean closed;

    /**
     * @param parent the manager to make arrays in
     * @param example {@code [3, H, W]} planar RGB in [0, 1]
     * @param grid the side of the square images {@link #loss} will score
     * @param seed seed of the random filters and directions
     */
    TextureLoss(NDManager parent, float[] example, int width, int height, int grid, long seed) {
        this.manager = parent.newSubManager();
        Random random = new Random(seed);
        int in = 3;
        for (int l = 0; l < WIDTHS.length; l++) {
            int fanIn = in * 9;
            float[] w = new float[WIDTHS[l] * fanIn];
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * std);
            }
            weights[l] = keep(manager.create(w, new Shape(WIDTHS[l], in, 3, 3)));
            in = WIDTHS[l];
        }
        for (int l = 0; l <= WIDTHS.length; l++) {
            int features = l == 0 ? 3 : WIDTHS[l - 1];
            int p = Math.min(PROJECTIONS, Math.max(features, 8));
            directions[l] = keep(manager.create(unitRows(random, p, features), new Shape(p, features)));
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray[] features = features(manager.create(example, new Shape(1, 3, height, width)));
            int side = grid;
            for (int l = 0; l < features.length; l++) {
                if (l >= 2) {
                    side /= 2; // pooled before the second and third convolutions
                }
                float[] sorted = project(l, features[l]).sort(2).toFloatArray();
                int p = (int) directions[l].getShape().get(0);
                int n = sorted.length / p;
                int m = side * side;
                float[] quantiles = new float[p * m];
                double sum = 0;
                double sq = 0;
                for (int d = 0; d < p; d++) {
                    for (int k = 0; k < m; k++) {
                        float v = sorted[d * n + (int) ((k + 0.5) * n / m)];
                        quantiles[d * m + k] = v;
                        sum += v;
                        sq += (double) v * v;
                    }
                }
                double mean = sum / quantiles.length;
                scales[l] = (float) (1 / Math.max(1e-6, sq / quantiles.length - mean * mean));
                targets[l] = keep(manager.create(quantiles, new Shape(1, p, m)));
            }
        }
    }

    private static NDArray keep(NDArray a) {
        NDScope.unregister(a);
        return a;
    }

    /** @return {@code rows} random unit vectors of length {@code cols}, row-major */
    private static float[] unitRows(Random random, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int c = 0; c < cols; c++) {
                double g = random.nextGaussian();
                v[r * cols + c] = (float) g;
                norm += g * g;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int c = 0; c < cols; c++) {
                v[r * cols + c] *= inv;
            }
        }
        return v;
    }

    /** @return per layer the features of every pixel, {@code [B, F, N]} */
    private NDArray[] features(NDArray rgb) {
        NDArray[] out = new NDArray[WIDTHS.length + 1];
        out[0] = flatten(rgb);
        NDArray f = rgb.sub(0.5f);
        for (int l = 0; l < WIDTHS.length; l++) {
            if (l > 0) {
                f = f.getNDArrayInternal().avgPool(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            }
            // zero padding keeps the size, so small training grids (16 cells) still reach the third layer
            f = f.getNDArrayInternal().convolution(f, weights[l], null, new Shape(1, 1), new Shape(1, 1),
                    new Shape(1, 1), 1).singletonOrThrow().maximum(0f);
            out[l + 1] = flatten(f);
        }
        return out;
    }

    private static NDArray flatten(NDArray f) {
        Shape s = f.getShape();
        return f.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
    }

    /** @return the features projected on the layer's directions, {@code [B, P, N]} */
    private NDArray project(int layer, NDArray features) {
        return directions[layer].matMul(features);
    }

    /**
     * @param rgb a batch of colour images {@code [B, 3, grid, grid]} (values around [0, 1])
     * @return the loss, a scalar
     */
    NDArray loss(NDArray rgb) {
        NDArray[] f = features(rgb);
        NDArray total = null;
        for (int l = 0; l < f.length; l++) {
            NDArray term = project(l, f[l]).sort(2).sub(targets[l]).square().mean().mul(scales[l]);
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    @Override
    public String toString() {
        return "TextureLoss[sliced Wasserstein, layers " + Arrays.toString(WIDTHS) + "]";
    }
}
