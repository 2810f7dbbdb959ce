/**
 * Procedural levels: learn the style of a few hand-made levels and generate many new, playable ones.
 *
 * <p>The vocabulary lives here: a {@link io.animata.core.level.TileGrid} (one character per tile, row 0 at the top),
 * a {@link io.animata.core.level.Legend} (what each character means: solid, hazard, climbable, start, goal; top-down
 * or side view) and {@link io.animata.core.level.LevelConstraints} (fixed tiles, borders, tile counts, connected
 * markers). The work is done in the sub-packages, in the order data flows:
 * <ul>
 *   <li>{@code level.io}: read examples (text grids with a JSON legend, Tiled TMX maps, bitmaps) with errors that
 *       name the file, line and column</li>
 *   <li>{@code level.wfc}: Wave Function Collapse, overlapping and simple tiled models, with backtracking and a
 *       bounded budget</li>
 *   <li>{@code level.markov}: a Markov chain learned from text levels</li>
 *   <li>{@code level.gen}: classic generators (BSP dungeons, cellular-automata caves, drunkard's walk), start and
 *       goal placement, and {@code LevelPipeline}, which generates thousands of levels in parallel, each seeded from
 *       (seed, index), and keeps the playable ones</li>
 *   <li>{@code level.play}: playability checks (path search top-down, jump-aware reachability side-view)</li>
 *   <li>{@code level.metrics}: diversity, novelty, pattern KL divergence, expressive range</li>
 *   <li>{@code level.export}: TMX files, in-memory {@code TiledMap}s, Box2D bodies</li>
 * </ul>
 *
 * <p>Threading: the data types are immutable. Generation and checks run on any thread (the pipeline runs them on a
 * pool); only the Box2D and {@code TiledMap} exports belong on the game thread.
 */
package io.animata.core.level;
