package io.animata.runtime;

/**
 * Hears that a {@link Job} submitted from the game thread has ended.
 *
 * <p>Threading: called on the game thread, inside {@link AiRuntime#beginFrame}, never for a cancelled job.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface JobListener<T> {

    /**
     * @param job the job: {@link Job#result()} when it succeeded, {@link Job#error()} when it failed
     */
    void onJobDone(Job<T> job);
}
