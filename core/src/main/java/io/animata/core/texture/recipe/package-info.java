/**
 * Texture recipes: materials described as small JSON node graphs (noise, warp, levels, math, wave, colour ramps,
 * blends with masks, baked lighting, output with an optional height for a normal map), checked when parsed
 * ({@link io.animata.core.texture.recipe.TextureRecipe#parse}: errors name the node and the field) and rendered
 * deterministically by seed into a {@link io.animata.core.texture.recipe.RenderedTexture}. Six recipes ship with
 * core: grass, stone, wood, lava, water, sand ({@link io.animata.core.texture.recipe.TextureRecipe#builtIn}).
 *
 * <p>Threading: recipes are immutable and thread-safe; rendering blocks the calling thread (a worker or the asset
 * manager's executor, never the game thread) and fills each node's rows on a
 * {@link io.animata.core.texture.RowExecutor}.
 */
package io.animata.core.texture.recipe;
