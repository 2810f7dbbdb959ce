/**
 * Sprite variants: {@link io.animata.core.texture.variant.SpriteVariants} gives one drawn sprite hundreds of looks by
 * seed (palette moves and hue, saturation and brightness shifts per group of pixels, with outlines kept and skin,
 * hair and metal consistent across a character), so a crowd of NPCs needs one drawing.
 *
 * <p>Threading: variants are immutable and thread-safe; making one is cheap (one pass over the sprite) and can run on
 * any thread; upload to a {@code Texture} on the GL thread.
 */
package io.animata.core.texture.variant;
