package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.testing.FakeModel;
import io.animata.runtime.testing.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AiRuntimeLockstepTest {

    /** Runs a little closed loop: each agent's next observation depends on its last result. */
    private static List<Float> closedLoop(long seed, int workers) {
        List<Float> trace = new ArrayList<>();
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optWorkerThreads(workers).build()) {
            FakeModel a = new FakeModel("a", 4);
            FakeModel b = new FakeModel("b", 4);
            ModelQueue qa = runtime.queue(a);
            ModelQueue qb = runtime.queue(b);
            Random random = new Random(seed);
            int agents = 17;
            float[][] state = new float[agents][4];
            for (float[] s : state) {
                for (int c = 0; c < 4; c++) {
                    s[c] = random.nextFloat();
                }
            }
            InferenceListener apply = (id, tag, result) -> {
                for (int c = 0; c < 4; c++) {
                    // keep the numbers bounded so the trace stays finite
                    state[tag][c] = (float) Math.sin(result.get(0, c)) * 0.5f + random.nextFloat() * 0.01f;
                }
                trace.add(result.get(1, 0));
            };
            for (long tick = 1; tick <= 50; tick++) {
                runtime.beginFrame(tick);
                for (int i = 0; i < agents; i++) {
                    (i % 2 == 0 ? qa : qb).submit(state[i], 0, apply, i);
                }
                runtime.endFrame(tick);
            }
            runtime.beginFrame(51);
        }
        return trace;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sameSeedGivesIdenticalRuns(int workers) {
        List<Float> first = closedLoop(42, workers);
        List<Float> second = closedLoop(42, workers);
        assertEquals(50 * 17, first.size());
        assertEquals(first, second);
    }

    @Test
    void differentSeedsDiffer() {
        assertTrue(!closedLoop(1, 1).equals(closedLoop(2, 1)));
    }

    @Test
    void resultsOfFrameArriveAtNextBeginFrameInSubmitOrder() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            FakeModel model = new FakeModel("m", 2);
            ModelQueue queue = runtime.queue(model);
            RecordingListener listener = new RecordingListener();
            runtime.beginFrame(1);
            long[] ids = new long[5];
            for (int i = 0; i < 5; i++) {
                ids[i] = queue.submit(new float[] {i, 10 * i}, 0, listener, 100 + i);
            }
            runtime.endFrame(1);
            assertEquals(0, listener.results.size());
            runtime.beginFrame(2);
            assertEquals(5, listener.results.size());
            for (int i = 0; i < 5; i++) {
                RecordingListener.Got got = listener.results.get(i);
                assertEquals(ids[i], got.requestId());
                assertEquals(100 + i, got.tag());
                assertEquals(2 * i + 1, got.first(), 0f);
                assertEquals(11 * i, got.sum(), 0f);
            }
            assertEquals(List.of(5), model.batchSizes, "one model call per frame for all rows");
            assertEquals(1, queue.metrics().lastLagFrames());
        }
    }

    @Test
    void requestsFromManyCallersShareOneBatchPerModelPerFrame() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            FakeModel model = new FakeModel("m", 3);
            ModelQueue queue = runtime.queue(model);
            assertEquals(queue, runtime.queue(model), "one queue per model");
            RecordingListener first = new RecordingListener();
            RecordingListener second = new RecordingListener();
            for (long tick = 1; tick <= 3; tick++) {
                runtime.beginFrame(tick);
                for (int i = 0; i < 10; i++) {
                    queue.submit(new float[] {1, 2, 3}, 0, i % 2 == 0 ? first : second, i);
                }
                runtime.endFrame(tick);
            }
            runtime.beginFrame(4);
            assertEquals(List.of(10, 10, 10), model.batchSizes);
            assertEquals(15, first.results.size());
            assertEquals(15, second.results.size());
        }
    }

    @Test
    void failedBatchThrowsFromBeginFrameAndRuntimeRecovers() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            FakeModel model = new FakeModel("flaky", 1);
            ModelQueue queue = runtime.queue(model);
            RecordingListener listener = new RecordingListener();
            model.setFailing(true);
            runtime.beginFrame(1);
            queue.submit(new float[] {1}, 0, listener, 0);
            runtime.endFrame(1);
            AnimataException e = assertThrows(AnimataException.class, () -> runtime.beginFrame(2));
            assertTrue(e.getMessage().contains("flaky"), e.getMessage());
            assertEquals(1, listener.failures.size());
            assertEquals(1, queue.metrics().failures());

            model.setFailing(false);
            queue.submit(new float[] {1}, 0, listener, 0);
            runtime.endFrame(2);
            runtime.beginFrame(3);
            assertEquals(1, listener.results.size());
        }
    }

    @Test
    void lockstepTimeoutGivesClearError() {
        FakeModel model = new FakeModel("stuck", 1);
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP)
                .optLockstepTimeout(Duration.ofMillis(100)).build()) {
            ModelQueue queue = runtime.queue(model);
            model.block();
            runtime.beginFrame(1);
            queue.submit(new float[] {1}, 0, new RecordingListener(), 0);
            runtime.endFrame(1);
            AnimataException e = assertThrows(AnimataException.class, () -> runtime.beginFrame(2));
            assertTrue(e.getMessage().contains("lockstep timeout"), e.getMessage());
        } finally {
            model.release();
        }
    }
}
