package io.animata.core.level.play;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.Arrays;

/**
 * Playability seen from above: the player walks in four directions through tiles that are neither solid nor
 * hazards. A level is playable when it has one start and every goal can be reached; the path returned is a
 * shortest path to the nearest goal (breadth-first search).
 *
 * <p>Threading: immutable and thread-safe; each call allocates its own arrays.
 */
public final class TopDownPathCheck implements PlayabilityCheck {
    private static final int[] DX = {1, -1, 0, 0};
    private static final int[] DY = {0, 0, 1, -1};

    private final Legend legend;

    /** @param legend what the tiles mean */
    public TopDownPathCheck(Legend legend) {
        this.legend = legend;
    }

    @Override
    public Playability check(TileGrid grid) {
        Markers m = Markers.find(grid, legend);
        if (m.problem != null) {
            return Playability.unplayable(m.problem);
        }
        int[] parent = new int[grid.size()];
        int[] dist = distances(grid, m.start, parent);
        int nearest = -1;
        for (int g : m.goals) {
            if (dist[g] < 0) {
                int w = grid.width();
                return Playability.unplayable("the goal at (" + g % w + ", " + g / w + ") cannot be reached from "
                        + "the start at (" + m.start % w + ", " + m.start / w + ")");
            }
            if (nearest < 0 || dist[g] < dist[nearest]) {
                nearest = g;
            }
        }
        int[] path = new int[dist[nearest] + 1];
        for (int i = path.length - 1, c = nearest; i >= 0; i--, c = parent[c]) {
            path[i] = c;
        }
        return Playability.playable(path);
    }

    /**
     * @param grid a level
     * @param from a cell index
     * @return each cell's walking distance from {@code from}, -1 where it cannot be reached
     */
    public int[] distances(TileGrid grid, int from) {
        return distances(grid, from, new int[grid.size()]);
    }

    private int[] distances(TileGrid grid, int from, int[] parent) {
        int w = grid.width();
        int[] dist = new int[grid.size()];
        Arrays.fill(dist, -1);
        int[] queue = new int[grid.size()];
        int head = 0;
        int tail = 0;
        dist[from] = 0;
        parent[from] = from;
        queue[tail++] = from;
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            for (int d = 0; d < 4; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (!grid.contains(nx, ny)) {
                    continue;
                }
                int j = ny * w + nx;
                char c = grid.at(j);
                if (dist[j] < 0 && legend.isPassable(c) && !legend.isHazard(c)) {
                    dist[j] = dist[i] + 1;
                    parent[j] = i;
                    queue[tail++] = j;
                }
            }
        }
        return dist;
    }
}
