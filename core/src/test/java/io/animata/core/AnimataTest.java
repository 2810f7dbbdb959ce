package io.animata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.EntitySystem;
import io.animata.core.testing.CountingBatchModel;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.ModelQueue;
import io.animata.runtime.RunMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnimataTest {
    private static final float DELTA = 1f / 60f;

    private final Engine engine = new Engine();
    private final AiRuntime runtime = AiRuntime.builder()
            .setMode(RunMode.LOCKSTEP)
            .optLockstepTimeout(Duration.ofSeconds(10))
            .build();

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void resultsSubmittedInFrameTArriveBeforeTheGameSystemsOfFrameTPlusOne() {
        Animata animata = Animata.install(engine, runtime);
        CountingBatchModel model = new CountingBatchModel("fake", 1);
        ModelQueue queue = runtime.queue(model);
        List<String> events = new ArrayList<>();
        engine.addSystem(new EntitySystem(0) {
            private final float[] row = new float[1];

            @Override
            public void update(float deltaTime) {
                long tick = animata.tick();
                events.add("system at " + tick + ", runtime at " + runtime.currentTick());
                if (tick <= 3) {
                    row[0] = tick;
                    queue.submit(row, 0, (id, tag, result) -> events.add(
                            "result " + tag + " = " + result.get(0, 0) + " at " + runtime.currentTick()), (int) tick);
                }
            }
        });

        for (int frame = 0; frame < 4; frame++) {
            engine.update(DELTA);
        }

        assertEquals(List.of(
                "system at 1, runtime at 1",
                "result 1 = 2.0 at 2",
                "system at 2, runtime at 2",
                "result 2 = 4.0 at 3",
                "system at 3, runtime at 3",
                "result 3 = 6.0 at 4",
                "system at 4, runtime at 4"), events);
        assertEquals(4, animata.tick());
        // one batch per frame that submitted: endFrame ran after the game system, in the same frame
        assertEquals(3, model.runs());
        assertEquals(3, model.rowsRun());
    }

    @Test
    void bracketsTheGameSystemsWhateverOrderTheyWereAddedIn() {
        engine.addSystem(new EntitySystem(Integer.MAX_VALUE - 1) { });
        engine.addSystem(new EntitySystem(Integer.MIN_VALUE + 1) { });

        Animata.install(engine, runtime);

        assertEquals(4, engine.getSystems().size());
        assertSame(engine.getSystem(FrameBeginSystem.class), engine.getSystems().first());
        assertSame(engine.getSystem(FrameEndSystem.class), engine.getSystems().peek());
        assertEquals(Integer.MIN_VALUE, engine.getSystem(FrameBeginSystem.class).priority);
        assertEquals(Integer.MAX_VALUE, engine.getSystem(FrameEndSystem.class).priority);
    }

    @Test
    void tickIsZeroBeforeTheFirstFrameAndCountsFrames() {
        Animata animata = Animata.install(engine, runtime);
        assertEquals(0, animata.tick());

        engine.update(DELTA);
        engine.update(DELTA);

        assertEquals(2, animata.tick());
        assertEquals(2, runtime.currentTick());
    }

    @Test
    void disposeTwiceIsSafeAndRemovesBothSystems() {
        engine.addSystem(new EntitySystem() { });
        Animata animata = Animata.install(engine, runtime);

        animata.dispose();
        animata.dispose();

        assertTrue(animata.isDisposed());
        assertEquals(1, engine.getSystems().size());
        assertNull(engine.getSystem(FrameBeginSystem.class));
        assertNull(engine.getSystem(FrameEndSystem.class));
        engine.update(DELTA);
        assertEquals(0, runtime.currentTick());
    }

    @Test
    void disposeLeavesARuntimeTheGameOwnsOpen() {
        Animata animata = Animata.install(engine, runtime);

        animata.dispose();

        assertFalse(animata.ownsRuntime());
        assertFalse(runtime.isClosed());
    }

    @Test
    void disposeClosesAnOwnedRuntimeOnce() {
        CountingBatchModel model = new CountingBatchModel("fake", 1);
        Animata animata = Animata.installOwning(engine, runtime);
        runtime.queue(model);

        animata.dispose();
        animata.dispose();

        assertTrue(animata.ownsRuntime());
        assertTrue(runtime.isClosed());
        assertEquals(1, model.closes());
    }

    @Test
    void installingTwiceIntoOneEngineThrowsAndKeepsTheFirst() {
        Animata first = Animata.install(engine, runtime);
        FrameBeginSystem begin = engine.getSystem(FrameBeginSystem.class);
        try (AiRuntime other = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Animata.install(engine, other));
            assertTrue(e.getMessage().contains("already installed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> Animata.installOwning(engine, runtime));
        }

        assertFalse(runtime.isClosed(), "a failed installOwning does not take ownership");
        assertSame(begin, engine.getSystem(FrameBeginSystem.class));
        assertEquals(2, engine.getSystems().size());
        engine.update(DELTA);
        assertEquals(1, first.tick());
    }

    @Test
    void reinstallingAfterDisposeContinuesTheRuntimesTicks() {
        Animata first = Animata.install(engine, runtime);
        engine.update(DELTA);
        engine.update(DELTA);
        first.dispose();

        Animata second = Animata.install(engine, runtime);
        engine.update(DELTA);

        assertEquals(3, second.tick());
        assertEquals(3, runtime.currentTick());
    }

    @Test
    void refusesAClosedRuntimeAndNulls() {
        runtime.close();

        assertThrows(IllegalArgumentException.class, () -> Animata.install(engine, runtime));
        assertThrows(NullPointerException.class, () -> Animata.install(null, runtime));
        assertThrows(NullPointerException.class, () -> Animata.install(engine, null));
        assertEquals(0, engine.getSystems().size());
    }
}
