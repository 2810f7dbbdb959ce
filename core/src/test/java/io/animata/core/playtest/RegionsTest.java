package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Flood fill and regions on grids whose answers are known by hand. */
class RegionsTest {

    @Test
    void reachableCellsAreTheStartsRoomAndSealedRoomsAreListed() {
        PlaytestLevel level = PlaytestTesting.level("rooms",
                "#######",
                "#S.#..#",
                "#..#..#",
                "#######");
        Regions regions = Regions.of(level);
        assertEquals(4, regions.reachableCount());
        assertTrue(regions.isReachable(1 * 7 + 1));
        assertFalse(regions.isReachable(1 * 7 + 4));
        assertEquals(1, regions.sealed().size());
        assertArrayEquals(new int[] {11, 12, 18, 19}, regions.sealed().get(0));
    }

    @Test
    void hazardsBlockTheFloodFillAndAreNotSealedRegions() {
        PlaytestLevel level = PlaytestTesting.level("spikes",
                "######",
                "#S^..#",
                "######");
        Regions regions = Regions.of(level);
        assertEquals(1, regions.reachableCount());
        // the two floor cells behind the spikes are walkable and sealed off; the spike itself is neither
        assertEquals(1, regions.sealed().size());
        assertArrayEquals(new int[] {9, 10}, regions.sealed().get(0));
    }

    @Test
    void diagonalGapsDoNotConnect() {
        PlaytestLevel level = PlaytestTesting.level("diagonal",
                "####",
                "#S##",
                "##.#",
                "####");
        Regions regions = Regions.of(level);
        assertEquals(1, regions.reachableCount());
        assertEquals(List.of(10), List.of(regions.sealed().get(0)[0]));
    }

    @Test
    void everyStartFloodsItsOwnRegion() {
        PlaytestLevel level = PlaytestTesting.level("two",
                "#######",
                "#S.#.S#",
                "#######");
        Regions regions = Regions.of(level);
        assertEquals(4, regions.reachableCount());
        assertTrue(regions.sealed().isEmpty());
    }

    @Test
    void componentsInFourAndEightDirectionsLargestFirst() {
        boolean[] mask = {
            true, false, false,
            false, true, true,
            false, false, false,
        };
        List<int[]> four = Regions.components(mask, 3, 3);
        assertEquals(2, four.size());
        assertArrayEquals(new int[] {4, 5}, four.get(0));
        assertArrayEquals(new int[] {0}, four.get(1));
        List<int[]> eight = Regions.components(mask, 3, 3, true);
        assertEquals(1, eight.size());
        assertArrayEquals(new int[] {0, 4, 5}, eight.get(0));
    }

    /** Components partition the mask: every set cell in exactly one, no two neighbours in different ones. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void componentsPartitionRandomMasks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int w = 13;
        int h = 9;
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextInt(100) < 45;
        }
        int[] owner = new int[mask.length];
        java.util.Arrays.fill(owner, -1);
        List<int[]> parts = Regions.components(mask, w, h);
        for (int p = 0; p < parts.size(); p++) {
            for (int c : parts.get(p)) {
                assertTrue(mask[c]);
                assertEquals(-1, owner[c], "cell in two components");
                owner[c] = p;
            }
        }
        for (int i = 0; i < mask.length; i++) {
            assertEquals(mask[i], owner[i] >= 0);
            if (mask[i] && i % w + 1 < w && mask[i + 1]) {
                assertEquals(owner[i], owner[i + 1]);
            }
            if (mask[i] && i + w < mask.length && mask[i + w]) {
                assertEquals(owner[i], owner[i + w]);
            }
        }
    }
}
