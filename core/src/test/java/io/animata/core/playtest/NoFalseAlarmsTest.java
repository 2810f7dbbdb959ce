package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.playtest.jobs.JobRunner;
import io.animata.core.testing.Box2dTests;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Long runs on levels with nothing planted (the open playtest level and the project's eight dungeons, with narrow
 * doors, pillars and spikes): many bots for minutes, with the heuristic and with the trained policy, find no stuck
 * spot, no body out of bounds and no crash, and cover the level. Slow: run with {@code -Pslow}.
 */
@Tag("slow")
class NoFalseAlarmsTest {
    private static final Path ROOT = Path.of(System.getProperty("animata.root", ".."));

    @BeforeAll
    static void natives() {
        Box2dTests.init();
    }

    @ParameterizedTest
    @CsvSource({
        "playtest/open, heuristic", "playtest/open, policy",
        "dungeon/barracks, heuristic", "dungeon/barracks, policy", "dungeon/cave, heuristic", "dungeon/cave, policy",
        "dungeon/cells, heuristic", "dungeon/cells, policy", "dungeon/crypt, heuristic", "dungeon/crypt, policy",
        "dungeon/halls, heuristic", "dungeon/halls, policy", "dungeon/maze, heuristic", "dungeon/maze, policy",
        "dungeon/shrine, heuristic", "dungeon/shrine, policy", "dungeon/vault, heuristic", "dungeon/vault, policy",
    })
    void cleanLevelsRaiseNoAlarm(String level, String controller) {
        PlaytestLevel l = PlaytestLevel.read(ROOT.resolve("assets/levels/" + level + ".txt"), null);
        PlaytestSettings.Builder settings = PlaytestSettings.builder().optSeconds(180);
        if (controller.equals(PlaytestSettings.POLICY)) {
            settings.optPolicy(ROOT.resolve("assets/models/nav/policy.onnx").toString());
        }
        PlaytestReport r;
        try (JobRunner runner = JobRunner.threads(2)) {
            r = Playtest.builder().setLevel(l).optBots(32).optSeed(11).optSettings(settings.build()).build()
                    .run(runner, null);
        }
        String what = level + " with the " + controller;
        assertTrue(r.stuck().isEmpty(), what + ": stuck " + r.totals());
        assertTrue(r.outOfBounds().isEmpty(), what + ": out of bounds " + r.totals());
        assertTrue(r.crashes().isEmpty(), what + ": crashes " + r.totals());
        assertTrue(r.coverage().ratio() >= 0.99, what + ": coverage " + r.coverage().ratio());
    }
}
