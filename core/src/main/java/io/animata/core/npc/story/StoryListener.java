package io.animata.core.npc.story;

/**
 * Hears a story slice's progress: stages entered and the end reached.
 *
 * <p>Threading: called on the game thread, inside {@code Engine.update} (from {@link StorySystem#update}) or from
 * {@link StorySystem#check}.
 */
public interface StoryListener {

    /** The slice entered a stage (not called for the first stage, where it starts). */
    default void onStage(StorySystem story, String stageId) {
    }

    /** The slice reached an end; the system stops checking. */
    void onEnd(StorySystem story, StoryReport report);
}
