package io.animata.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.math.Vector2;
import io.animata.core.agent.env.NavArena;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.core.level.play.TopDownPathCheck;
import io.animata.runtime.RunMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dungeon adventure headless (no GL, no {@code Gdx.app}), in lockstep with a scripted player: the smoke run of
 * the whole game, the bots' chase, the level change, repeatability and the frame budget's allocations.
 */
class DemoWorldTest {
    private static final DemoSettings LOCKSTEP = DemoSettings.defaults().withSeed(42L).withMode(RunMode.LOCKSTEP);
    private static final PlayerInput STANDING = (player, out) -> out.setZero();

    @Test
    void aSmokeRunPlaysAPlayableDungeonWhereTheBotsActAndChase() {
        int frames = 300;
        try (DemoWorld demo = new DemoWorld(LOCKSTEP, new ScriptedPlayer())) {
            DungeonLevel level = demo.level();
            Vector2 start = new Vector2(demo.player().body.getPosition());
            run(demo, frames);

            // the level: playable by the path check, and every tile a bot or a treasure stands on can be reached
            Playability verdict = PlayabilityCheck.forLegend(level.legend()).check(level.grid());
            assertTrue(verdict.isPlayable(), verdict.toString());
            assertTrue(verdict.moves() >= DungeonLevels.MIN_PATH_MOVES, verdict.toString());
            int[] reach = new TopDownPathCheck(level.legend()).distances(level.grid(), level.start());
            for (int cell = 0; cell < reach.length; cell++) {
                char c = level.grid().at(cell);
                if (level.legend().isPassable(c) && !level.legend().isHazard(c)) {
                    assertTrue(reach[cell] >= 0, "tile " + cell + " cannot be reached from the start");
                }
            }
            assertEquals(DemoSettings.DEFAULT_BOTS, demo.bots().agentCount());

            DemoReport report = demo.report(demo.stepTimes());
            assertEquals(frames, report.frames());
            assertEquals(1, report.levels());
            assertEquals(0, report.npcReplies());
            assertEquals(LevelTextures.PER_LEVEL, report.textures(), "the dungeon's wall, floor and hazard textures");
            // 20 bots decide every 6th frame; in lockstep a decision is applied in the frame after it was asked for
            assertTrue(report.botDecisions() >= 20L * (frames / DemoWorld.DECISION_PERIOD - 1), report.toString());
            // the bots close in on the player along the floor (bots that wander or stand average about 0)
            assertTrue(report.closingSpeed() > 0.8, "bots closed in at " + report.closingSpeed() + " m/s");
            assertTrue(demo.player().body.getPosition().dst(start) > 5f, "the scripted player walked");
            assertTrue(report.resultLine().startsWith("RESULT frames=300 npc_replies=0 npc_actions=0 bot_decisions="),
                    report.resultLine());
        }
    }

    @Test
    void botsReachAPlayerWhoStandsStill() {
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withSeed(1L), STANDING)) {
            run(demo, 600);

            DemoReport report = demo.report(demo.stepTimes());
            assertTrue(report.caught() >= 1, "no bot reached the player in 10 s: " + report.summary());
            assertEquals(report.caught(), demo.rules().catches());
            assertTrue(report.closingSpeed() > 1.0, "bots closed in at " + report.closingSpeed() + " m/s");
        }
    }

    @Test
    void theScriptedPlayerTakesTheStairsToTheNextDungeon() {
        List<DungeonLevel> started = new ArrayList<>();
        List<DungeonLevel> ended = new ArrayList<>();
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withBots(2), new ScriptedPlayer())) {
            demo.addLevelListener(new LevelListener() {
                @Override
                public void levelStarted(DungeonLevel level, NavArena arena) {
                    assertTrue(arena.world().getBodyCount() > 0);
                    started.add(level);
                }

                @Override
                public void levelEnded(DungeonLevel level) {
                    ended.add(level);
                }
            });
            int frame = 0;
            while (demo.player().stairsTaken == 0 && frame < 60 * 60) {
                demo.step();
                frame++;
            }

            assertEquals(1, demo.player().stairsTaken, "the player did not reach the stairs in a minute");
            assertEquals(2, demo.levelsPlayed());
            assertEquals(1, demo.level().index());
            assertEquals(2, started.size());
            assertEquals(List.of(started.get(0)), ended);
            // level 1 depends on the run's seed and its number only
            try (DungeonLevels levels = levels(LOCKSTEP)) {
                assertEquals(levels.make(1).grid(), demo.level().grid());
            }
            assertEquals(demo.level().start(), demo.level().cellAt(demo.player().body.getPosition().x,
                    demo.player().body.getPosition().y), "the player starts the new dungeon on its start");
        }
    }

    @Test
    void theSameSeedGivesTheSameRunInLockstep() {
        Snapshot a = snapshotOfARunWithANewDungeon(LOCKSTEP);
        Snapshot b = snapshotOfARunWithANewDungeon(LOCKSTEP);

        assertEquals(a.report, b.report);
        assertEquals(a.report.summary(), b.report.summary());
        assertArrayEquals(a.positions, b.positions, 0f, "player and bot positions");
        assertEquals(2, a.report.levels());
        Snapshot other = snapshotOfARunWithANewDungeon(LOCKSTEP.withSeed(43L));
        assertTrue(other.positions.length != a.positions.length
                || !java.util.Arrays.equals(other.positions, a.positions), "another seed, another run");
    }

    private static Snapshot snapshotOfARunWithANewDungeon(DemoSettings settings) {
        try (DemoWorld demo = new DemoWorld(settings, new ScriptedPlayer())) {
            run(demo, 100);
            demo.requestNextLevel(); // N: the level changes after the next frame
            run(demo, 140);
            int bots = demo.bots().agentCount();
            float[] positions = new float[2 + 2 * bots];
            positions[0] = demo.player().body.getPosition().x;
            positions[1] = demo.player().body.getPosition().y;
            for (int i = 0; i < bots; i++) {
                positions[2 + 2 * i] = demo.botBody(i).getPosition().x;
                positions[3 + 2 * i] = demo.botBody(i).getPosition().y;
            }
            return new Snapshot(demo.report(demo.stepTimes()).withoutTimes(), positions);
        }
    }

    private record Snapshot(DemoReport report, float[] positions) {
    }

    @Test
    void realtimeModeDecidesWithoutWaiting() throws InterruptedException {
        try (DemoWorld demo = new DemoWorld(DemoSettings.defaults().withBots(5), new ScriptedPlayer())) {
            for (int i = 0; i < 120; i++) {
                demo.step();
                Thread.sleep(1); // a little game-thread time, as a frame would take
            }
            assertTrue(demo.botDecisions() > 0, "no policy result arrived in realtime mode");
            assertTrue(demo.policyMetrics().batchesRun() > 0);
        }
    }

    @Test
    void steadyStateFramesAllocateNothingOnTheGameThread() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withSeed(1L), STANDING)) {
            run(demo, 300); // warm up: JIT, pools, batch buffers, bots respawned after catches
            long before = threads.getThreadAllocatedBytes(self);
            run(demo, 300);
            long allocated = threads.getThreadAllocatedBytes(self) - before;
            // a few hundred bytes of slack for the JVM's own bookkeeping (e.g. a lazily inflated monitor)
            assertTrue(allocated < 4096, allocated + " bytes allocated over 300 frames");
        }
    }

    @Test
    void disposeIsIdempotentAndReleasesTheRuntime() {
        DemoWorld demo = new DemoWorld(LOCKSTEP.withBots(3), new ScriptedPlayer());
        run(demo, 3);
        demo.dispose();
        assertTrue(demo.runtime().isClosed());
        assertNull(demo.arena());
        assertDoesNotThrow(demo::dispose);
        assertThrows(IllegalStateException.class, demo::step);
        assertThrows(IllegalStateException.class, demo::requestNextLevel);
    }

    @Test
    void updateStepsAtAFixedRateWithoutBursting() {
        try (DemoWorld demo = new DemoWorld(LOCKSTEP.withBots(2), STANDING)) {
            assertEquals(0, demo.update(DemoWorld.STEP * 0.5f));
            assertEquals(1, demo.update(DemoWorld.STEP * 0.6f));
            assertEquals(4, demo.update(2f), "a stall is not caught up in a burst");
            assertEquals(5, demo.frames());
        }
    }

    static DungeonLevels levels(DemoSettings settings) {
        return new DungeonLevels(DemoAssets.dungeonLegend(), DemoAssets.dungeonExamples(DemoAssets.dungeonLegend()),
                settings.levels(), settings.seed());
    }

    private static void run(DemoWorld demo, int frames) {
        for (int i = 0; i < frames; i++) {
            demo.step();
        }
    }
}
