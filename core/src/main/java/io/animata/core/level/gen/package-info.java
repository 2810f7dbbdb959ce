/**
 * Making many playable levels: {@link io.animata.core.level.gen.LevelPipeline} runs any {@link
 * io.animata.core.level.gen.LevelGenerator} (Wave Function Collapse, the Markov chain, or the classic generators
 * here: {@link io.animata.core.level.gen.BspDungeonGenerator} rooms and corridors, {@link
 * io.animata.core.level.gen.CaveGenerator} cellular automata, {@link io.animata.core.level.gen.DrunkardWalkGenerator})
 * in parallel, places the start and goal ({@link io.animata.core.level.gen.MarkerPlacer}) and decorations ({@link
 * io.animata.core.level.gen.ItemPlacer}), checks constraints and playability, and retries within a bounded number of
 * attempts. Every attempt is seeded from (seed, level, attempt) by {@link io.animata.core.level.gen.Seeds}.
 *
 * <p>Threading: generators and placers are immutable and thread-safe; the pipeline owns a pool for one run.
 */
package io.animata.core.level.gen;
