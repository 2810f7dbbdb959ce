/**
 * The plugin's entry point: {@link io.animata.core.Animata} installs an {@link io.animata.runtime.AiRuntime} into
 * an Ashley {@link com.badlogic.ashley.core.Engine}, bracketing every {@code Engine.update} with
 * {@link io.animata.core.FrameBeginSystem} (first) and {@link io.animata.core.FrameEndSystem} (last), so that each
 * engine update is one frame of the runtime's frame contract.
 *
 * <p>Threading: everything here runs on the game thread; models run on the runtime's workers.
 */
package io.animata.core;
