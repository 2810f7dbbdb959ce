package io.animata.core.level.metrics;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;

/**
 * A level's place in the expressive range (Smith and Whitehead), each in [0, 1], measured the same way for top-down
 * and side views:
 * <ul>
 *   <li>density: the share of solid tiles</li>
 *   <li>linearity: how straight the path from start to goal is: the Manhattan distance between them over the
 *       number of moves the playability check needed (1 for a straight corridor; 0 when unplayable)</li>
 *   <li>leniency: the share of the path's tiles with no hazard among their eight neighbours (1 when nothing on the
 *       way can hurt; 0 when unplayable)</li>
 * </ul>
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
        int manhattan = Math.abs(start % w - goal % w) + Math.abs(start / w - goal / w);
        double linearity = Math.min(1.0, (double) manhattan / playability.moves());
        int safe = 0;
        for (int cell : path) {
            if (!nearHazard(grid, legend, cell % w, cell / w)) {
                safe++;
            }
        }
        return new LevelFeatures(density, linearity, (double) safe / path.length);
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
