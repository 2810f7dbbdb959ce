package io.animata.core.level.gen;

import io.animata.core.level.TileGrid;
import io.animata.core.level.wfc.WfcModel;
import io.animata.core.level.wfc.WfcSettings;
import java.util.Optional;

/**
 * Makes one candidate level from a seed: the same seed gives the same level. A candidate need not be playable (the
 * {@link LevelPipeline} checks and retries); it may be empty when this attempt failed (a Wave Function Collapse run
 * that spent its budget).
 *
 * <p>Threading: implementations must be thread-safe: the pipeline calls {@link #generate} from several threads at
 * once.
 *
 * <pre>{@code
 * LevelGenerator wfc = LevelGenerator.wfc(model, settings);
 * LevelGenerator caves = new CaveGenerator(legend, 40, 24);
 * }</pre>
 */
@FunctionalInterface
public interface LevelGenerator {
    /**
     * @param seed the attempt's seed
     * @return a candidate level, or empty when the attempt failed
     */
    Optional<TileGrid> generate(long seed);

    /** @return a generator that runs Wave Function Collapse with fixed settings */
    static LevelGenerator wfc(WfcModel model, WfcSettings settings) {
        return seed -> model.generate(settings, seed).grid();
    }
}
