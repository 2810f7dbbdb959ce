package io.animata.core.level.metrics;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;

/**
 * A level's place in the expressive range (after Smith and Whitehead), each in [0, 1], measured along the path the
 * playability check found:
 * <ul>
 *   <li>density: the share of solid tiles</li>
 *   <li>linearity, top-down: how straight the path is, the Manhattan distance from start to goal over the moves
 *       (1 for a straight corridor); side view: how flat the path's height runs, 1 minus the mean distance of its
 *       tiles from their least-squares line (height against column), in quarters of the level's height (1 for a
 *       level run at one height, 0 for one that climbs and drops by a quarter of the level or more)</li>
 *   <li>leniency: the share of the path's tiles that are safe: no hazard among their eight neighbours and, in a
 *       side view, ground somewhere below (no pit to fall into)</li>
 * </ul>
 * An unplayable level has linearity and leniency 0.
 *
 * <p>Threading: immutable; {@link #measure} is stateless and thread-safe.
 *
 * @param density share of solid tiles
 * @param linearity straightness of the path
 * @param leniency share of the path away from hazards
 */
public record LevelFeatures(double density, double linearity, double leniency) {
    /**
     * @param grid a level
     * @param legend what its tiles mean
     * @param playability the level's verdict, with its path
     * @return the level's features
     */
    public static LevelFeatures measure(TileGrid grid, Legend legend, Playability playability) {
        int solid = 0;
        for (int i = 0; i < grid.size(); i++) {
            if (legend.isSolid(grid.at(i))) {
                solid++;
            }
        }
        double density = (double) solid / grid.size();
        if (!playability.isPlayable() || playability.moves() == 0) {
            return new LevelFeatures(density, 0, 0);
        }
        int[] path = playability.path();
        int w = grid.width();
        int start = path[0];
        int goal = path[path.length - 1];
        boolean side = legend.view() == Legend.View.SIDE;
        double linearity;
        if (side) {
            linearity = flatness(path, w, grid.height());
        } else {
            int manhattan = Math.abs(start % w - goal % w) + Math.abs(start / w - goal / w);
            linearity = Math.min(1.0, (double) manhattan / playability.moves());
        }
        int safe = 0;
        for (int cell : path) {
            int x = cell % w;
            int y = cell / w;
            if (!nearHazard(grid, legend, x, y) && !(side && overPit(grid, legend, x, y))) {
                safe++;
            }
        }
        return new LevelFeatures(density, linearity, (double) safe / path.length);
    }

    /** 1 minus the mean absolute residual of the path's rows about their least-squares line, in quarter heights. */
    private static double flatness(int[] path, int w, int h) {
        int n = path.length;
        double mx = 0;
        double my = 0;
        for (int c : path) {
            mx += c % w;
            my += c / w;
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int c : path) {
            sxy += (c % w - mx) * (c / w - my);
            sxx += (c % w - mx) * (c % w - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double residual = 0;
        for (int c : path) {
            residual += Math.abs(c / w - (my + slope * (c % w - mx)));
        }
        return Math.max(0, 1 - residual / n / Math.max(1, h / 4.0));
    }

    /** Side view: nothing below (x, y) would stop a fall. */
    private static boolean overPit(TileGrid grid, Legend legend, int x, int y) {
        for (int yy = y + 1; yy < grid.height(); yy++) {
            char c = grid.get(x, yy);
            if ((legend.isSolid(c) && !legend.isHazard(c)) || legend.isClimbable(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nearHazard(TileGrid grid, Legend legend, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (grid.contains(x + dx, y + dy) && legend.isHazard(grid.get(x + dx, y + dy))) {
                    return true;
                }
            }
        }
        return false;
    }
}
