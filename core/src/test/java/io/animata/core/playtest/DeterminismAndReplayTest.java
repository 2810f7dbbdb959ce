package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.playtest.jobs.JobRunner;
import io.animata.core.testing.Box2dTests;
import io.animata.runtime.AnimataException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Identical reports for identical seeds, on any number of threads; replays; no allocation per tick. */
class DeterminismAndReplayTest {
    @BeforeAll
    static void natives() {
        Box2dTests.init();
    }

    private static Playtest playtest(String level, long seed) {
        return Playtest.builder().setLevel(PlaytestTesting.shipped(level)).optBots(5).optSeed(seed)
                .optSettings(PlaytestSettings.builder().optSeconds(30).build()).build();
    }

    private static String report(Playtest playtest, int threads) {
        try (JobRunner runner = JobRunner.threads(threads)) {
            return playtest.run(runner, null).toJson();
        }
    }

    @Test
    void theSameSeedGivesTheSameReportOnAnyNumberOfThreads() {
        Playtest p = playtest("trap", 7);
        String one = report(p, 1);
        assertEquals(one, report(p, 3));
        assertEquals(one, report(playtest("trap", 7), 2));
        assertNotEquals(one, report(playtest("trap", 8), 2));
    }

    @Test
    void aCrashReplaysAtItsTickWithItsStackTrace() {
        Playtest p = playtest("faulty-plate", 3);
        PlaytestReport report;
        try (JobRunner runner = JobRunner.threads(2)) {
            report = p.run(runner, null);
        }
        PlaytestReport.CrashGroup crash = report.crashes().get(0);
        PlaytestReport.Replay at = crash.first();
        Playtest.Replay replay = Playtest.replay(p.job(at.bot()), at.tick());
        assertEquals(1, replay.errors().size());
        Throwable error = replay.errors().get(0);
        assertEquals(crash.exception(), error.getClass().getName());
        assertEquals(crash.signature(), CrashLog.shortId(CrashLog.signatureText(error)));
        assertEquals(crash.message(), error.getMessage());
        // one tick earlier nothing was thrown yet
        if (at.tick() > 0) {
            assertTrue(Playtest.replay(p.job(at.bot()), at.tick() - 1).soFar().crashes().isEmpty());
        }
    }

    @Test
    void aStuckEventReplaysAtItsTick() {
        Playtest p = playtest("trap", 7);
        PlaytestReport report;
        try (JobRunner runner = JobRunner.threads(2)) {
            report = p.run(runner, null);
        }
        PlaytestReport.Replay at = report.stuck().get(0).first();
        Playtest.Replay replay = Playtest.replay(p.job(at.bot()), at.tick());
        BotResult.Event last = replay.soFar().stuck().get(replay.soFar().stuck().size() - 1);
        assertEquals(at.tick(), last.tick());
        assertEquals(at.botSeed(), replay.soFar().seed());
        assertThrows(AnimataException.class, () -> Playtest.replay(p.job(0), 1_000_000));
    }

    @Test
    void ticksAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PlaytestSettings settings = PlaytestSettings.builder().optSeconds(1000).build();
        try (BotRun run = new BotRun(PlaytestTesting.shipped("open"), 0, 5, settings, new TileEffects(),
                Steering.heuristic())) {
            for (int t = 0; t < 2000; t++) {
                run.step();
            }
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int t = 0; t < 500; t++) {
                    run.step();
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            assertEquals(0L, Math.min(windows[0], Math.min(windows[1], windows[2])),
                    "bytes allocated in 500-tick windows: " + java.util.Arrays.toString(windows));
            assertFalse(run.result().crashes().size() > 0);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        BotRun run = BotRun.start(playtest("open", 1).job(0), Steering.heuristic());
        run.close();
        run.close();
        assertThrows(IllegalStateException.class, run::step);
    }
}
