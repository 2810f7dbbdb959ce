/**
 * Playability checks: can the player get from the start to every goal? {@link
 * io.animata.core.level.play.TopDownPathCheck} searches paths in four directions (dungeons, mazes); {@link
 * io.animata.core.level.play.PlatformerReachability} searches the states of a side-view player under gravity, with
 * the legend's jump height and length, ladders and hazards. {@link
 * io.animata.core.level.play.PlayabilityCheck#forLegend} picks one by the legend's view.
 *
 * <p>Threading: checks are immutable and thread-safe; every call works on its own arrays.
 */
package io.animata.core.level.play;
