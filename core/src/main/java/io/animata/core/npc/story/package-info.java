/**
 * Story slices: a designer's JSON ({@link io.animata.core.npc.story.StorySlice}) with a start state, stages, NPC goals
 * and allowed actions, triggers and ends; {@link io.animata.core.npc.story.StorySystem} runs it over a
 * {@link io.animata.core.npc.story.StoryWorld} the game writes, gives NPCs their goals in the prompt, and reports the
 * end reached ({@link io.animata.core.npc.story.StoryReport}). The shipped slice is {@code assets/stories/guards-key.json}.
 *
 * <p>Threading: game thread; conditions are checked every frame without allocating.
 */
package io.animata.core.npc.story;
