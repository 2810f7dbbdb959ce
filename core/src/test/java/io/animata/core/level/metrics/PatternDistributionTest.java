package io.animata.core.level.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternDistributionTest {
    @Test
    void countsEveryWindow() {
        PatternDistribution d = PatternDistribution.of(List.of(TileGrid.of("aab", "aab")), 2);
        assertEquals(2, d.total());
        assertEquals(2, d.distinct());
        assertEquals(0.5, d.probability("aaaa"));
        assertEquals(0.5, d.probability("abab"));
    }

    @Test
    void klMatchesTheFormula() {
        PatternDistribution p = PatternDistribution.of(List.of(TileGrid.of("aaab")), 1); // a 3/4, b 1/4
        PatternDistribution q = PatternDistribution.of(List.of(TileGrid.of("aabb")), 1); // a 1/2, b 1/2
        double expected = 0.75 * Math.log(0.75 / 0.5) + 0.25 * Math.log(0.25 / 0.5);
        assertEquals(expected, p.klDivergence(q), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void klIsZeroForTheSameLevelsAndPositiveOtherwise(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TileGrid> a = List.of(TestLevels.random(rng, 12, 8, "ab-"), TestLevels.random(rng, 12, 8, "ab-"));
        List<TileGrid> b = List.of(TestLevels.random(rng, 12, 8, "aab"));
        for (int k = 2; k <= 4; k++) {
            assertEquals(0.0, PatternDistribution.of(a, k).klDivergence(PatternDistribution.of(a, k)), 1e-12);
            assertTrue(PatternDistribution.of(b, k).klDivergence(PatternDistribution.of(a, k)) > 0);
        }
    }

    @Test
    void mismatchedOrEmptyDistributionsAreErrors() {
        PatternDistribution two = PatternDistribution.of(List.of(TileGrid.of("ab", "ab")), 2);
        assertThrows(AnimataException.class,
                () -> two.klDivergence(PatternDistribution.of(List.of(TileGrid.of("ab")), 1)));
        assertThrows(AnimataException.class,
                () -> two.klDivergence(PatternDistribution.of(List.of(TileGrid.of("a")), 2)));
    }
}
