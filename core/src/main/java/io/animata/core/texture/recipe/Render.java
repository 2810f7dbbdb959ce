package io.animata.core.texture.recipe;

import io.animata.core.texture.RowExecutor;
import java.util.HashMap;
import java.util.Map;

/**
 * One rendering of a recipe: the size, the tiling, the seed and the planes the nodes made so far.
 *
 * <p>Planes: a scalar is {@code float[width * height]} in [0, 1]; a colour is {@code float[width * height * 4]}
 * (r, g, b, a in [0, 1]); coordinates are {@code float[2][width * height]} (u across, v down, in tile units: the
 * texture spans [0, 1) on both axes).
 *
 * <p>Threading: the graph is walked on one thread; each node fills its plane's rows on {@link #rows}.
 */
final class Render {
    final int width;
    final int height;
    final boolean tileable;
    final long seed;
    final RowExecutor rows;
    /** height / width: frequencies along v are scaled by it, so features stay round on non-square textures. */
    final double aspect;
    private final Map<String, Object> planes = new HashMap<>();

    Render(int width, int height, boolean tileable, long seed, RowExecutor rows) {
        this.width = width;
        this.height = height;
        this.tileable = tileable;
        this.seed = seed;
        this.rows = rows;
        this.aspect = (double) height / width;
    }

    int pixels() {
        return width * height;
    }

    void put(String id, Object plane) {
        planes.put(id, plane);
    }

    void drop(String id) {
        planes.remove(id);
    }

    float[] scalar(String id) {
        return (float[]) planes.get(id);
    }

    float[] color(String id) {
        return (float[]) planes.get(id);
    }

    float[][] coords(String id) {
        return (float[][]) planes.get(id);
    }

    /** @return u of the centre of pixel column {@code x} */
    double u(int x) {
        return (x + 0.5) / width;
    }

    /** @return v of the centre of pixel row {@code y} */
    double v(int y) {
        return (y + 0.5) / height;
    }

    /**
     * @return a seed for a node without a {@code seed} field: the recipe seed and the node's name mixed, so that adding
     *     a node to a recipe does not change the others
     */
    int nodeSeed(String nodeId) {
        return mix(seed * 0x9E3779B97F4A7C15L + nodeId.hashCode() * 0xBF58476D1CE4E5B9L);
    }

    /**
     * @return a seed for nodes with the {@code seed} field {@code value}: nodes with the same value share their noise
     *     (the cell borders and the cell colours of the same stones)
     */
    int sharedSeed(int value) {
        return mix(seed * 0x9E3779B97F4A7C15L + value * 0x94D049BB133111EBL + 0x632BE59BD9B4E019L);
    }

    /** splitmix64's finaliser (S. Vigna), folded to 32 bits. */
    private static int mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (z ^ (z >>> 32));
    }
}
