/**
 * Reading levels and legends: {@link io.animata.core.level.io.LegendReader} (JSON legends in the Video Game Level
 * Corpus style, with Jackson), {@link io.animata.core.level.io.TextGridReader} (one character per tile),
 * {@link io.animata.core.level.io.TmxReader} (Tiled maps, with StAX), {@link io.animata.core.level.io.BitmapReader}
 * (one pixel per tile, with {@code ImageIO}) and {@link io.animata.core.level.io.LevelFiles} (a directory of examples).
 *
 * <p>Every reader fails with an {@link io.animata.runtime.AnimataException} that names the file and, where it has
 * them, the line, column and character at fault, and says what to change.
 *
 * <p>Threading: all readers are stateless and thread-safe.
 */
package io.animata.core.level.io;
