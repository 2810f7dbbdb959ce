package io.animata.runtime.train;

/**
 * Hears about a trainer's progress after every update: progress bars, learning-curve files, checkpoints.
 *
 * <p>Threading: called on the thread that runs {@link PpoTrainer#train}, between updates; the trainer waits for it,
 * so a listener may read or export the trainer's policy.
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that does nothing. */
    TrainingListener NONE = stats -> { };

    /** @param stats what the last rollout and update showed */
    void onUpdate(UpdateStats stats);
}
