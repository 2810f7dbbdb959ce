package io.animata.core.level.gen;

import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;
import java.util.Optional;

/**
 * One level of a batch: the accepted candidate, or, when every attempt was rejected, the last candidate there was
 * (kept so that it can be looked at; it counts as unplayable).
 *
 * <p>Threading: immutable.
 *
 * @param index the level's place in the batch
 * @param seed the seed of the attempt that made {@code grid}
 * @param attempts attempts spent on this level
 * @param grid the level, empty when no attempt produced one
 * @param playability the level's verdict (unplayable when rejected)
 * @param accepted whether it passed every check
 * @param rejection why the last attempt was rejected, empty when accepted
 */
public record GeneratedLevel(int index, long seed, int attempts, Optional<TileGrid> grid, Playability playability,
        boolean accepted, Optional<String> rejection) {
}
