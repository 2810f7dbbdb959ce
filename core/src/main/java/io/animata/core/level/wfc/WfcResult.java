package io.animata.core.level.wfc;

import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.Optional;

/**
 * What a Wave Function Collapse run produced: a level, or why there is none. A run never loops forever: it makes at
 * most {@code maxAttempts} attempts of at most {@code maxBacktracks} backtracks each.
 *
 * <p>Threading: immutable.
 *
 * @param grid the level, when {@link #solved()}
 * @param attempts attempts made (1 when the first one worked)
 * @param backtracks backtracks made over all attempts
 * @param failure why there is no level, empty when solved
 */
public record WfcResult(Optional<TileGrid> grid, int attempts, int backtracks, Optional<String> failure) {
    /** @return whether a level was generated */
    public boolean solved() {
        return grid.isPresent();
    }

    /**
     * @return the level
     * @throws AnimataException with the failure when there is none
     */
    public TileGrid orThrow() {
        return grid.orElseThrow(() -> new AnimataException(failure.orElse("no level")));
    }
}
