/**
 * Playtest bots: exploration bots that play a level headless and faster than real time and report what is broken.
 *
 * <ul>
 *   <li>{@link io.animata.core.playtest.PlaytestLevel} (a text, TMX or bitmap level with its legend) and
 *       {@link io.animata.core.playtest.Regions} (flood fill: reachable cells, sealed regions)</li>
 *   <li>{@link io.animata.core.playtest.BotRun}: one bot in its own Box2D world built from the level, a Go-Explore
 *       explorer (archive of visited cells, return to a promising one, explore from it) that drives the body through
 *       the agents' {@code DirectionActuator}, steered by the nav heuristic or a trained nav policy
 *       ({@link io.animata.core.playtest.Steering}); detectors for coverage, stuck bodies
 *       ({@link io.animata.core.playtest.StuckDetector}), bodies out of bounds, and crashes of the game's code
 *       ({@link io.animata.core.playtest.GameHooks}, {@link io.animata.core.playtest.TileEffects})</li>
 *   <li>{@link io.animata.core.playtest.Playtest}: many bots as independent jobs
 *       ({@link io.animata.core.playtest.PlaytestJob}, run by a {@code jobs.JobRunner}), merged in bot order into a
 *       {@link io.animata.core.playtest.PlaytestReport}; replays of any finding</li>
 *   <li>{@code playtest.balance}: balance bots for a two-sided arena game; {@code playtest.jobs}: the job interface
 *       and its thread and process runners</li>
 * </ul>
 *
 * <p>Threading: a bot run belongs to one thread (Box2D); different bots run on different threads at once and share
 * only immutable data. Reports and settings are immutable.
 */
package io.animata.core.playtest;
