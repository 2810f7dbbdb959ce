package io.animata.core.level.wfc;

import io.animata.core.level.LevelConstraints;
import io.animata.runtime.AnimataException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate with Wave Function Collapse: the size, whether the output wraps around, the constraints built
 * into the solve (fixed tiles and border; tile counts and connectivity are checked afterwards by the pipeline), the
 * sides anchored to the examples' sides, and the budget.
 *
 * <p>Threading: immutable.
 *
 * <pre>{@code
 * WfcSettings s = WfcSettings.builder().setSize(40, 12).optAnchoredEdges(EnumSet.of(Edge.BOTTOM)).build();
 * }</pre>
 */
public final class WfcSettings {
    private final int width;
    private final int height;
    private final boolean periodic;
    private final LevelConstraints constraints;
    private final Set<Edge> anchored;
    private final int maxBacktracks;
    private final int maxAttempts;

    private WfcSettings(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.periodic = b.periodic;
        this.constraints = b.constraints;
        this.anchored = Set.copyOf(b.anchored);
        this.maxBacktracks = b.maxBacktracks;
        this.maxAttempts = b.maxAttempts;
    }

    /** @return a builder; {@link Builder#setSize} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the level's width in tiles */
    public int width() {
        return width;
    }

    /** @return the level's height in tiles */
    public int height() {
        return height;
    }

    /** @return whether the output wraps around (a tileable texture rather than a level) */
    public boolean periodic() {
        return periodic;
    }

    /** @return the constraints; fixed tiles and the border are built into the solve */
    public LevelConstraints constraints() {
        return constraints;
    }

    /** @return the sides that show only patterns the examples show at that side */
    public Set<Edge> anchoredEdges() {
        return anchored;
    }

    /** @return the most backtracks per attempt */
    public int maxBacktracks() {
        return maxBacktracks;
    }

    /** @return the most attempts (restarts with fresh randomness) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Builds {@link WfcSettings}.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private int width = -1;
        private int height = -1;
        private boolean periodic;
        private LevelConstraints constraints = LevelConstraints.NONE;
        private final EnumSet<Edge> anchored = EnumSet.noneOf(Edge.class);
        private int maxBacktracks = 400;
        private int maxAttempts = 8;

        private Builder() {
        }

        /** Required: the level's size in tiles. */
        public Builder setSize(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Optional: wrap the output around (default false); anchoring does not apply then. */
        public Builder optPeriodic(boolean periodic) {
            this.periodic = periodic;
            return this;
        }

        /** Optional: constraints (default none). */
        public Builder optConstraints(LevelConstraints constraints) {
            this.constraints = constraints;
            return this;
        }

        /** Optional: anchor these sides to the examples' sides (default none). */
        public Builder optAnchoredEdges(Set<Edge> edges) {
            anchored.clear();
            anchored.addAll(edges);
            return this;
        }

        /** Optional: anchor the bottom row to the examples' ground (Gumin's "ground"). */
        public Builder optGround() {
            anchored.add(Edge.BOTTOM);
            return this;
        }

        /** Optional: the most backtracks per attempt (default 400). */
        public Builder optMaxBacktracks(int maxBacktracks) {
            this.maxBacktracks = maxBacktracks;
            return this;
        }

        /** Optional: the most attempts per run (default 8). */
        public Builder optMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @return the settings
         * @throws AnimataException when the size is missing or not positive, or the budget is negative
         */
        public WfcSettings build() {
            if (width < 1 || height < 1) {
                throw new AnimataException("WFC settings need a size of at least 1x1 (setSize), was " + width + "x"
                        + height);
            }
            if (maxBacktracks < 0 || maxAttempts < 1) {
                throw new AnimataException("WFC needs maxBacktracks >= 0 and maxAttempts >= 1, was " + maxBacktracks
                        + " and " + maxAttempts);
            }
            return new WfcSettings(this);
        }
    }
}
