package io.animata.core.level.play;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.Arrays;

/**
 * Playability seen from the side, with gravity: a breadth-first search over the player's states (tile, how much
 * of a jump is left, how far it has moved sideways in the air). The player is one tile. Each step it moves at most
 * one tile sideways and one tile up or down:
 * <ul>
 *   <li>standing (on a solid tile that is not a hazard, on top of a ladder, or in a ladder) it walks left or right,
 *       or jumps: it then rises up to {@link Legend.Jump#height()} tiles (it may stop rising early, and a ceiling
 *       stops it)</li>
 *   <li>not standing and not rising, it falls one tile per step: gravity is not optional</li>
 *   <li>in the air it moves at most {@link Legend.Jump#length()} + 1 tiles sideways before it lands, so it crosses
 *       gaps up to the jump's length on level ground</li>
 *   <li>in a ladder (climbable) it also moves up and down</li>
 *   <li>it never enters a solid tile or a hazard, never cuts a corner between two solid tiles, and dies when it
 *       falls out of the bottom of the level; the sides and the top are walls</li>
 * </ul>
 * A level is playable when it has one start and every goal is reached; the path returned leads to the nearest goal
 * (fewest steps).
 *
 * <p>Threading: immutable and thread-safe; each call allocates its own search state.
 */
public final class PlatformerReachability implements PlayabilityCheck {
    private final Legend legend;
    private final int rise;
    private final int maxAir;

    /** @param legend what the tiles mean, and the jump */
    public PlatformerReachability(Legend legend) {
        this.legend = legend;
        this.rise = legend.jump().height();
        this.maxAir = legend.jump().length() + 1;
    }

    @Override
    public Playability check(TileGrid grid) {
        Markers m = Markers.find(grid, legend);
        if (m.problem != null) {
            return Playability.unplayable(m.problem);
        }
        Search s = new Search(grid);
        s.run(m.start);
        int w = grid.width();
        int nearest = -1;
        for (int g : m.goals) {
            if (s.firstState[g] < 0) {
                return Playability.unplayable("the goal at (" + g % w + ", " + g / w + ") cannot be reached from "
                        + "the start at (" + m.start % w + ", " + m.start / w + ") with jumps of "
                        + legend.jump().height() + " up and " + legend.jump().length() + " across");
            }
            if (nearest < 0 || s.depth[s.firstState[g]] < s.depth[s.firstState[nearest]]) {
                nearest = g;
            }
        }
        return Playability.playable(s.path(s.firstState[nearest]));
    }

    /**
     * @param grid a level
     * @param start the cell the player starts in
     * @return for each cell, whether the player can be in it
     */
    public boolean[] reachableCells(TileGrid grid, int start) {
        Search s = new Search(grid);
        s.run(start);
        boolean[] out = new boolean[grid.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.firstState[i] >= 0;
        }
        return out;
    }

    /** @return whether the player can stand on or in cell i (it does not fall from there) */
    public boolean canStand(TileGrid grid, int i) {
        int w = grid.width();
        int x = i % w;
        int y = i / w;
        return enterable(grid, x, y) && supported(grid, x, y);
    }

    private boolean enterable(TileGrid grid, int x, int y) {
        if (!grid.contains(x, y)) {
            return false;
        }
        char c = grid.get(x, y);
        return !legend.isSolid(c) && !legend.isHazard(c);
    }

    private boolean supported(TileGrid grid, int x, int y) {
        if (legend.isClimbable(grid.get(x, y))) {
            return true;
        }
        if (y + 1 >= grid.height()) {
            return false;
        }
        char below = grid.get(x, y + 1);
        return (legend.isSolid(below) && !legend.isHazard(below)) || legend.isClimbable(below);
    }

    /** One search: states are (cell, rise left, sideways moves in the air). */
    private final class Search {
        private final TileGrid grid;
        private final int w;
        private final int rises;
        private final int airs;
        private final int[] parent;
        private final int[] depth;
        private final int[] firstState;
        private final boolean[] standing;
        private int[] queue;
        private int head;
        private int tail;

        Search(TileGrid grid) {
            this.grid = grid;
            this.w = grid.width();
            this.rises = rise + 1;
            this.airs = maxAir + 1;
            int states = grid.size() * rises * airs;
            this.parent = new int[states];
            this.depth = new int[states];
            Arrays.fill(depth, -1);
            this.firstState = new int[grid.size()];
            Arrays.fill(firstState, -1);
            this.standing = new boolean[grid.size()];
            for (int i = 0; i < grid.size(); i++) {
                standing[i] = enterable(grid, i % w, i / w) && supported(grid, i % w, i / w);
            }
            this.queue = new int[Math.min(states, 1024)];
        }

        private int state(int cell, int r, int air) {
            return (cell * rises + r) * airs + air;
        }

        void run(int start) {
            visit(state(start, 0, 0), -1, 0);
            while (head < tail) {
                int s = queue[head++];
                int air = s % airs;
                int r = (s / airs) % rises;
                int cell = s / (airs * rises);
                int x = cell % w;
                int y = cell / w;
                int d = depth[s] + 1;
                if (r == 0 && standing[cell]) {
                    step(s, x, y, -1, 0, 0, 0, d);
                    step(s, x, y, 1, 0, 0, 0, d);
                    if (legend.isClimbable(grid.get(x, y))) {
                        step(s, x, y, 0, -1, 0, 0, d);
                    }
                    if (y + 1 < grid.height() && legend.isClimbable(grid.get(x, y + 1))) {
                        step(s, x, y, 0, 1, 0, 0, d);
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        step(s, x, y, dx, -1, rise - 1, Math.abs(dx), d);
                    }
                    continue;
                }
                if (r > 0) {
                    // still rising: up again, or let go of the jump
                    for (int dx = -1; dx <= 1; dx++) {
                        if (air + Math.abs(dx) <= maxAir) {
                            if (!step(s, x, y, dx, -1, r - 1, air + Math.abs(dx), d) && dx != 0
                                    && !enterable(grid, x, y - 1)) {
                                // a ceiling: slide sideways under it and fall from there
                                step(s, x, y, dx, 0, 0, air + 1, d);
                            }
                        }
                    }
                }
                // falling (or hanging at the top of a jump): down one, maybe sideways
                for (int dx = -1; dx <= 1; dx++) {
                    if (air + Math.abs(dx) <= maxAir) {
                        step(s, x, y, dx, 1, 0, air + Math.abs(dx), d);
                    }
                }
            }
        }

        /** Moves from state s at (x, y) by (dx, dy) into rise r and air; @return whether the move was possible. */
        private boolean step(int s, int x, int y, int dx, int dy, int r, int air, int d) {
            int nx = x + dx;
            int ny = y + dy;
            if (!enterable(grid, nx, ny)) {
                return false;
            }
            if (dx != 0 && dy != 0 && !enterable(grid, nx, y) && !enterable(grid, x, ny)) {
                return false; // no squeezing between two diagonal blocks
            }
            int cell = ny * w + nx;
            if (r == 0 && standing[cell]) {
                air = 0; // landed
            }
            visit(state(cell, r, air), s, d);
            return true;
        }

        private void visit(int s, int from, int d) {
            if (depth[s] >= 0) {
                return;
            }
            depth[s] = d;
            parent[s] = from;
            int cell = s / (airs * rises);
            if (firstState[cell] < 0) {
                firstState[cell] = s;
            }
            if (tail == queue.length) {
                queue = Arrays.copyOf(queue, Math.min(parent.length, queue.length * 2));
            }
            queue[tail++] = s;
        }

        int[] path(int goalState) {
            int n = depth[goalState] + 1;
            int[] cells = new int[n];
            int s = goalState;
            for (int i = n - 1; i >= 0; i--) {
                cells[i] = s / (airs * rises);
                s = parent[s];
            }
            return cells;
        }
    }
}
