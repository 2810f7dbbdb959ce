package io.animata.core.level.metrics;

import io.animata.core.level.TileGrid;

/**
 * The normalised Hamming distance between two levels: the share of tiles that differ. Levels of different sizes
 * are laid over each other from the top-left corner; every tile of the union that only one of them covers counts as
 * different. 0 means identical, 1 means no tile in common.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class LevelDistance {
    private LevelDistance() {
    }

    /** @return the share of differing tiles, in [0, 1] */
    public static double hamming(TileGrid a, TileGrid b) {
        if (a.width() == b.width() && a.height() == b.height()) {
            int diff = 0;
            int n = a.size();
            for (int i = 0; i < n; i++) {
                if (a.at(i) != b.at(i)) {
                    diff++;
                }
            }
            return (double) diff / n;
        }
        int w = Math.max(a.width(), b.width());
        int h = Math.max(a.height(), b.height());
        int diff = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inA = a.contains(x, y);
                boolean inB = b.contains(x, y);
                if (inA != inB || (inA && a.get(x, y) != b.get(x, y))) {
                    diff++;
                }
            }
        }
        return (double) diff / (w * h);
    }
}
