package io.animata.runtime;

/** How the game thread and the worker threads meet at frame boundaries. */
public enum RunMode {
    /**
     * For games: the game thread never waits for a model. Results are applied on the first
     * {@link AiRuntime#beginFrame(long)} after they arrive, which may be several frames after they were asked for.
     */
    REALTIME,
    /**
     * For training, tests and replays: {@link AiRuntime#beginFrame(long)} waits until every request handed over
     * by the previous {@link AiRuntime#endFrame(long)} has its result, so the same seed gives the same run.
     */
    LOCKSTEP
}
