package io.animata.core.level.export;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * The solid tiles of a level merged into few shapes, in tile units with row 0 at the top (no Box2D here, so it runs
 * and tests anywhere):
 * <ul>
 *   <li>{@link #rectangles}: disjoint rectangles that together cover exactly the solid tiles (greedy: the longest run
 *       in a row, grown down while the rows below have the same run)</li>
 *   <li>{@link #outlines}: closed loops along the border between solid and non-solid tiles (the level's edge counts
 *       as non-solid), with straight runs merged into one segment; solid regions that touch only at a corner get
 *       loops of their own</li>
 * </ul>
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class SolidShapes {
    /**
     * A block of tiles. Threading: immutable.
     *
     * @param x left column
     * @param y top row
     * @param width columns
     * @param height rows
     */
    public record Rect(int x, int y, int width, int height) {
    }

    private SolidShapes() {
    }

    /** @return disjoint rectangles covering exactly the solid tiles */
    public static List<Rect> rectangles(TileGrid grid, Legend legend) {
        int w = grid.width();
        int h = grid.height();
        boolean[] done = new boolean[w * h];
        List<Rect> out = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (done[y * w + x] || !legend.isSolid(grid.at(y * w + x))) {
                    continue;
                }
                int rw = 1;
                while (x + rw < w && !done[y * w + x + rw] && legend.isSolid(grid.at(y * w + x + rw))) {
                    rw++;
                }
                int rh = 1;
                grow:
                while (y + rh < h) {
                    for (int i = 0; i < rw; i++) {
                        int c = (y + rh) * w + x + i;
                        if (done[c] || !legend.isSolid(grid.at(c))) {
                            break grow;
                        }
                    }
                    rh++;
                }
                for (int yy = y; yy < y + rh; yy++) {
                    for (int xx = x; xx < x + rw; xx++) {
                        done[yy * w + xx] = true;
                    }
                }
                out.add(new Rect(x, y, rw, rh));
            }
        }
        return out;
    }

    /**
     * @return closed loops of tile-corner points {@code {x0, y0, x1, y1, ...}} (x in 0..width, y in 0..height, y
     *     down), each going clockwise on screen around solid tiles (counter-clockwise once y points up), holes the
     *     other way; the last point connects back to the first
     */
    public static List<int[]> outlines(TileGrid grid, Legend legend) {
        int w = grid.width();
        int h = grid.height();
        int vw = w + 1;
        int vertices = vw * (h + 1);
        // up to two outgoing border edges per corner, as target corners; -1 for none
        int[] out1 = new int[vertices];
        int[] out2 = new int[vertices];
        java.util.Arrays.fill(out1, -1);
        java.util.Arrays.fill(out2, -1);
        int edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!solid(grid, legend, x, y)) {
                    continue;
                }
                int tl = y * vw + x;
                int tr = tl + 1;
                int bl = tl + vw;
                int br = bl + 1;
                // clockwise on screen, the solid tile on the right of each edge
                if (!solid(grid, legend, x, y - 1)) {
                    edges += add(out1, out2, tl, tr);
                }
                if (!solid(grid, legend, x + 1, y)) {
                    edges += add(out1, out2, tr, br);
                }
                if (!solid(grid, legend, x, y + 1)) {
                    edges += add(out1, out2, br, bl);
                }
                if (!solid(grid, legend, x - 1, y)) {
                    edges += add(out1, out2, bl, tl);
                }
            }
        }
        List<int[]> loops = new ArrayList<>();
        while (edges > 0) {
            int start = -1;
            for (int v = 0; v < vertices && start < 0; v++) {
                if (out1[v] >= 0) {
                    start = v;
                }
            }
            List<Integer> loop = new ArrayList<>();
            int from = start;
            int prevDx = 0;
            int prevDy = 0;
            do {
                loop.add(from);
                int to = next(out1, out2, from, prevDx, prevDy, vw);
                edges--;
                prevDx = to % vw - from % vw;
                prevDy = to / vw - from / vw;
                from = to;
            } while (from != start);
            loops.add(simplify(loop, vw));
        }
        return loops;
    }

    private static int add(int[] out1, int[] out2, int from, int to) {
        if (out1[from] < 0) {
            out1[from] = to;
        } else {
            out2[from] = to;
        }
        return 1;
    }

    /**
     * Takes an outgoing edge of {@code from}: where there are two (two solid regions touch at this corner), the one
     * that turns right, so that each region's loop hugs its own tiles.
     */
    private static int next(int[] out1, int[] out2, int from, int prevDx, int prevDy, int vw) {
        int pick;
        if (out2[from] >= 0) {
            int a = out1[from];
            int dxA = a % vw - from % vw;
            int dyA = a / vw - from / vw;
            // right turn on screen (y down) of (dx, dy) is (-dy, dx)
            boolean aTurnsRight = dxA == -prevDy && dyA == prevDx;
            pick = aTurnsRight ? a : out2[from];
            if (aTurnsRight) {
                out1[from] = out2[from];
            }
            out2[from] = -1;
        } else {
            pick = out1[from];
            out1[from] = -1;
        }
        return pick;
    }

    private static int[] simplify(List<Integer> loop, int vw) {
        // drop points that lie on a straight line between their neighbours (the start may be one)
        List<Integer> kept = new ArrayList<>();
        int n = loop.size();
        for (int i = 0; i < n; i++) {
            int a = loop.get((i + n - 1) % n);
            int b = loop.get(i);
            int c = loop.get((i + 1) % n);
            int dx1 = b % vw - a % vw;
            int dy1 = b / vw - a / vw;
            int dx2 = c % vw - b % vw;
            int dy2 = c / vw - b / vw;
            if (dx1 * dy2 - dy1 * dx2 != 0) {
                kept.add(b);
            }
        }
        int[] pts = new int[kept.size() * 2];
        for (int i = 0; i < kept.size(); i++) {
            pts[2 * i] = kept.get(i) % vw;
            pts[2 * i + 1] = kept.get(i) / vw;
        }
        return pts;
    }

    private static boolean solid(TileGrid grid, Legend legend, int x, int y) {
        return grid.contains(x, y) && legend.isSolid(grid.get(x, y));
    }
}
