package io.animata.core.level.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.gen.MarkerPlacer;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkovModelTest {
    private static List<TileGrid> stripped(String set) {
        Legend legend = Examples.legend(set);
        return Examples.levels(set).stream().map(ExampleLevel::grid).map(g -> MarkerPlacer.strip(g, legend)).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void levelsUseOnlyTheExamplesTilesAndReproduce(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String set = seed % 2 == 0 ? "dungeon" : "platformer";
        List<TileGrid> examples = stripped(set);
        MarkovModel chain = MarkovModel.learn(examples, Examples.legend(set));
        Set<Character> seen = new HashSet<>();
        examples.forEach(g -> g.toText().chars().filter(c -> c != '\n').forEach(c -> seen.add((char) c)));
        int w = 10 + rng.nextInt(50);
        int h = 6 + rng.nextInt(20);
        TileGrid g = chain.generate(w, h, LevelConstraints.NONE, seed);
        assertEquals(w, g.width());
        assertEquals(h, g.height());
        for (int i = 0; i < g.size(); i++) {
            assertTrue(seen.contains(g.at(i)));
        }
        assertEquals(g, chain.generate(w, h, LevelConstraints.NONE, seed));
        assertNotEquals(g, chain.generate(w, h, LevelConstraints.NONE, seed + 1));
    }

    @Test
    void aChainLearnedFromOneLevelOfOneContextRepeatsIt() {
        // every context has one continuation, so the level is the example again
        TileGrid stripes = TileGrid.of("ab", "ab", "ab");
        MarkovModel chain = MarkovModel.learn(List.of(stripes), TestLevels.dungeonLegend());
        assertEquals(stripes, chain.generate(2, 3, LevelConstraints.NONE, 11));
    }

    @Test
    void sideViewGroundStaysAtTheBottom() {
        MarkovModel chain = MarkovModel.learn(stripped("platformer"), Examples.legend("platformer"));
        for (long seed = 0; seed < 10; seed++) {
            TileGrid g = chain.generate(48, 12, LevelConstraints.NONE, seed);
            assertTrue(g.row(0).chars().allMatch(c -> c == '-'), g.toText());
            assertTrue(g.row(11).chars().filter(c -> c == 'X').count() > 24, g.toText());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void fixedTilesAndBordersAreSet(long seed) {
        MarkovModel chain = MarkovModel.learn(stripped("dungeon"), Examples.legend("dungeon"));
        LevelConstraints c = LevelConstraints.builder().optBorder('#').optFixed(5, 5, '$').build();
        TileGrid g = chain.generate(20, 14, c, seed);
        assertEquals(java.util.Optional.empty(), c.violation(g, Examples.legend("dungeon")));
    }

    @Test
    void noExamplesIsAnError() {
        assertThrows(AnimataException.class, () -> MarkovModel.learn(List.of(), TestLevels.dungeonLegend()));
        MarkovModel chain = MarkovModel.learn(List.of(TileGrid.of("ab")), TestLevels.dungeonLegend());
        assertThrows(AnimataException.class, () -> chain.generate(0, 3, LevelConstraints.NONE, 1));
    }
}
