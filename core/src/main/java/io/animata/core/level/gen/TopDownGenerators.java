package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.runtime.AnimataException;

/** Checks shared by the classic top-down generators. */
final class TopDownGenerators {
    private TopDownGenerators() {
    }

    static void requireTopDown(Legend legend, String generator) {
        if (legend.view() != Legend.View.TOP_DOWN) {
            throw new AnimataException(generator + " makes top-down levels, but the legend is a side view: use Wave "
                    + "Function Collapse or the Markov generator for side-view levels");
        }
    }

    static void requireSize(int width, int height, int min, String generator) {
        if (width < min || height < min) {
            throw new AnimataException(generator + " needs a level of at least " + min + "x" + min + ", was " + width
                    + "x" + height);
        }
    }

    /** @return the largest 4-connected region of {@code floor}, as a mask; the rest of the floor is not in it */
    static boolean[] largestRegion(char[] cells, int w, int h, char floor) {
        int[] region = new int[cells.length];
        java.util.Arrays.fill(region, -1);
        int[] queue = new int[cells.length];
        int best = -1;
        int bestSize = 0;
        int id = 0;
        for (int s = 0; s < cells.length; s++) {
            if (cells[s] != floor || region[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            region[s] = id;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
                for (int j : next) {
                    if (j >= 0 && cells[j] == floor && region[j] < 0) {
                        region[j] = id;
                        queue[tail++] = j;
                    }
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                best = id;
            }
            id++;
        }
        boolean[] mask = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            mask[i] = region[i] == best && best >= 0;
        }
        return mask;
    }
}
