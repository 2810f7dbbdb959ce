package io.animata.core.level.play;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;

/** Finds the start and goals of a level, or says what is wrong with them. Stateless. */
final class Markers {
    final int start;
    final int[] goals;
    final String problem;

    private Markers(int start, int[] goals, String problem) {
        this.start = start;
        this.goals = goals;
        this.problem = problem;
    }

    static Markers find(TileGrid grid, Legend legend) {
        int start = -1;
        int starts = 0;
        int goalCount = 0;
        for (int i = 0; i < grid.size(); i++) {
            char c = grid.at(i);
            if (legend.isStart(c)) {
                starts++;
                start = i;
            } else if (legend.isGoal(c)) {
                goalCount++;
            }
        }
        if (starts != 1) {
            return new Markers(-1, new int[0], starts == 0 ? "the level has no start tile"
                    : "the level has " + starts + " start tiles, a level needs exactly one");
        }
        if (goalCount == 0) {
            return new Markers(-1, new int[0], "the level has no goal tile");
        }
        int[] goals = new int[goalCount];
        int g = 0;
        for (int i = 0; i < grid.size(); i++) {
            if (legend.isGoal(grid.at(i)) && !legend.isStart(grid.at(i))) {
                goals[g++] = i;
            }
        }
        return new Markers(start, goals, null);
    }
}
