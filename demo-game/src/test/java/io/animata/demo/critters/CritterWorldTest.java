package io.animata.demo.critters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.math.Vector2;
import io.animata.runtime.RunMode;
import org.junit.jupiter.api.Test;

/** Runs the demo headless (no GL, no {@code Gdx.app}) and checks the seek policy works and lockstep repeats. */
class CritterWorldTest {
    private static final int FRAMES = 300;
    private static final CritterSettings LOCKSTEP = CritterSettings.defaults().withSeed(42L).withMode(RunMode.LOCKSTEP);

    @Test
    void everyCritterGetsADecisionEveryFrameAndCatchesSparks() {
        try (CritterWorld demo = new CritterWorld(LOCKSTEP)) {
            run(demo, FRAMES);

            assertEquals(FRAMES, demo.frames());
            assertEquals(CritterSettings.DEFAULT_CRITTERS, demo.critters().size());
            // lockstep: frame t's results are applied at the start of frame t + 1
            for (int i = 0; i < demo.critters().size(); i++) {
                CritterComponent c = demo.critter(i);
                assertEquals(FRAMES - 1, c.decisions, "decisions of critter " + i);
                assertTrue(c.action >= 0 && c.action < SeekPolicy.ACTIONS, "action of critter " + i);
            }
            assertEquals((long) (FRAMES - 1) * CritterSettings.DEFAULT_CRITTERS, demo.decisions());
            assertTrue(demo.sparksCaught() > 0, "no spark caught in " + FRAMES + " frames");

            CritterReport report = demo.report(demo.stepTimes());
            // seeking: critters move towards their sparks (critters that drift or move at random average ~0 m/s;
            // seekers lose speed turning round after each catch and jostling in the crowd, so ~2 m/s of 6)
            assertTrue(report.closingSpeed() > 1.0,
                    "critters did not close in on the sparks: mean closing speed " + report.closingSpeed() + " m/s");
            assertEquals(demo.policyMetrics().device(), report.device());
            assertTrue(report.resultLine().startsWith("RESULT frames=" + FRAMES + " decisions="), report.resultLine());
        }
    }

    @Test
    void theSameSeedGivesTheSameRunInLockstep() {
        Snapshot a;
        Snapshot b;
        try (CritterWorld demo = new CritterWorld(LOCKSTEP)) {
            run(demo, FRAMES);
            a = Snapshot.of(demo);
        }
        try (CritterWorld demo = new CritterWorld(LOCKSTEP)) {
            run(demo, FRAMES);
            b = Snapshot.of(demo);
        }
        a.assertSameAs(b);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        Snapshot a;
        Snapshot b;
        try (CritterWorld demo = new CritterWorld(LOCKSTEP)) {
            run(demo, 60);
            a = Snapshot.of(demo);
        }
        try (CritterWorld demo = new CritterWorld(LOCKSTEP.withSeed(43L))) {
            run(demo, 60);
            b = Snapshot.of(demo);
        }
        assertFalse(java.util.Arrays.equals(a.positions, b.positions));
    }

    @Test
    void resetDropsPendingResultsAndReplaysLikeAFreshWorld() {
        Snapshot fresh;
        try (CritterWorld demo = new CritterWorld(LOCKSTEP.withSeed(7L))) {
            run(demo, 120);
            fresh = Snapshot.of(demo);
        }
        try (CritterWorld demo = new CritterWorld(LOCKSTEP)) {
            run(demo, 50); // frame 50's requests are in flight when the scene is replaced
            demo.reset(7L);
            assertEquals(0, demo.frames());
            assertEquals(0, demo.decisions());
            assertEquals(7L, demo.settings().seed());
            run(demo, 120);
            Snapshot afterReset = Snapshot.of(demo);
            fresh.assertSameAs(afterReset);
            assertTrue(demo.policyMetrics().resultsDropped() >= CritterSettings.DEFAULT_CRITTERS,
                    "the old scene's last batch should have been dropped");
        }
    }

    @Test
    void realtimeModeMakesDecisionsWithoutWaiting() throws InterruptedException {
        try (CritterWorld demo = new CritterWorld(CritterSettings.defaults().withCritters(50))) {
            for (int i = 0; i < 120; i++) {
                demo.step();
                Thread.sleep(1); // a little game-thread time, as a frame would take
            }
            assertTrue(demo.decisions() > 0, "no policy result arrived in realtime mode");
            assertTrue(demo.policyMetrics().batchesRun() > 0);
        }
    }

    @Test
    void inRealtimeEachCritterHasAtMostOneRequestInFlight() {
        // stepping as fast as the machine allows, the worker falls behind now and then; requests must not pile up
        try (CritterWorld demo = new CritterWorld(CritterSettings.defaults().withCritters(100))) {
            int most = 0;
            for (int i = 0; i < 400; i++) {
                demo.step();
                most = Math.max(most, demo.runtime().queueAt(0).pendingRequests());
            }
            assertTrue(most <= 100, "pending requests peaked at " + most + " for 100 critters");
            assertTrue(demo.decisions() > 0);
        }
    }

    @Test
    void updateStepsAtAFixedRateWithoutBursting() {
        try (CritterWorld demo = new CritterWorld(LOCKSTEP.withCritters(10))) {
            assertEquals(0, demo.update(CritterWorld.STEP * 0.5f));
            assertEquals(1, demo.update(CritterWorld.STEP * 0.6f));
            assertEquals(4, demo.update(2f), "a stall is not caught up in a burst");
            assertEquals(0, demo.update(0f));
            assertEquals(5, demo.frames());
        }
    }

    @Test
    void steadyStateFramesAllocateNothingOnTheGameThread() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        try (CritterWorld demo = new CritterWorld(LOCKSTEP)) {
            run(demo, 200); // warm up: JIT, pools, batch buffers grown to the flock's size
            long before = threads.getThreadAllocatedBytes(self);
            run(demo, 200);
            long allocated = threads.getThreadAllocatedBytes(self) - before;
            // a few hundred bytes of slack for the JVM's own bookkeeping (e.g. a lazily inflated monitor)
            assertTrue(allocated < 2048, allocated + " bytes allocated over 200 frames");
        }
    }

    @Test
    void disposeIsIdempotentAndReleasesTheRuntime() {
        CritterWorld demo = new CritterWorld(LOCKSTEP.withCritters(5));
        run(demo, 3);
        demo.dispose();
        assertTrue(demo.runtime().isClosed());
        assertDoesNotThrow(demo::dispose);
        assertThrows(IllegalStateException.class, demo::step);
    }

    private static void run(CritterWorld demo, int frames) {
        for (int i = 0; i < frames; i++) {
            demo.step();
        }
    }

    /** Counters and every body's position and velocity, to compare runs bit for bit. */
    private record Snapshot(long frames, long decisions, long caught, float[] positions, float[] sparks) {
        static Snapshot of(CritterWorld demo) {
            int n = demo.critters().size();
            float[] positions = new float[n * 4];
            for (int i = 0; i < n; i++) {
                CritterComponent c = demo.critter(i);
                Vector2 p = c.body.getPosition();
                Vector2 v = c.body.getLinearVelocity();
                positions[i * 4] = p.x;
                positions[i * 4 + 1] = p.y;
                positions[i * 4 + 2] = v.x;
                positions[i * 4 + 3] = v.y;
            }
            Sparks s = demo.sparks();
            float[] sparks = new float[s.count() * 2];
            for (int i = 0; i < s.count(); i++) {
                sparks[i * 2] = s.x(i);
                sparks[i * 2 + 1] = s.y(i);
            }
            return new Snapshot(demo.frames(), demo.decisions(), demo.sparksCaught(), positions, sparks);
        }

        void assertSameAs(Snapshot other) {
            assertEquals(frames, other.frames, "frames");
            assertEquals(decisions, other.decisions, "decisions");
            assertEquals(caught, other.caught, "sparks caught");
            assertArrayEquals(positions, other.positions, 0f, "critter positions and velocities");
            assertArrayEquals(sparks, other.sparks, 0f, "spark positions");
        }
    }
}
