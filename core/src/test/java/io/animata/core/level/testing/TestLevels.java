package io.animata.core.level.testing;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.SplittableRandom;

/** Legends and small levels shared by the level tests. */
public final class TestLevels {
    private TestLevels() {
    }

    /** A top-down dungeon legend: walls, floor, start, goal, spikes. */
    public static Legend dungeonLegend() {
        return Legend.builder()
                .setView(Legend.View.TOP_DOWN)
                .addTile('#', "solid", "wall")
                .addTile('.', "passable", "floor")
                .addTile('S', "passable", "start")
                .addTile('G', "passable", "goal")
                .addTile('^', "passable", "hazard")
                .build();
    }

    /** A side-view legend: ground, air, start, goal, spikes, ladder; jump 3 up, gaps of 3. */
    public static Legend platformerLegend() {
        return Legend.builder()
                .setView(Legend.View.SIDE)
                .optJump(new Legend.Jump(3, 3))
                .addTile('X', "solid", "ground")
                .addTile('-', "passable", "empty")
                .addTile('S', "passable", "start")
                .addTile('G', "passable", "goal")
                .addTile('^', "passable", "hazard")
                .addTile('H', "passable", "climbable")
                .build();
    }

    /** A small dungeon: two rooms joined by a corridor. */
    public static TileGrid dungeon() {
        return TileGrid.of(
                "############",
                "#S...#######",
                "#....#######",
                "#..........#",
                "######.....#",
                "######...G.#",
                "############");
    }

    /** @return a random grid over {@code alphabet} */
    public static TileGrid random(SplittableRandom rng, int w, int h, String alphabet) {
        char[] cells = new char[w * h];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = alphabet.charAt(rng.nextInt(alphabet.length()));
        }
        return TileGrid.of(w, h, cells);
    }
}
