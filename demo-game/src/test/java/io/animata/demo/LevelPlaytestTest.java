package io.animata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.play.TopDownPathCheck;
import io.animata.core.playtest.Playtest;
import io.animata.core.playtest.PlaytestLevel;
import io.animata.core.playtest.PlaytestReport;
import io.animata.core.playtest.PlaytestSettings;
import io.animata.core.playtest.jobs.JobRunner;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's playtest mode without a window: the coverage map of a playtest of a generated dungeon (the overlay's
 * data, not its pixels), and when playtests run.
 */
class LevelPlaytestTest {
    private static DungeonLevels levels;
    private static DungeonLevel dungeon;

    @BeforeAll
    static void makeADungeon() {
        Legend legend = DemoAssets.dungeonLegend();
        levels = new DungeonLevels(legend, DemoAssets.dungeonExamples(legend), DungeonLevels.Style.WFC, 11L);
        dungeon = levels.make(0);
    }

    @AfterAll
    static void release() {
        levels.dispose();
    }

    @Test
    void theCoverageMapOfAGeneratedDungeonMatchesThePlaytestReport() {
        LevelPlaytest playtest = new LevelPlaytest();
        try {
            playtest.levelStarted(dungeon, null);
            playtest.setEnabled(true);
            CoverageMap map = playtest.await(Duration.ofSeconds(60));

            PlaytestReport report = Playtest.builder()
                    .setLevel(PlaytestLevel.of("dungeon-1", dungeon.grid(), dungeon.legend()))
                    .optBots(LevelPlaytest.BOTS).optSeed(dungeon.seed())
                    .optSettings(PlaytestSettings.builder().optSeconds(LevelPlaytest.SECONDS).build()).build()
                    .run(JobRunner.threads(2), null);
            assertEquals(0, map.levelIndex());
            assertEquals(dungeon.width(), map.width());
            assertEquals(dungeon.height(), map.height());
            assertEquals(report.coverage().ratio(), map.coverage(), 1e-12, "the same bots, seed and level");
            assertEquals(report.coverage().reachableCells(), map.reachableCells());
            assertEquals(report.coverage().visitedCells(), map.visitedCells());
            assertEquals(map.reachableCells(), map.visitedCells() + map.unvisitedCells());
            assertEquals(report.stuck().size(), map.stuckCount());
            assertTrue(map.coverage() > 0.7, "16 bots x 300 s cover most of a 40 x 20 dungeon: " + map);

            int[] reach = new TopDownPathCheck(dungeon.legend()).distances(dungeon.grid(), dungeon.start());
            float most = 0f;
            for (int cell = 0; cell < dungeon.grid().size(); cell++) {
                char c = dungeon.grid().at(cell);
                byte kind = map.kind(cell);
                float heat = map.heat(cell);
                boolean walkable = dungeon.legend().isPassable(c) && !dungeon.legend().isHazard(c);
                if (!walkable) {
                    assertEquals(CoverageMap.NONE, kind, "walls and hazards are no part of coverage: " + cell);
                    assertEquals(0f, heat);
                    continue;
                }
                assertTrue(reach[cell] >= 0, "the demo's dungeons are playable by construction");
                assertTrue(kind == CoverageMap.VISITED || kind == CoverageMap.UNVISITED, "cell " + cell + ": " + kind);
                int y = cell / dungeon.width();
                int x = cell % dungeon.width();
                int visits = report.heatmaps().visits().get(y)[x];
                assertEquals(visits > 0, kind == CoverageMap.VISITED, "cell " + cell);
                assertEquals(visits > 0, heat > 0f, "cell " + cell);
                assertTrue(heat >= 0f && heat <= 1f, "heat " + heat);
                most = Math.max(most, heat);
            }
            assertEquals(1f, most, 1e-6f, "the most visited tile is the hottest");
            assertEquals(0, map.sealedCells(), "nothing is sealed off in a playable-by-construction dungeon");
            Set<Integer> stuck = new HashSet<>();
            for (PlaytestReport.Spot spot : report.stuck()) {
                stuck.add(spot.cell()[1] * map.width() + spot.cell()[0]);
            }
            for (int i = 0; i < map.stuckCount(); i++) {
                assertTrue(stuck.contains(map.stuckCell(i)));
            }
            StringBuilder hud = new StringBuilder();
            playtest.appendStatus(hud);
            assertTrue(hud.toString().startsWith("PLAYTEST coverage "), hud.toString());
            assertTrue(hud.toString().contains(" tiles (16 bots x 300 s), "), hud.toString());
        } finally {
            playtest.dispose();
        }
    }

    @Test
    void aSealedRoomIsMarkedSealed() {
        // the dungeon with a walkable room walled off: flood fill from the start cannot reach it
        io.animata.core.level.TileGrid grid = dungeon.grid();
        char[] tiles = grid.toText().replace("\r", "").replace("\n", "").toCharArray();
        int w = dungeon.width();
        int room = -1;
        for (int cell = w + 1; cell < tiles.length - w - 1 && room < 0; cell++) {
            boolean allWalls = true;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    allWalls &= tiles[cell + dy * w + dx] == '#';
                }
            }
            if (allWalls && cell % w > 0 && cell % w < w - 1) {
                room = cell;
            }
        }
        assertTrue(room >= 0, "a wall tile with walls all round");
        tiles[room] = '.';
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < dungeon.height(); y++) {
            text.append(tiles, y * w, w).append('\n');
        }
        DungeonLevel sealed = new DungeonLevel(0, dungeon.seed(), "test", 1,
                io.animata.core.level.io.TextGridReader.parse(text.toString(), "sealed", dungeon.legend()),
                dungeon.legend(), dungeon.playability());
        LevelPlaytest playtest = new LevelPlaytest(4, 20f);
        try {
            playtest.levelStarted(sealed, null);
            playtest.setEnabled(true);
            CoverageMap map = playtest.await(Duration.ofSeconds(60));

            assertEquals(CoverageMap.SEALED, map.kind(room));
            assertEquals(1, map.sealedCells());
        } finally {
            playtest.dispose();
        }
    }

    @Test
    void aDungeonThatCannotBePlaytestedIsReportedWithoutStoppingTheGame() {
        String text = dungeon.grid().toText().replace('S', '.'); // no start tile: bots have nowhere to spawn
        DungeonLevel noStart = new DungeonLevel(0, dungeon.seed(), "test", 1,
                io.animata.core.level.io.TextGridReader.parse(text, "no-start", dungeon.legend()), dungeon.legend(),
                dungeon.playability());
        LevelPlaytest playtest = new LevelPlaytest(2, 5f);
        try {
            playtest.levelStarted(noStart, null);
            playtest.setEnabled(true);

            assertNull(playtest.coverage());
            assertEquals(0, playtest.playtestsRun());
            assertTrue(playtest.failure().startsWith("dungeon 1 cannot be playtested: level 'dungeon-1' has no start "
                    + "tile"), playtest.failure());
            assertEquals("PLAYTEST failed (see the log)", playtest.appendStatus(new StringBuilder()).toString());
            assertThrows(io.animata.runtime.AnimataException.class, () -> playtest.await(Duration.ofSeconds(1)));
        } finally {
            playtest.dispose();
        }
    }

    @Test
    void playtestsRunOnlyInPlaytestModeAndANewDungeonStartsANewOne() {
        LevelPlaytest playtest = new LevelPlaytest(4, 20f);
        try {
            playtest.levelStarted(dungeon, null);
            assertFalse(playtest.isEnabled());
            assertEquals(0, playtest.playtestsRun(), "off: nothing runs");
            assertNull(playtest.coverage());
            StringBuilder off = new StringBuilder();
            assertEquals("", playtest.appendStatus(off).toString(), "off: nothing on the HUD");

            playtest.setEnabled(true);
            CoverageMap first = playtest.await(Duration.ofSeconds(60));
            assertNotNull(first);
            playtest.setEnabled(false);
            playtest.setEnabled(true);
            assertEquals(1, playtest.playtestsRun(), "a dungeon is playtested once");
            assertSame(first, playtest.coverage());

            DungeonLevel next = levels.make(1);
            playtest.levelStarted(next, null);
            assertNull(playtest.coverage(), "the last dungeon's map is gone");
            assertEquals(2, playtest.playtestsRun(), "on: the new dungeon is playtested");
            CoverageMap second = playtest.await(Duration.ofSeconds(60));
            assertEquals(1, second.levelIndex());
            assertEquals(4, playtest.botsDone());
            assertEquals(20f, second.seconds());
        } finally {
            playtest.dispose();
            playtest.dispose();
        }
        assertThrows(IllegalStateException.class, () -> playtest.setEnabled(true));
    }

    @Test
    void theWorldRunsItsPlaytestOnAThreadOfItsOwn() {
        DemoSettings settings = DemoSettings.defaults().withSeed(2L).withBots(2)
                .withMode(io.animata.runtime.RunMode.LOCKSTEP);
        try (DemoWorld demo = new DemoWorld(settings, new ScriptedPlayer())) {
            demo.playtest().setEnabled(true);
            for (int i = 0; i < 10; i++) {
                demo.step(); // the game goes on while the bots play
            }
            CoverageMap map = demo.playtest().await(Duration.ofSeconds(60));
            assertEquals(demo.level().index(), map.levelIndex());
            assertTrue(List.of(Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toArray())
                    .contains(LevelPlaytest.THREAD_NAME), "the playtest thread is alive until the world goes");
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(LevelPlaytest.THREAD_NAME) && t.isAlive()),
                "disposing the world stops the playtest thread");
    }
}
