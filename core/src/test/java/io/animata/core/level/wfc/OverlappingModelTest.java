package io.animata.core.level.wfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.Examples;
import io.animata.runtime.AnimataException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlappingModelTest {
    private static final List<TileGrid> DUNGEONS = Examples.levels("dungeon").stream().map(ExampleLevel::grid).toList();
    private static final List<TileGrid> PLATFORMS =
            Examples.levels("platformer").stream().map(ExampleLevel::grid).toList();

    /** Every n x n window of a grid (wrapping when periodic). */
    private static Set<TileGrid> windows(TileGrid g, int n, boolean periodic) {
        Set<TileGrid> out = new HashSet<>();
        int maxX = periodic ? g.width() : g.width() - n + 1;
        int maxY = periodic ? g.height() : g.height() - n + 1;
        char[] cells = new char[n * n];
        for (int y = 0; y < maxY; y++) {
            for (int x = 0; x < maxX; x++) {
                for (int dy = 0; dy < n; dy++) {
                    for (int dx = 0; dx < n; dx++) {
                        cells[dy * n + dx] = g.get((x + dx) % g.width(), (y + dy) % g.height());
                    }
                }
                out.add(TileGrid.of(n, n, cells));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyWindowOfTheOutputOccursInTheInput(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TileGrid> examples = seed % 2 == 0 ? DUNGEONS : PLATFORMS;
        int n = 2 + rng.nextInt(2);
        OverlappingModel model = OverlappingModel.builder().addExamples(examples).setPatternSize(n).build();
        Set<TileGrid> input = new HashSet<>();
        for (TileGrid e : examples) {
            input.addAll(windows(e, n, false));
        }
        assertEquals(input, new HashSet<>(model.patterns()), "the model's patterns are the input's windows");
        int w = 10 + rng.nextInt(30);
        int h = 8 + rng.nextInt(10);
        WfcResult r = model.generate(WfcSettings.builder().setSize(w, h).build(), rng.nextLong());
        assertTrue(r.solved(), r.failure().orElse(""));
        TileGrid out = r.orThrow();
        assertEquals(w, out.width());
        assertEquals(h, out.height());
        for (TileGrid window : windows(out, n, false)) {
            assertTrue(input.contains(window), "window not in the input:\n" + window.toText());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void withSymmetryEveryWindowIsAVariantOfAnInputWindow(long seed) {
        OverlappingModel model = OverlappingModel.builder().addExamples(DUNGEONS.subList(0, 3)).setPatternSize(3)
                .optSymmetry(8).build();
        Set<TileGrid> patterns = new HashSet<>(model.patterns());
        TileGrid out = model.generate(WfcSettings.builder().setSize(20, 14).build(), seed).orThrow();
        assertTrue(patterns.containsAll(windows(out, 3, false)));
        // eight variants of each input window: a rotated window is a pattern too
        TileGrid w = windows(DUNGEONS.get(0), 3, false).iterator().next();
        assertTrue(patterns.contains(w));
    }

    @ParameterizedTest
    @ValueSource(longs = {10, 11, 12})
    void periodicInputAndOutputWrap(long seed) {
        TileGrid sample = TileGrid.of(
                "..##....",
                "..##....",
                "........",
                "##..##..",
                "##..##..",
                "........");
        OverlappingModel model = OverlappingModel.builder().addExample(sample).setPatternSize(2)
                .optPeriodicInput(true).build();
        Set<TileGrid> input = windows(sample, 2, true);
        TileGrid out = model.generate(WfcSettings.builder().setSize(16, 12).optPeriodic(true).build(), seed)
                .orThrow();
        assertTrue(input.containsAll(windows(out, 2, true)), out.toText());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void theSameSeedGivesTheSameLevel(long seed) {
        OverlappingModel model = OverlappingModel.builder().addExamples(PLATFORMS).setPatternSize(3).build();
        WfcSettings s = WfcSettings.builder().setSize(48, 12).optGround().build();
        TileGrid a = model.generate(s, seed).orThrow();
        TileGrid b = model.generate(s, seed).orThrow();
        assertEquals(a, b);
        assertNotEquals(a, model.generate(s, seed + 1000).orThrow());
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void anchoredSidesShowOnlyPatternsTheExamplesShowThere(long seed) {
        OverlappingModel model = OverlappingModel.builder().addExamples(PLATFORMS).setPatternSize(3).build();
        Set<TileGrid> bottoms = new HashSet<>();
        for (TileGrid e : PLATFORMS) {
            for (int x = 0; x + 3 <= e.width(); x++) {
                char[] c = new char[9];
                for (int i = 0; i < 9; i++) {
                    c[i] = e.get(x + i % 3, e.height() - 3 + i / 3);
                }
                bottoms.add(TileGrid.of(3, 3, c));
            }
        }
        TileGrid out = model.generate(WfcSettings.builder().setSize(40, 12).optGround().build(), seed).orThrow();
        TileGrid bottomRows = TileGrid.of(out.row(9), out.row(10), out.row(11));
        assertTrue(bottoms.containsAll(windows(bottomRows, 3, false)), out.toText());
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45})
    void fixedTilesAndTheBorderHold(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        OverlappingModel model = OverlappingModel.builder().addExamples(DUNGEONS).setPatternSize(3).build();
        int w = 16 + rng.nextInt(12);
        int h = 12 + rng.nextInt(6);
        int fx = 1 + rng.nextInt(w - 2);
        int fy = 1 + rng.nextInt(h - 2);
        LevelConstraints c = LevelConstraints.builder().optBorder('#').optFixed(fx, fy, '.').build();
        TileGrid out = model.generate(WfcSettings.builder().setSize(w, h).optConstraints(c).build(), seed).orThrow();
        assertEquals('.', out.get(fx, fy));
        for (int x = 0; x < w; x++) {
            assertEquals('#', out.get(x, 0));
            assertEquals('#', out.get(x, h - 1));
        }
        for (int y = 0; y < h; y++) {
            assertEquals('#', out.get(0, y));
            assertEquals('#', out.get(w - 1, y));
        }
    }

    @Test
    void impossibleConstraintsAreReportedNotThrown() {
        OverlappingModel model = OverlappingModel.builder().addExample(TileGrid.of("#.#.", "#.#.", "#.#.", "#.#."))
                .setPatternSize(2).build();
        // columns alternate, so two walls side by side can never be
        LevelConstraints c = LevelConstraints.builder().optFixed(2, 2, '#').optFixed(3, 2, '#').build();
        WfcResult r = model.generate(WfcSettings.builder().setSize(6, 6).optConstraints(c).build(), 1);
        assertFalse(r.solved());
        assertTrue(r.failure().orElseThrow().contains("constraints"), r.failure().orElseThrow());
        AnimataException e = assertThrows(AnimataException.class, r::orThrow);
        assertEquals(r.failure().orElseThrow(), e.getMessage());
    }

    @Test
    void aFixedTileTheExamplesNeverShowIsAnError() {
        OverlappingModel model = OverlappingModel.builder().addExamples(DUNGEONS).setPatternSize(3).build();
        LevelConstraints c = LevelConstraints.builder().optFixed(1, 1, 'Q').build();
        AnimataException e = assertThrows(AnimataException.class,
                () -> model.generate(WfcSettings.builder().setSize(10, 10).optConstraints(c).build(), 1));
        assertTrue(e.getMessage().contains("'Q' at (1, 1) never occurs in the examples"), e.getMessage());
    }

    @Test
    void weightsAreCountsRaisedToTheFrequencyExponent() {
        TileGrid sample = TileGrid.of("aaab");
        OverlappingModel classic = OverlappingModel.builder().addExample(sample).setPatternSize(1).build();
        assertEquals(3.0, classic.weight(0));
        assertEquals(1.0, classic.weight(1));
        OverlappingModel flat = OverlappingModel.builder().addExample(sample).setPatternSize(1)
                .optFrequencyExponent(0.5).build();
        assertEquals(Math.sqrt(3), flat.weight(0), 1e-12);
        assertThrows(AnimataException.class, () -> OverlappingModel.builder().addExample(sample).setPatternSize(1)
                .optFrequencyExponent(-1).build());
    }

    @Test
    void invalidSettingsAreExplained() {
        assertThrows(AnimataException.class, () -> OverlappingModel.builder().setPatternSize(3).build());
        assertThrows(AnimataException.class, () -> OverlappingModel.builder().addExample(TileGrid.of("ab"))
                .setPatternSize(3).build());
        OverlappingModel model = OverlappingModel.builder().addExamples(DUNGEONS).setPatternSize(3).build();
        assertThrows(AnimataException.class, () -> model.generate(WfcSettings.builder().setSize(2, 9).build(), 1));
        OverlappingModel periodic = OverlappingModel.builder().addExamples(DUNGEONS).setPatternSize(3)
                .optPeriodicInput(true).build();
        AnimataException e = assertThrows(AnimataException.class,
                () -> periodic.generate(WfcSettings.builder().setSize(9, 9).optGround().build(), 1));
        assertTrue(e.getMessage().contains("bottom side is anchored"), e.getMessage());
    }
}
