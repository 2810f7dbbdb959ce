/**
 * The AI runtime: {@link io.animata.runtime.AiRuntime} owns the worker threads and models and implements the frame
 * contract ({@code beginFrame}/{@code endFrame}); {@link io.animata.runtime.ModelQueue} batches every request for a
 * model in a frame into one call. No libGDX here: the runtime also serves tools, servers and tests.
 *
 * <p>Threading: the game thread submits and receives; workers run models; neither touches the other's data
 * outside the frame hand-over.
 */
package io.animata.runtime;
