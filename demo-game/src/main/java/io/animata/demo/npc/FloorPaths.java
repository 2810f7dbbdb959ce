package io.animata.demo.npc;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.Arrays;

/**
 * Walking distances over a dungeon's floor in four directions, as the level's path check walks (through tiles that
 * are passable and not hazards), with one tile optionally blocked: what the demo asks when it locks a door.
 *
 * <p>Threading: stateless; each call allocates its arrays (level start only, never per frame).
 */
final class FloorPaths {
    private FloorPaths() {
    }

    /** @return whether a person can stand on grid cell {@code cell}: passable and not a hazard */
    static boolean walkable(TileGrid grid, Legend legend, int cell) {
        char c = grid.at(cell);
        return legend.isPassable(c) && !legend.isHazard(c);
    }

    /**
     * @param from the grid cell the walk starts on
     * @param blocked a grid cell treated as wall, or -1 for none
     * @return each cell's distance in moves from {@code from}, -1 where it cannot be reached
     */
    static int[] distances(TileGrid grid, Legend legend, int from, int blocked) {
        int w = grid.width();
        int h = grid.height();
        int[] dist = new int[w * h];
        Arrays.fill(dist, -1);
        if (from < 0 || from == blocked || !walkable(grid, legend, from)) {
            return dist;
        }
        int[] queue = new int[w * h];
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        dist[from] = 0;
        while (head < tail) {
            int cell = queue[head++];
            int x = cell % w;
            int y = cell / w;
            for (int d = 0; d < 4; d++) {
                int nx = x + (d == 0 ? 1 : d == 1 ? -1 : 0);
                int ny = y + (d == 2 ? 1 : d == 3 ? -1 : 0);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    continue;
                }
                int n = ny * w + nx;
                if (dist[n] < 0 && n != blocked && walkable(grid, legend, n)) {
                    dist[n] = dist[cell] + 1;
                    queue[tail++] = n;
                }
            }
        }
        return dist;
    }
}
