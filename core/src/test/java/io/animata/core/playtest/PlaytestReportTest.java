package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging bots' results into a report, on a grid and results whose answers are known by hand. */
class PlaytestReportTest {
    private static final PlaytestLevel LEVEL = PlaytestTesting.level("hand",
            "#######",
            "#S..#.#",
            "#...#.#",
            "#######");
    private static final PlaytestSettings SETTINGS = PlaytestSettings.builder().optSeconds(10).build();

    private static int[] cells(int... pairs) {
        int[] a = new int[LEVEL.grid().size()];
        Arrays.fill(a, -1);
        for (int i = 0; i < pairs.length; i += 2) {
            a[pairs[i]] = pairs[i + 1];
        }
        return a;
    }

    private static BotResult bot(int index, int[] first, List<BotResult.Event> stuck, List<BotResult.Event> bounds,
            List<BotResult.Crash> crashes) {
        int[] visits = new int[first.length];
        for (int i = 0; i < first.length; i++) {
            visits[i] = first[i] >= 0 ? 3 : 0;
        }
        return new BotResult(index, 100 + index, SETTINGS.ticks(), first, visits, new int[first.length], stuck,
                bounds, crashes, stuck.size(), bounds.size(), 0, stuck.size() + bounds.size(), 4);
    }

    private static BotResult.Crash crash(int count, int tick) {
        return new BotResult.Crash("abc", "java.lang.IllegalStateException", "boom", List.of("a.B.c(B.java:1)"),
                count, tick, 2.5f, 2.5f, 9);
    }

    private static PlaytestReport report() {
        BotResult a = bot(0, cells(8, 0, 9, 5, 10, 20, 12, 50),
                List.of(new BotResult.Event(BotResult.STUCK, 30, 2.5f, 2.5f, 9)),
                List.of(new BotResult.Event(BotResult.OUTSIDE_MAP, 7, -0.1f, 2.5f, 8)),
                List.of(crash(2, 10)));
        BotResult b = bot(1, cells(8, 0, 15, 3, 16, 40),
                List.of(new BotResult.Event(BotResult.STUCK, 20, 3.5f, 2.5f, 10),
                        new BotResult.Event(BotResult.STUCK, 50, 2.5f, 1.5f, 16)),
                List.of(), List.of(crash(3, 4)));
        return PlaytestReport.merge(LEVEL, 9, SETTINGS, List.of(a, b));
    }

    @Test
    void coverageCountsReachableCellsAnyBotVisited() {
        PlaytestReport.Coverage c = report().coverage();
        assertEquals(6, c.reachableCells());
        assertEquals(5, c.visitedCells());
        assertEquals(5.0 / 6.0, c.ratio(), 1e-12);
        assertEquals(1, c.visitedUnreachableCells());
        // cells first visited at ticks 0, 0 (both bots' start), 3, 5, 20, 40: half of 6 is reached at tick 5
        assertEquals(0.5, c.secondsTo50(), 1e-9);
        assertNull(c.secondsTo90());
        PlaytestReport.CurvePoint last = c.curve().get(c.curve().size() - 1);
        assertEquals(10.0, last.seconds(), 1e-9);
        assertEquals(5.0 / 6.0, last.coverage(), 1e-12);
        assertEquals(1.0 / 6.0, c.curve().get(0).coverage(), 1e-12);
    }

    @Test
    void sealedAndUnvisitedRegions() {
        List<PlaytestReport.Region> regions = report().unreachableRegions();
        assertEquals(2, regions.size());
        assertEquals(PlaytestReport.SEALED, regions.get(0).kind());
        assertEquals(2, regions.get(0).size());
        assertArrayEquals(new int[] {5, 1}, regions.get(0).cells().get(0));
        assertArrayEquals(new int[] {5, 2}, regions.get(0).cells().get(1));
        assertEquals(PlaytestReport.UNVISITED, regions.get(1).kind());
        assertArrayEquals(new int[] {3, 2}, regions.get(1).cells().get(0));
    }

    @Test
    void neighbouringStuckCellsMergeIntoOneSpotWithTheEarliestReplay() {
        PlaytestReport r = report();
        assertEquals(1, r.stuck().size());
        PlaytestReport.Spot spot = r.stuck().get(0);
        assertEquals(3, spot.events());
        assertEquals(List.of(0, 1), spot.bots());
        assertEquals(3, spot.cells().size());
        assertArrayEquals(new int[] {2, 1}, spot.cell());
        assertEquals(1, spot.first().bot());
        assertEquals(101, spot.first().botSeed());
        assertEquals(20, spot.first().tick());
        assertEquals(2.1, spot.first().seconds(), 1e-9);
        assertEquals((2.5 + 3.5 + 2.5) / 3, spot.x(), 1e-3);
        assertEquals(3, r.totals().stuckEvents());
    }

    @Test
    void outOfBoundsAndCrashesAreGrouped() {
        PlaytestReport r = report();
        assertEquals(1, r.outOfBounds().size());
        assertEquals(BotResult.OUTSIDE_MAP, r.outOfBounds().get(0).kind());
        assertArrayEquals(new int[] {1, 1}, r.outOfBounds().get(0).cell());
        assertEquals(1, r.crashes().size());
        PlaytestReport.CrashGroup crash = r.crashes().get(0);
        assertEquals(5, crash.count());
        assertEquals(List.of(0, 1), crash.bots());
        assertEquals(1, crash.first().bot());
        assertEquals(4, crash.first().tick());
        assertArrayEquals(new int[] {2, 1}, crash.cell());
        assertEquals(5, r.totals().crashEvents());
    }

    @Test
    void perBotFiguresAndHeatmaps() {
        PlaytestReport r = report();
        assertEquals(2, r.bots().size());
        assertEquals(3.0 / 6.0, r.bots().get(0).coverage(), 1e-12);
        assertEquals(3.0 / 6.0, r.bots().get(1).coverage(), 1e-12);
        assertEquals(4, r.heatmaps().visits().size());
        assertArrayEquals(new int[] {0, 6, 3, 3, 0, 3, 0}, r.heatmaps().visits().get(1));
        assertArrayEquals(new int[] {0, 1, 1, 1, 0, 0, 0}, r.heatmaps().reachable().get(2));
    }

    @Test
    void theSameResultsGiveTheSameJson() {
        assertEquals(report().toJson(), report().toJson());
    }
}
