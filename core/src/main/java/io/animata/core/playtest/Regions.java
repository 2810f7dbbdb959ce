package io.animata.core.playtest;

import io.animata.core.level.play.TopDownPathCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Flood fill over a {@link PlaytestLevel}: which walkable cells a bot can reach from a start tile (four directions,
 * through tiles that are neither solid nor hazards, the same walk as {@link TopDownPathCheck}), and the walkable
 * regions that are sealed off from every start. Coverage is measured against {@link #reachableCount()}.
 *
 * <p>Threading: immutable once made; share it between threads freely.
 *
 * <pre>{@code
 * Regions regions = Regions.of(level);
 * for (int[] cells : regions.sealed()) System.out.println("sealed room of " + cells.length + " cells");
 * }</pre>
 */
public final class Regions {
    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};

    private final boolean[] reachable;
    private final int reachableCount;
    private final List<int[]> sealed;

    private Regions(boolean[] reachable, int reachableCount, List<int[]> sealed) {
        this.reachable = reachable;
        this.reachableCount = reachableCount;
        this.sealed = sealed;
    }

    /** @return the regions of {@code level} */
    public static Regions of(PlaytestLevel level) {
        int n = level.grid().size();
        boolean[] reachable = new boolean[n];
        TopDownPathCheck walk = new TopDownPathCheck(level.legend());
        for (int start : level.starts()) {
            int[] dist = walk.distances(level.grid(), start);
            for (int i = 0; i < n; i++) {
                if (dist[i] >= 0) {
                    reachable[i] = true;
                }
            }
        }
        int count = 0;
        boolean[] sealedMask = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (reachable[i]) {
                count++;
            } else if (level.isWalkable(i)) {
                sealedMask[i] = true;
            }
        }
        return new Regions(reachable, count, components(sealedMask, level.width(), level.height()));
    }

    /** @return whether a bot can walk to {@code cell} from a start */
    public boolean isReachable(int cell) {
        return reachable[cell];
    }

    /** @return the number of reachable cells */
    public int reachableCount() {
        return reachableCount;
    }

    /** @return the walkable regions no start reaches, each as its cells ascending; largest first (unmodifiable) */
    public List<int[]> sealed() {
        return sealed;
    }

    /**
     * Connected components (four directions) of the cells where {@code mask} is set.
     *
     * @param mask one flag per cell, row-major
     * @param width columns
     * @param height rows
     * @return each component's cells in ascending order; largest first, ties by first cell (unmodifiable)
     */
    public static List<int[]> components(boolean[] mask, int width, int height) {
        return components(mask, width, height, false);
    }

    /**
     * Connected components of the cells where {@code mask} is set, in four directions or, with {@code diagonals},
     * eight.
     *
     * @param mask one flag per cell, row-major
     * @param width columns
     * @param height rows
     * @param diagonals whether cells that touch at a corner are connected
     * @return each component's cells in ascending order; largest first, ties by first cell (unmodifiable)
     */
    public static List<int[]> components(boolean[] mask, int width, int height, boolean diagonals) {
        int directions = diagonals ? 8 : 4;
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " cells, expected " + width * height);
        }
        boolean[] seen = new boolean[mask.length];
        int[] queue = new int[mask.length];
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || seen[s]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail) {
                int i = queue[head++];
                int x = i % width;
                int y = i / width;
                for (int d = 0; d < directions; d++) {
                    int nx = x + DX[d];
                    int ny = y + DY[d];
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                        continue;
                    }
                    int j = ny * width + nx;
                    if (mask[j] && !seen[j]) {
                        seen[j] = true;
                        queue[tail++] = j;
                    }
                }
            }
            int[] cells = java.util.Arrays.copyOf(queue, tail);
            java.util.Arrays.sort(cells);
            out.add(cells);
        }
        out.sort((a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]));
        return Collections.unmodifiableList(out);
    }
}
