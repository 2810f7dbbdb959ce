package io.animata.core;

import com.badlogic.ashley.core.EntitySystem;
import io.animata.runtime.AiRuntime;

/**
 * Opens every frame: runs first in {@code Engine.update} (priority {@link Integer#MIN_VALUE}), advances the tick and
 * calls {@link AiRuntime#beginFrame(long)}, so the results of earlier frames reach their listeners before any game
 * system runs.
 *
 * <p>Installed by {@link Animata}; find it with {@code engine.getSystem(FrameBeginSystem.class)}.
 *
 * <p>Threading: game thread (the thread that calls {@code Engine.update}). Allocation-free.
 */
public final class FrameBeginSystem extends EntitySystem {
    private final AiRuntime runtime;
    private long tick;

    FrameBeginSystem(AiRuntime runtime) {
        super(Integer.MIN_VALUE);
        this.runtime = runtime;
        // continue the runtime's count, so a runtime installed again after a dispose never sees a tick twice
        this.tick = runtime.currentTick();
    }

    /**
     * Advances the tick, then begins the frame. The tick moves on even when {@code beginFrame} throws (a failed
     * lockstep batch), so the next frame never reuses a tick.
     *
     * @throws io.animata.runtime.AnimataException in lockstep mode, when a batch failed or outran its timeout
     */
    @Override
    public void update(float deltaTime) {
        tick++;
        runtime.beginFrame(tick);
    }

    /**
     * @return the tick of the frame in progress (or the last one); before the first frame, the runtime's
     *     {@link AiRuntime#currentTick()} at install (0 for a fresh runtime, whose first frame is tick 1)
     */
    public long tick() {
        return tick;
    }
}
