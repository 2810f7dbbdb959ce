package io.animata.core.level.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevelDistanceTest {
    @Test
    void countsTheShareOfDifferentTiles() {
        assertEquals(0.0, LevelDistance.hamming(TileGrid.of("ab", "cd"), TileGrid.of("ab", "cd")));
        assertEquals(0.25, LevelDistance.hamming(TileGrid.of("ab", "cd"), TileGrid.of("ab", "cx")));
        assertEquals(1.0, LevelDistance.hamming(TileGrid.of("ab"), TileGrid.of("ba")));
    }

    @Test
    void tilesOnlyOneLevelCoversDiffer() {
        // union 3x2 = 6 tiles: 3 in common and equal, 1 in common and different, 2 in one level only
        assertEquals(3.0 / 6, LevelDistance.hamming(TileGrid.of("abc", "def"), TileGrid.of("ab", "dx")), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void isAMetricBoundedByOne(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid a = TestLevels.random(rng, 1 + rng.nextInt(8), 1 + rng.nextInt(8), "ab");
        TileGrid b = TestLevels.random(rng, 1 + rng.nextInt(8), 1 + rng.nextInt(8), "ab");
        TileGrid c = TestLevels.random(rng, 1 + rng.nextInt(8), 1 + rng.nextInt(8), "ab");
        double ab = LevelDistance.hamming(a, b);
        assertEquals(ab, LevelDistance.hamming(b, a), 1e-12);
        assertTrue(ab >= 0 && ab <= 1);
        if (a.width() == b.width() && b.width() == c.width() && a.height() == b.height() && b.height() == c.height()) {
            assertTrue(LevelDistance.hamming(a, c) <= ab + LevelDistance.hamming(b, c) + 1e-12);
        }
    }

    @Test
    void diversityIsTheMeanPairwiseDistance() {
        TileGrid a = TileGrid.of("aaaa");
        TileGrid b = TileGrid.of("aabb");
        TileGrid c = TileGrid.of("bbbb");
        assertEquals((0.5 + 1.0 + 0.5) / 3, Diversity.meanPairwise(List.of(a, b, c)), 1e-12);
        assertEquals(0.0, Diversity.meanPairwise(List.of(a, a, a)));
        assertEquals(0.0, Diversity.meanPairwise(List.of(a)));
    }

    @Test
    void noveltyIsTheDistanceToTheNearestExample() {
        TileGrid a = TileGrid.of("aaaaaaaaaa");
        TileGrid b = TileGrid.of("bbbbbbbbbb");
        Novelty n = Novelty.of(List.of(a, TileGrid.of("aaaaabbbbb"), TileGrid.of("aaaaaaaaab")), List.of(a, b),
                Novelty.NEAR_COPY);
        assertEquals(0.0, n.nearest()[0]);
        assertEquals(0.5, n.nearest()[1]);
        assertEquals(0.1, n.nearest()[2], 1e-12);
        assertEquals(0.2, n.mean(), 1e-12);
        assertEquals(1.0 / 3, n.nearCopyShare(), 1e-12, "0.1 is not closer than 0.1");
    }
}
