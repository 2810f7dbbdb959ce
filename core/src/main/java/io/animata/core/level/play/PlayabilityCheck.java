package io.animata.core.level.play;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;

/**
 * Decides whether a level can be played: exactly one start, at least one goal, and every goal reachable by the
 * player's moves. {@link #forLegend} picks the check the legend's view calls for.
 *
 * <p>Threading: implementations are immutable and thread-safe; each call allocates its own search state.
 *
 * <pre>{@code
 * PlayabilityCheck check = PlayabilityCheck.forLegend(legend);
 * Playability p = check.check(level);
 * if (!p.isPlayable()) System.out.println(p.reason().get());
 * }</pre>
 */
public interface PlayabilityCheck {
    /**
     * @param grid a level whose tiles the check's legend describes
     * @return the verdict, with a path when playable
     */
    Playability check(TileGrid grid);

    /**
     * @return {@link TopDownPathCheck} for top-down legends, {@link PlatformerReachability} (with the legend's jump)
     *     for side views
     */
    static PlayabilityCheck forLegend(Legend legend) {
        return legend.view() == Legend.View.SIDE ? new PlatformerReachability(legend) : new TopDownPathCheck(legend);
    }
}
