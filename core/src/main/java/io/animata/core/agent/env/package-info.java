/**
 * Reference environments for learning bots. {@code nav}: a top-down Box2D arena from a tile map
 * ({@link io.animata.core.agent.env.NavLevel}, built by {@link io.animata.core.agent.env.NavArena}) where an agent
 * with a ray sensor must reach a goal; headless for trainers as an {@link io.animata.runtime.rl.Environment}
 * ({@link io.animata.core.agent.env.NavEnvironment}), as entities in a game
 * ({@link io.animata.core.agent.env.NavScene}), with a scripted baseline
 * ({@link io.animata.core.agent.env.NavHeuristic}). A game's scene may play in a generated level
 * ({@code NavLevel.of}), chase a moving body ({@code NavScene.Builder.optGoalFollows}) and follow waypoints on the
 * floor path where the level's detours are longer than the training arenas' ({@code optWaypoints},
 * {@code optWaypointCone}).
 *
 * <p>Threading: an environment or scene is used by one thread at a time (Box2D is not thread-safe); separate
 * environments share nothing and may be stepped on different threads.
 */
package io.animata.core.agent.env;
