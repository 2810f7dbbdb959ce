package io.animata.core;

import com.badlogic.ashley.core.EntitySystem;
import io.animata.runtime.AiRuntime;

/**
 * Closes every frame: runs last in {@code Engine.update} (priority {@link Integer#MAX_VALUE}) and calls
 * {@link AiRuntime#endFrame(long)} with the tick {@link FrameBeginSystem} opened, handing everything the game
 * systems submitted this frame to the workers as one batch per model.
 *
 * <p>Installed by {@link Animata}; find it with {@code engine.getSystem(FrameEndSystem.class)}.
 *
 * <p>Threading: game thread (the thread that calls {@code Engine.update}). Allocation-free.
 */
public final class FrameEndSystem extends EntitySystem {
    private final AiRuntime runtime;
    private final FrameBeginSystem begin;

    FrameEndSystem(AiRuntime runtime, FrameBeginSystem begin) {
        super(Integer.MAX_VALUE);
        this.runtime = runtime;
        this.begin = begin;
    }

    @Override
    public void update(float deltaTime) {
        // the begin system's tick, not a second counter: the two ends of a frame can never disagree
        runtime.endFrame(begin.tick());
    }
}
