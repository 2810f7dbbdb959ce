package io.animata.desktop.levels;

import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.gen.BspDungeonGenerator;
import io.animata.core.level.gen.CaveGenerator;
import io.animata.core.level.gen.DrunkardWalkGenerator;
import io.animata.core.level.gen.ItemPlacer;
import io.animata.core.level.gen.LevelGenerator;
import io.animata.core.level.gen.MarkerPlacer;
import io.animata.core.level.markov.MarkovModel;
import io.animata.core.level.wfc.Edge;
import io.animata.core.level.wfc.OverlappingModel;
import io.animata.core.level.wfc.TiledModel;
import io.animata.core.level.wfc.WfcSettings;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The generators {@code animata levels --generator} offers, and how each is learned from the examples. Learned
 * generators (WFC, Markov) see the examples with their starts and goals taken out; the pipeline places those.
 *
 * <p>Threading: an immutable enum; {@link #create} runs on the caller's thread.
 */
public enum GeneratorChoice {
    /** Wave Function Collapse, overlapping model: N x N patterns of the examples, every side anchored. */
    WFC,
    /** Wave Function Collapse, simple tiled model: the examples' neighbour pairs as adjacency rules. */
    TILED,
    /** A Markov chain over the examples' tiles and their neighbours. */
    MARKOV,
    /** BSP rooms and corridors (top-down), decorated as densely as the examples. */
    BSP,
    /** Cellular-automata caves (top-down), decorated as densely as the examples. */
    CAVE,
    /** The drunkard's walk (top-down), digging out as much as the examples have open. */
    WALK;

    /**
     * What a generator is made from. Threading: immutable (the lists are not copied; do not change them).
     *
     * @param legend what the tiles mean
     * @param examples the examples, markers and all
     * @param width level width
     * @param height level height
     * @param patternSize WFC's N
     * @param symmetry WFC's symmetry (1 to 8)
     * @param frequencyExponent WFC's pattern weight exponent
     * @param constraints fixed tiles and border for WFC and Markov
     */
    public record Inputs(Legend legend, List<TileGrid> examples, int width, int height, int patternSize,
            int symmetry, double frequencyExponent, LevelConstraints constraints) {
    }

    /** @return the name on the command line */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param in the examples and settings
     * @return a thread-safe generator
     * @throws io.animata.runtime.AnimataException when the generator cannot work with these inputs (a side-view
     *     legend for a top-down generator, a level smaller than a pattern)
     */
    public LevelGenerator create(Inputs in) {
        Legend legend = in.legend();
        List<TileGrid> stripped = in.examples().stream().map(g -> MarkerPlacer.strip(g, legend)).toList();
        WfcSettings wfc = WfcSettings.builder().setSize(in.width(), in.height())
                .optAnchoredEdges(EnumSet.allOf(Edge.class)).optConstraints(in.constraints()).build();
        return switch (this) {
            case WFC -> LevelGenerator.wfc(OverlappingModel.builder().addExamples(stripped)
                    .setPatternSize(in.patternSize()).optSymmetry(in.symmetry())
                    .optFrequencyExponent(in.frequencyExponent()).build(), wfc);
            case TILED -> LevelGenerator.wfc(TiledModel.learn(stripped), wfc);
            case MARKOV -> MarkovModel.learn(stripped, legend).generator(in.width(), in.height(), in.constraints());
            case BSP -> new BspDungeonGenerator(legend, in.width(), in.height(), 6, items(in));
            case CAVE -> new CaveGenerator(legend, in.width(), in.height(), items(in));
            case WALK -> new DrunkardWalkGenerator(legend, in.width(), in.height(), items(in),
                    Math.min(0.8, Math.max(0.1, openShare(stripped, legend))));
        };
    }

    private static ItemPlacer items(Inputs in) {
        return ItemPlacer.learn(in.examples(), in.legend());
    }

    /** @return the examples' share of passable tiles */
    private static double openShare(List<TileGrid> examples, Legend legend) {
        long open = 0;
        long all = 0;
        for (TileGrid g : examples) {
            for (int i = 0; i < g.size(); i++) {
                open += legend.isPassable(g.at(i)) ? 1 : 0;
            }
            all += g.size();
        }
        return all == 0 ? 0.4 : (double) open / all;
    }
}
