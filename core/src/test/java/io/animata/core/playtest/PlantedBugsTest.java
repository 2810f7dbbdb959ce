package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.export.TmxWriter;
import io.animata.core.playtest.jobs.JobRunner;
import io.animata.core.testing.Box2dTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped levels of {@code assets/levels/playtest}, each with a planted bug, played with the default settings
 * (8 bots, 60 s): the playtest reports each bug, and the open level is covered.
 */
class PlantedBugsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void natives() {
        Box2dTests.init();
    }

    private static PlaytestReport play(PlaytestLevel level) {
        try (JobRunner runner = JobRunner.threads(2)) {
            return Playtest.builder().setLevel(level).optSeed(1).build().run(runner, null);
        }
    }

    private static boolean contains(List<int[]> cells, int x, int y) {
        return cells.stream().anyMatch(c -> c[0] == x && c[1] == y);
    }

    @Test
    void theOpenLevelIsCoveredAndClean() {
        PlaytestReport r = play(PlaytestTesting.shipped("open"));
        assertTrue(r.coverage().ratio() >= 0.95, "coverage " + r.coverage().ratio());
        assertTrue(r.stuck().isEmpty(), "stuck " + r.stuck());
        assertTrue(r.outOfBounds().isEmpty());
        assertTrue(r.sealedRegions().isEmpty());
        assertTrue(r.crashes().isEmpty());
        assertTrue(r.coverage().secondsTo90() != null && r.coverage().secondsTo90() < 60);
    }

    /** The default budget covers the open level whatever the seed. */
    @ParameterizedTest
    @ValueSource(longs = {2, 3, 4, 5, 6})
    void theOpenLevelIsCoveredForOtherSeedsToo(long seed) {
        try (JobRunner runner = JobRunner.threads(2)) {
            PlaytestReport r = Playtest.builder().setLevel(PlaytestTesting.shipped("open")).optSeed(seed).build()
                    .run(runner, null);
            assertTrue(r.coverage().ratio() >= 0.95, "seed " + seed + ": coverage " + r.coverage().ratio());
            assertTrue(r.stuck().isEmpty(), "seed " + seed + ": stuck " + r.stuck());
        }
    }

    @Test
    void theTrainedNavPolicySteersTheBotsToo() {
        String policy = Path.of(System.getProperty("animata.root", "..")).resolve("assets/models/nav/policy.onnx")
                .toString();
        PlaytestSettings settings = PlaytestSettings.builder().optPolicy(policy).build();
        try (JobRunner runner = JobRunner.threads(2)) {
            PlaytestReport trap = Playtest.builder().setLevel(PlaytestTesting.shipped("trap")).optSettings(settings)
                    .build().run(runner, null);
            assertEquals(1, trap.stuck().size(), "stuck " + trap.stuck());
            assertTrue(trap.coverage().ratio() >= 0.95, "coverage " + trap.coverage().ratio());
            assertEquals(PlaytestSettings.POLICY, trap.run().settings().controller());
        }
    }

    @Test
    void theSealedRoomIsReported() {
        PlaytestReport r = play(PlaytestTesting.shipped("sealed-room"));
        List<PlaytestReport.Region> sealed = r.sealedRegions();
        assertEquals(1, sealed.size());
        assertEquals(4, sealed.get(0).size());
        assertTrue(contains(sealed.get(0).cells(), 16, 4) && contains(sealed.get(0).cells(), 17, 5));
        assertTrue(r.coverage().ratio() >= 0.9, "coverage " + r.coverage().ratio());
        assertEquals(0, r.coverage().visitedUnreachableCells(), "no body got into the sealed room");
        assertTrue(r.stuck().isEmpty(), "stuck " + r.stuck());
    }

    @Test
    void theTarPitIsAStuckSpot() {
        PlaytestReport r = play(PlaytestTesting.shipped("trap"));
        assertEquals(1, r.stuck().size(), "stuck " + r.stuck());
        PlaytestReport.Spot spot = r.stuck().get(0);
        // the tar is cells x 10..12, y 4..5
        for (int[] c : spot.cells()) {
            assertTrue(c[0] >= 10 && c[0] <= 12 && c[1] >= 4 && c[1] <= 5, "stuck cell outside the tar");
        }
        assertTrue(spot.events() >= 2);
        assertTrue(r.outOfBounds().isEmpty());
        assertTrue(r.sealedRegions().isEmpty());
    }

    @Test
    void theGapInTheOuterWallLetsBodiesLeaveTheMap() {
        PlaytestReport r = play(PlaytestTesting.shipped("wall-gap"));
        assertEquals(1, r.outOfBounds().size(), "out of bounds " + r.outOfBounds());
        PlaytestReport.Spot spot = r.outOfBounds().get(0);
        assertEquals(BotResult.OUTSIDE_MAP, spot.kind());
        assertEquals(0, spot.cell()[0]);
        assertEquals(4, spot.cell()[1]);
        assertTrue(spot.x() < 0.0, "left through the west edge: x " + spot.x());
        assertTrue(r.stuck().isEmpty());
    }

    @Test
    void theFaultyPlateIsACrashWithItsPlace() {
        PlaytestReport r = play(PlaytestTesting.shipped("faulty-plate"));
        assertEquals(1, r.crashes().size());
        PlaytestReport.CrashGroup crash = r.crashes().get(0);
        assertEquals(IllegalStateException.class.getName(), crash.exception());
        assertEquals(8, crash.cell()[0]);
        assertEquals(3, crash.cell()[1]);
        assertTrue(crash.frames().get(0).contains("TileEffects.pressurePlate"), crash.frames().get(0));
        // only the game's frames: below them the stack depends on the runner (threads, worker processes)
        assertTrue(crash.frames().stream().noneMatch(f -> f.contains("BotRun")), crash.frames().toString());
        assertTrue(crash.count() >= 1);
    }

    @Test
    void aTiledMapOfTheSameLevelGivesTheSameFindings() throws Exception {
        PlaytestLevel text = PlaytestTesting.shipped("wall-gap");
        Files.copy(PlaytestTesting.levels().resolve("legend.json"), dir.resolve("legend.json"));
        TmxWriter.builder().setLegend(text.legend()).build().write(text.grid(), dir.resolve("wall-gap.tmx"));
        PlaytestLevel tmx = PlaytestLevel.read(dir.resolve("wall-gap.tmx"), null);
        assertEquals(text.grid(), tmx.grid());
        assertEquals(play(text).toJson(), play(tmx).toJson());
        assertFalse(play(tmx).outOfBounds().isEmpty());
    }
}
