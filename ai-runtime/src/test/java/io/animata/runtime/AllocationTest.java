package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.animata.runtime.testing.FakeModel;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The game thread's side of the frame contract allocates nothing once warmed up. */
class AllocationTest {

    private static final class SumListener implements InferenceListener {
        double sum;

        @Override
        public void onResult(long requestId, int tag, InferenceResult result) {
            sum += result.get(0, 0) + result.argmax(0);
        }
    }

    @Test
    void steadyStateFramesAllocateNothingOnTheGameThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            ModelQueue queue = runtime.queue(new FakeModel("m", 8));
            SumListener listener = new SumListener();
            float[] rows = new float[100 * 8];
            long tick = 0;
            for (int warm = 0; warm < 5_000; warm++) {
                tick = frame(runtime, queue, listener, rows, tick);
            }
            // a one-off allocation of a few dozen bytes was seen while the JIT settles; a real per-frame
            // allocation would show in every window, so one clean window of 1000 frames is the claim
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int f = 0; f < 1_000; f++) {
                    tick = frame(runtime, queue, listener, rows, tick);
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    return;
                }
            }
            assertEquals(0L, Math.min(windows[0], Math.min(windows[1], windows[2])),
                    "bytes allocated by the game thread in each of three 1000-frame windows: "
                            + java.util.Arrays.toString(windows));
        }
    }

    private static long frame(AiRuntime runtime, ModelQueue queue, SumListener listener, float[] rows, long tick) {
        tick++;
        runtime.beginFrame(tick);
        for (int i = 0; i < 100; i++) {
            rows[i * 8] = i + tick;
            queue.submit(rows, i * 8, listener, i);
        }
        runtime.endFrame(tick);
        return tick;
    }
}
