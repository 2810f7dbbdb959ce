package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.PlatformerReachability;
import io.animata.core.level.play.TopDownPathCheck;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Places the start and the goal in a level that has none, on plain floor ({@link Legend#background()}), as far
 * apart as the player can go:
 * <ul>
 *   <li>top-down: from a random floor tile, the farthest reachable tile becomes the start and the tile farthest from
 *       it the goal (a double sweep, which finds the longest walk of the level's biggest open region or near it)</li>
 *   <li>side view: the start stands on solid ground in the leftmost columns; the goal is the standing place the
 *       player can reach ({@link PlatformerReachability}) farthest to the right</li>
 * </ul>
 * Learned generators are trained on examples with their markers taken out ({@link #strip}), and this puts them back
 * where they make the level long, so that a level has exactly one start and one goal. A start or goal that is
 * already there (a fixed tile) is kept.
 *
 * <p>Threading: immutable; thread-safe.
 */
public final class MarkerPlacer {
    private final Legend legend;
    private final char start;
    private final char goal;
    private final char floor;

    /**
     * @param legend with a start, a goal and a plain floor tile
     * @throws io.animata.runtime.AnimataException when the legend lacks one of them
     */
    public MarkerPlacer(Legend legend) {
        legend.requireStartAndGoal("legend");
        this.legend = legend;
        this.start = legend.start().orElseThrow();
        this.goal = legend.goal().orElseThrow();
        this.floor = legend.background();
    }

    /** @return the level with every start and goal replaced by the legend's plain floor tile */
    public static TileGrid strip(TileGrid grid, Legend legend) {
        char floor = legend.background();
        char[] cells = grid.cells();
        boolean changed = false;
        for (int i = 0; i < cells.length; i++) {
            if (legend.isMarker(cells[i])) {
                cells[i] = floor;
                changed = true;
            }
        }
        return changed ? TileGrid.of(grid.width(), grid.height(), cells) : grid;
    }

    /**
     * @param grid a level
     * @param seed the placement's randomness
     * @return the level with a start and a goal, or empty when there is no floor to put them on
     */
    public Optional<TileGrid> place(TileGrid grid, long seed) {
        int startAt = findFirst(grid, true);
        int goalAt = findFirst(grid, false);
        if (startAt >= 0 && goalAt >= 0) {
            return Optional.of(grid);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        return legend.view() == Legend.View.SIDE ? placeSide(grid, startAt, goalAt, rng)
                : placeTopDown(grid, startAt, goalAt, rng);
    }

    private int findFirst(TileGrid grid, boolean wantStart) {
        for (int i = 0; i < grid.size(); i++) {
            char c = grid.at(i);
            if (wantStart ? legend.isStart(c) : legend.isGoal(c)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<TileGrid> placeTopDown(TileGrid grid, int startAt, int goalAt, SplittableRandom rng) {
        TopDownPathCheck paths = new TopDownPathCheck(legend);
        int from = startAt >= 0 ? startAt : goalAt;
        if (from < 0) {
            int floors = grid.count(floor);
            if (floors < 2) {
                return Optional.empty();
            }
            int pick = rng.nextInt(floors);
            for (int i = 0; i < grid.size(); i++) {
                if (grid.at(i) == floor && pick-- == 0) {
                    from = farthestFloor(grid, paths.distances(grid, i), rng);
                    break;
                }
            }
        }
        if (from < 0) {
            return Optional.empty();
        }
        int to = farthestFloor(grid, paths.distances(grid, from), rng);
        if (to < 0 || to == from) {
            return Optional.empty();
        }
        char[] cells = grid.cells();
        if (startAt >= 0) {
            cells[to] = goal;
        } else if (goalAt >= 0) {
            cells[to] = start;
        } else {
            cells[from] = start;
            cells[to] = goal;
        }
        return Optional.of(TileGrid.of(grid.width(), grid.height(), cells));
    }

    /** @return a floor tile at the greatest distance (ties broken at random), or -1 */
    private int farthestFloor(TileGrid grid, int[] dist, SplittableRandom rng) {
        int best = -1;
        int ties = 0;
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] < 0 || grid.at(i) != floor) {
                continue;
            }
            if (best < 0 || dist[i] > dist[best]) {
                best = i;
                ties = 1;
            } else if (dist[i] == dist[best] && rng.nextInt(++ties) == 0) {
                best = i;
            }
        }
        return best;
    }

    private Optional<TileGrid> placeSide(TileGrid grid, int startAt, int goalAt, SplittableRandom rng) {
        PlatformerReachability reach = new PlatformerReachability(legend);
        int w = grid.width();
        int s = startAt;
        if (s < 0) {
            // stand somewhere in the leftmost columns that have a place to stand
            int minX = Integer.MAX_VALUE;
            for (int i = 0; i < grid.size(); i++) {
                if (grid.at(i) == floor && reach.canStand(grid, i)) {
                    minX = Math.min(minX, i % w);
                }
            }
            if (minX == Integer.MAX_VALUE) {
                return Optional.empty();
            }
            int count = 0;
            for (int i = 0; i < grid.size(); i++) {
                if (grid.at(i) == floor && reach.canStand(grid, i) && i % w <= minX + 2 && rng.nextInt(++count) == 0) {
                    s = i;
                }
            }
        }
        char[] cells = grid.cells();
        cells[s] = start;
        TileGrid withStart = TileGrid.of(w, grid.height(), cells);
        if (goalAt >= 0) {
            return Optional.of(withStart);
        }
        boolean[] reached = reach.reachableCells(withStart, s);
        int g = -1;
        int ties = 0;
        for (int i = 0; i < reached.length; i++) {
            if (!reached[i] || i == s || withStart.at(i) != floor || !reach.canStand(withStart, i)) {
                continue;
            }
            if (g < 0 || i % w > g % w) {
                g = i;
                ties = 1;
            } else if (i % w == g % w && rng.nextInt(++ties) == 0) {
                g = i;
            }
        }
        if (g < 0) {
            return Optional.empty();
        }
        cells[g] = goal;
        return Optional.of(TileGrid.of(w, grid.height(), cells));
    }
}
