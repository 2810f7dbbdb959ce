package io.animata.core.npc.story;

/**
 * A condition of a story slice over the {@link StoryWorld}, relationships, NPC states and the current stage, read
 * from the slice's JSON (see {@link StorySlice} for the forms). Bound once to a running {@link StorySystem}, which
 * turns its names into indices; then {@link #holds} reads arrays and allocates nothing.
 *
 * <p>Threading: game thread.
 */
public interface Condition {

    /** Resolves names against the system (done when a slice starts). */
    void bind(StorySystem story);

    /** @return whether the condition holds now */
    boolean holds(StorySystem story);

    /** A condition that always holds (a stage or goal without {@code when}). */
    Condition ALWAYS = new Condition() {
        @Override
        public void bind(StorySystem story) {
        }

        @Override
        public boolean holds(StorySystem story) {
            return true;
        }

        @Override
        public String toString() {
            return "always";
        }
    };
}
