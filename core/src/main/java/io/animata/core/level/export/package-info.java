/**
 * Levels out to libGDX: {@link io.animata.core.level.export.TmxWriter} (Tiled TMX files, CSV layer data, that
 * {@code TmxMapLoader} loads) with {@link io.animata.core.level.export.TilesetImage} (a placeholder tileset PNG),
 * {@link io.animata.core.level.export.TiledMaps} (an in-memory {@code TiledMap}), {@link
 * io.animata.core.level.export.SolidShapes} (solid tiles merged into rectangles or outline loops) and {@link
 * io.animata.core.level.export.LevelBodies} (one static Box2D body with those shapes as fixtures).
 *
 * <p>Threading: the writers and {@code SolidShapes} are stateless and thread-safe; {@code TiledMaps} and {@code
 * LevelBodies} build libGDX objects and belong on the game thread.
 */
package io.animata.core.level.export;
