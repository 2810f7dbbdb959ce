package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.testing.FakeModel;
import io.animata.runtime.testing.RecordingListener;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AiRuntimeLifecycleTest {

    private static Set<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    @Test
    void builderRequiresMode() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AiRuntime.builder().build());
        assertTrue(e.getMessage().contains("setMode"));
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> AiRuntime.builder().optWorkerThreads(0));
        assertThrows(IllegalArgumentException.class, () -> AiRuntime.builder().optIntraOpThreads(0));
        assertThrows(IllegalArgumentException.class, () -> AiRuntime.builder().optLockstepTimeout(Duration.ZERO));
    }

    @Test
    void workersAreNamedDaemonsAndNoneSurvivesClose() {
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).optWorkerThreads(3)
                .optThreadNamePrefix("lifecycle-test").build();
        assertEquals(Set.of("lifecycle-test-0", "lifecycle-test-1", "lifecycle-test-2"), threadsNamed("lifecycle-test"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lifecycle-test")).allMatch(Thread::isDaemon));
        runtime.close();
        assertEquals(Set.of(), threadsNamed("lifecycle-test"));
    }

    @Test
    void closeTwiceIsSafeAndClosesModelsOnce() {
        FakeModel model = new FakeModel("m", 1);
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build();
        runtime.queue(model);
        runtime.close();
        runtime.close();
        assertEquals(1, model.closes.get());
        assertTrue(runtime.isClosed());
        assertThrows(AnimataException.class, () -> runtime.beginFrame(1));
    }

    @Test
    void closeIsBoundedEvenWhileAModelCallHangs() throws InterruptedException {
        FakeModel model = new FakeModel("hung", 1);
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME)
                .optShutdownTimeout(Duration.ofMillis(200)).optThreadNamePrefix("hung-test").build();
        ModelQueue queue = runtime.queue(model);
        model.block();
        runtime.beginFrame(1);
        queue.submit(new float[] {1}, 0, new RecordingListener(), 0);
        runtime.endFrame(1);
        model.awaitEntered();
        long start = System.nanoTime();
        runtime.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the fake model answers the interrupt that follows the timeout, so the thread ends
        assertTrue(millis < 5_000, "close took " + millis + " ms");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!threadsNamed("hung-test").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Set.of(), threadsNamed("hung-test"));
        model.release();
    }

    @Test
    void closeFromAnotherThreadWakesALockstepWaitLongBeforeItsTimeout() throws Exception {
        FakeModel model = new FakeModel("slow", 1);
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optLockstepTimeout(Duration.ofSeconds(60))
                .optShutdownTimeout(Duration.ofMillis(200)).build();
        ModelQueue queue = runtime.queue(model);
        model.block();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread game = new Thread(() -> {
            try {
                runtime.beginFrame(1);
                queue.submit(new float[] {1}, 0, new RecordingListener(), 0);
                runtime.endFrame(1);
                runtime.beginFrame(2); // waits for the blocked batch
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "lockstep-game");
        game.start();
        model.awaitEntered();
        runtime.close();
        game.join(10_000);
        model.release();
        assertTrue(!game.isAlive(), "the waiting frame returned well before the 60 s timeout");
        assertTrue(thrown.get() instanceof AnimataException, String.valueOf(thrown.get()));
    }

    @Test
    void releaseDropsPendingResultsAndClosesTheModelAfterItsLastBatch() throws Exception {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            FakeModel old = new FakeModel("old", 1);
            FakeModel other = new FakeModel("other", 1);
            ModelQueue queue = runtime.queue(old);
            ModelQueue stays = runtime.queue(other);
            RecordingListener listener = new RecordingListener();
            old.block();
            runtime.beginFrame(1);
            queue.submit(new float[] {1}, 0, listener, 0);
            runtime.endFrame(1);
            old.awaitEntered();
            runtime.beginFrame(2);
            queue.submit(new float[] {2}, 0, listener, 0);
            runtime.release(old);
            assertEquals(0, old.closes.get(), "not closed under its running batch");
            assertThrows(AnimataException.class, () -> queue.submit(new float[] {3}, 0, listener, 0));
            assertEquals(1, runtime.queueCount());
            assertEquals(stays, runtime.queueAt(0));
            old.release();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (old.closes.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(1, old.closes.get(), "closed once its worker was done with it");
            for (long tick = 2; tick < 6; tick++) {
                if (tick > 2) {
                    runtime.beginFrame(tick);
                }
                stays.submit(new float[] {1}, 0, listener, 9);
                runtime.endFrame(tick);
            }
            assertTrue(listener.results.stream().noneMatch(g -> g.tag() == 0), "no result of the released model");
        }
    }

    @Test
    void modelsAreSpreadOverWorkersAndStayOnOne() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optWorkerThreads(2).build()) {
            FakeModel a = new FakeModel("a", 1);
            FakeModel b = new FakeModel("b", 1);
            ModelQueue qa = runtime.queue(a);
            ModelQueue qb = runtime.queue(b);
            assertNotEquals(qa.workerName(), qb.workerName());
            RecordingListener listener = new RecordingListener();
            for (long tick = 1; tick <= 5; tick++) {
                runtime.beginFrame(tick);
                qa.submit(new float[] {1}, 0, listener, 0);
                qb.submit(new float[] {1}, 0, listener, 0);
                runtime.endFrame(tick);
            }
            runtime.beginFrame(6);
            assertEquals(Set.of(qa.workerName()), Set.copyOf(a.threads));
            assertEquals(Set.of(qb.workerName()), Set.copyOf(b.threads));
            assertEquals(2, runtime.queueCount());
        }
    }

    @Test
    void shortRowIsRejectedWithTheModelsShape() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            ModelQueue queue = runtime.queue(new FakeModel("policy", 4));
            AnimataException e = assertThrows(AnimataException.class,
                    () -> queue.submit(new float[6], 3, new RecordingListener(), 0));
            assertTrue(e.getMessage().contains("policy") && e.getMessage().contains("[batch, 4]"), e.getMessage());
        }
    }

    @Test
    void ticksMustIncreaseAndFramesMustPair() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            runtime.beginFrame(5);
            assertThrows(IllegalStateException.class, () -> runtime.endFrame(4));
            runtime.endFrame(5);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runtime.beginFrame(5));
            assertTrue(e.getMessage().contains("must increase"), e.getMessage());
            runtime.beginFrame(9);
            assertEquals(9, runtime.currentTick());
        }
    }

    @Test
    void metricsDescribeTheLastFrames() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            ModelQueue queue = runtime.queue(new FakeModel("m", 2));
            RecordingListener listener = new RecordingListener();
            for (long tick = 1; tick <= 4; tick++) {
                runtime.beginFrame(tick);
                for (int i = 0; i < 7; i++) {
                    queue.submit(new float[] {1, 2}, 0, listener, i);
                }
                runtime.endFrame(tick);
                assertEquals(7, queue.metrics().queueDepth());
            }
            runtime.beginFrame(5);
            ModelMetrics m = queue.metrics();
            assertEquals("m", m.modelName());
            assertEquals("java", m.device());
            assertEquals(7, m.lastBatchSize());
            assertEquals(0, m.queueDepth());
            assertEquals(4, m.batchesRun());
            assertEquals(28, m.resultsDelivered());
            assertTrue(m.p50LatencyMicros() > 0);
            assertTrue(m.p99LatencyMicros() >= m.p50LatencyMicros());
        }
    }
}
