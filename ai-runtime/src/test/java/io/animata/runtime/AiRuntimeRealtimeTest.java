package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.testing.FakeModel;
import io.animata.runtime.testing.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiRuntimeRealtimeTest {

    /** Frames until every pending result has arrived, without ever blocking the game thread. */
    private static long drain(AiRuntime runtime, ModelQueue queue, long tick) {
        while (queue.pendingRequests() > 0) {
            tick++;
            runtime.beginFrame(tick);
            runtime.endFrame(tick);
            Thread.onSpinWait();
        }
        return tick;
    }

    @Test
    void slowModelNeverBlocksTheGameThreadAndLateResultsLandLater() {
        // the model blocks until the test releases it: if the game thread waited for it, this test would hang
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
                FakeModel model = new FakeModel("slow", 1);
                ModelQueue queue = runtime.queue(model);
                RecordingListener listener = new RecordingListener();
                model.block();
                runtime.beginFrame(1);
                long first = queue.submit(new float[] {3}, 0, listener, 0);
                runtime.endFrame(1);
                model.awaitEntered();
                for (long tick = 2; tick <= 30; tick++) {
                    runtime.beginFrame(tick);
                    queue.submit(new float[] {tick}, 0, listener, (int) tick);
                    runtime.endFrame(tick);
                }
                assertEquals(0, listener.results.size(), "nothing can arrive while the model is stuck");
                assertEquals(30, queue.pendingRequests());
                model.release();
                long end = drain(runtime, queue, 30);
                assertEquals(30, listener.results.size());
                assertEquals(first, listener.results.get(0).requestId());
                assertEquals(7f, listener.results.get(0).first(), 0f);
                // results kept their submit order across the carried-over batches
                for (int i = 1; i < 30; i++) {
                    assertTrue(listener.results.get(i).requestId() > listener.results.get(i - 1).requestId());
                    assertEquals(i + 1, listener.results.get(i).tag());
                }
                assertTrue(queue.metrics().lastLagFrames() >= 1);
                assertTrue(end > 30);
                // frames 1 and 2 each got a slot; frames 3..30 were carried over into one batch, not 28 calls
                assertTrue(model.calls.get() <= 4, "batches: " + model.batchSizes);
                assertEquals(30, model.batchSizes.stream().mapToInt(Integer::intValue).sum());
            }
        });
    }

    @Test
    void resultArrivesOnlyAtABeginFrameAfterItIsReady() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
                FakeModel model = new FakeModel("m", 1);
                ModelQueue queue = runtime.queue(model);
                RecordingListener listener = new RecordingListener();
                model.block();
                runtime.beginFrame(1);
                queue.submit(new float[] {1}, 0, listener, 0);
                runtime.endFrame(1);
                model.awaitEntered();
                runtime.beginFrame(2);
                runtime.endFrame(2);
                assertEquals(0, listener.results.size());
                model.release();
                drain(runtime, queue, 2);
                assertEquals(1, listener.results.size());
            }
        });
    }

    @Test
    void cancelledRequestsAreComputedButNeverDelivered() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
                FakeModel model = new FakeModel("m", 1);
                ModelQueue queue = runtime.queue(model);
                RecordingListener listener = new RecordingListener();
                model.block();
                runtime.beginFrame(1);
                long inFlight = queue.submit(new float[] {1}, 0, listener, 1);
                long kept = queue.submit(new float[] {2}, 0, listener, 2);
                runtime.endFrame(1);
                model.awaitEntered();
                runtime.beginFrame(2);
                long notYetSent = queue.submit(new float[] {3}, 0, listener, 3);
                long keptToo = queue.submit(new float[] {4}, 0, listener, 4);
                // entity removed while its request runs on the worker, and another before its frame ended
                assertTrue(queue.cancel(inFlight));
                assertTrue(queue.cancel(notYetSent));
                assertFalse(queue.cancel(987654L), "unknown ids are ignored");
                runtime.endFrame(2);
                model.release();
                drain(runtime, queue, 2);
                List<Long> delivered = new ArrayList<>();
                listener.results.forEach(g -> delivered.add(g.requestId()));
                assertEquals(List.of(kept, keptToo), delivered);
                assertEquals(2, queue.metrics().resultsDropped());
                assertEquals(2, queue.metrics().resultsDelivered());
                assertFalse(queue.cancel(kept), "already delivered");
            }
        });
    }

    @Test
    void cancelAllDropsEveryPendingRequestOfAListener() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            ModelQueue queue = runtime.queue(new FakeModel("m", 1));
            RecordingListener gone = new RecordingListener();
            RecordingListener stays = new RecordingListener();
            runtime.beginFrame(1);
            for (int i = 0; i < 4; i++) {
                queue.submit(new float[] {i}, 0, gone, i);
                queue.submit(new float[] {i}, 0, stays, i);
            }
            assertEquals(4, queue.cancelAll(gone));
            runtime.endFrame(1);
            runtime.beginFrame(2);
            assertEquals(0, gone.results.size());
            assertEquals(4, stays.results.size());
        }
    }

    @Test
    void failureInRealtimeIsReportedToListenersAndLaterBatchesStillRun() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
                FakeModel model = new FakeModel("flaky", 1);
                ModelQueue queue = runtime.queue(model);
                RecordingListener listener = new RecordingListener();
                model.setFailing(true);
                runtime.beginFrame(1);
                long failed = queue.submit(new float[] {1}, 0, listener, 0);
                runtime.endFrame(1);
                long tick = drain(runtime, queue, 1);
                assertEquals(List.of(failed), listener.failures);
                assertTrue(listener.lastError.getMessage().contains("flaky"));
                model.setFailing(false);
                queue.submit(new float[] {1}, 0, listener, 0);
                runtime.endFrame(tick);
                drain(runtime, queue, tick);
                assertEquals(1, listener.results.size());
                assertEquals(1, queue.metrics().failures());
            }
        });
    }
}
