package io.animata.core.playtest;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.nio.file.Path;

/** Levels and legends shared by the playtest tests. */
final class PlaytestTesting {
    private PlaytestTesting() {
    }

    /** The legend of assets/levels/playtest, built in code. */
    static Legend legend() {
        return Legend.builder()
                .addTile('#', "solid", "wall")
                .addTile('.', "passable", "floor")
                .addTile('S', "passable", "start")
                .addTile('G', "passable", "goal")
                .addTile('~', "passable", "sticky")
                .addTile('^', "passable", "hazard")
                .addTile('!', "passable", "faulty")
                .build();
    }

    /** @return a level from rows, with {@link #legend()} */
    static PlaytestLevel level(String name, String... rows) {
        return PlaytestLevel.of(name, TileGrid.of(rows), legend());
    }

    /** @return the shipped playtest levels' folder */
    static Path levels() {
        return Path.of(System.getProperty("animata.root", "..")).resolve("assets/levels/playtest");
    }

    /** @return a shipped playtest level */
    static PlaytestLevel shipped(String name) {
        return PlaytestLevel.read(levels().resolve(name + ".txt"), null);
    }
}
