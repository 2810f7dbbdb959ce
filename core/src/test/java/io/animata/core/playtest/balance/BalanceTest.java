package io.animata.core.playtest.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.playtest.jobs.JobRunner;
import io.animata.core.testing.Box2dTests;
import io.animata.runtime.AnimataException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schedule, the arena game, identical reports for identical seeds, and config errors. */
class BalanceTest {
    private static final Path SAMPLE = Path.of(System.getProperty("animata.root", ".."))
            .resolve("assets/balance/arena.json");

    @BeforeAll
    static void natives() {
        Box2dTests.init();
    }

    private static UnitConfig unit(String name, float hp, float damage) {
        return new UnitConfig(name, 3, hp, damage, 0.6f, 3f, 1f, UnitConfig.CHARGE);
    }

    @Test
    void matchesGoRoundRobinAndSwapSides() {
        Balance b = Balance.builder().setConfig(BalanceConfig.read(SAMPLE)).optMatches(7).optSeed(3).build();
        List<MatchJob> jobs = b.jobs();
        int[][] expected = {{0, 1}, {0, 2}, {1, 2}, {1, 0}, {2, 0}, {2, 1}, {0, 1}};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k][0], jobs.get(k).first(), "match " + k);
            assertEquals(expected[k][1], jobs.get(k).second(), "match " + k);
            assertEquals(k, jobs.get(k).index());
        }
        assertNotEquals(jobs.get(0).seed(), jobs.get(6).seed());
    }

    @Test
    void theSameSeedGivesTheSameReportOnAnyNumberOfThreads() {
        Balance b = Balance.builder().setConfig(BalanceConfig.read(SAMPLE)).optMatches(60).optSeed(9).build();
        String one;
        try (JobRunner runner = JobRunner.threads(1)) {
            one = b.run(runner, null).toJson();
        }
        try (JobRunner runner = JobRunner.threads(3)) {
            assertEquals(one, b.run(runner, null).toJson());
        }
        Balance other = Balance.builder().setConfig(BalanceConfig.read(SAMPLE)).optMatches(60).optSeed(10).build();
        try (JobRunner runner = JobRunner.threads(2)) {
            assertNotEquals(one, other.run(runner, null).toJson());
        }
    }

    @Test
    void aMuchStrongerArmyWinsAndAHarmlessOneDraws() {
        UnitConfig strong = unit("strong", 500, 20);
        UnitConfig weak = unit("weak", 50, 5);
        for (int k = 0; k < 4; k++) {
            MatchResult r = ArenaMatch.play(new MatchJob(k, k, 0, 1, k % 2 == 0 ? strong : weak,
                    k % 2 == 0 ? weak : strong, ArenaSettings.DEFAULT));
            assertEquals(k % 2 == 0 ? 0 : 1, r.winner(), r.toString());
            assertTrue(r.seconds() < ArenaSettings.DEFAULT.maxSeconds());
        }
        UnitConfig harmless = unit("harmless", 50, 0);
        MatchResult draw = ArenaMatch.play(new MatchJob(0, 1, 0, 1, harmless, harmless,
                new ArenaSettings(12, 8, 5)));
        assertEquals(MatchResult.DRAW, draw.winner());
        assertEquals(5.0, draw.seconds(), 1e-9);
        assertEquals(1.0, draw.side0Hp(), 1e-9);
    }

    @Test
    void theSameMatchPlaysTheSameWay() {
        BalanceConfig c = BalanceConfig.read(SAMPLE);
        MatchJob job = new MatchJob(0, 42, 0, 1, c.configs().get(0), c.configs().get(1), c.arena());
        assertEquals(ArenaMatch.play(job), ArenaMatch.play(job));
    }

    @Test
    void ticksAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        UnitConfig tanks = unit("tanks", 1e5f, 1);
        UnitConfig archers = new UnitConfig("archers", 3, 1e5f, 1, 5, 3, 1, UnitConfig.KITE);
        try (ArenaMatch match = new ArenaMatch(new MatchJob(0, 1, 0, 1, tanks, archers,
                new ArenaSettings(24, 14, 3600)))) {
            for (int t = 0; t < 500; t++) {
                match.step();
            }
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int t = 0; t < 500; t++) {
                    match.step();
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            assertEquals(0L, Math.min(windows[0], Math.min(windows[1], windows[2])),
                    "bytes allocated in 500-tick windows: " + java.util.Arrays.toString(windows));
        }
    }

    @Test
    void configErrorsNameTheProblem() {
        AnimataException one = assertThrows(AnimataException.class, () -> BalanceConfig.parse(
                "{\"configs\": [{\"name\": \"a\", \"units\": 2, \"hp\": 5, \"damage\": 1, \"range\": 1, \"speed\": 1,"
                        + " \"cooldown\": 1}]}", "one.json"));
        assertTrue(one.getMessage().contains("at least two"), one.getMessage());
        AnimataException field = assertThrows(AnimataException.class, () -> BalanceConfig.parse(
                "{\"configs\": [{\"name\": \"a\", \"units\": 0, \"hp\": 5, \"damage\": 1, \"range\": 1, \"speed\": 1,"
                        + " \"cooldown\": 1}, {\"name\": \"b\", \"units\": 1, \"hp\": 5, \"damage\": 1, \"range\": 1,"
                        + " \"speed\": 1, \"cooldown\": 1}]}", "units.json"));
        assertTrue(field.getMessage().startsWith("units.json: configuration 'a': \"units\""), field.getMessage());
        AnimataException json = assertThrows(AnimataException.class, () -> BalanceConfig.parse("{\"configs\": [",
                "broken.json"));
        assertTrue(json.getMessage().startsWith("broken.json line 1"), json.getMessage());
        assertThrows(AnimataException.class, () -> BalanceConfig.read(Path.of("no-such-config.json")));
        assertThrows(AnimataException.class,
                () -> Balance.builder().setConfig(BalanceConfig.read(SAMPLE)).optMatches(2).build());
        AnimataException controller = assertThrows(AnimataException.class,
                () -> new UnitConfig("x", 1, 1, 1, 1, 1, 1, "teleport"));
        assertTrue(controller.getMessage().contains("charge, kite, focus"), controller.getMessage());
    }
}
