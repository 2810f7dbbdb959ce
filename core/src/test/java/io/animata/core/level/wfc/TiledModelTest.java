package io.animata.core.level.wfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.Examples;
import io.animata.runtime.AnimataException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TiledModelTest {
    private static void assertRespectsRules(TiledModel model, TileGrid out) {
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                if (x + 1 < out.width()) {
                    assertTrue(model.allowsHorizontal(out.get(x, y), out.get(x + 1, y)),
                            "(" + x + ", " + y + ") right\n" + out.toText());
                }
                if (y + 1 < out.height()) {
                    assertTrue(model.allowsVertical(out.get(x, y), out.get(x, y + 1)),
                            "(" + x + ", " + y + ") below\n" + out.toText());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void learnedRulesAreRespected(long seed) {
        List<TileGrid> examples = Examples.levels(seed % 2 == 0 ? "dungeon" : "platformer").stream()
                .map(ExampleLevel::grid).toList();
        TiledModel model = TiledModel.learn(examples);
        TileGrid out = model.generate(WfcSettings.builder().setSize(30, 14).build(), seed).orThrow();
        assertRespectsRules(model, out);
        assertEquals(out, model.generate(WfcSettings.builder().setSize(30, 14).build(), seed).orThrow());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomRulesEitherSolveWithinTheRulesOrReportWhyNot(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 2 + rng.nextInt(4);
        TiledModel.Builder b = TiledModel.builder();
        for (int t = 0; t < k; t++) {
            b.addTile((char) ('a' + t), 1 + rng.nextInt(5));
        }
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                if (rng.nextInt(3) == 0) {
                    b.allowHorizontal((char) ('a' + a), (char) ('a' + c));
                }
                if (rng.nextInt(3) == 0) {
                    b.allowVertical((char) ('a' + a), (char) ('a' + c));
                }
            }
        }
        TiledModel model = b.build();
        WfcSettings s = WfcSettings.builder().setSize(3 + rng.nextInt(12), 3 + rng.nextInt(12))
                .optMaxBacktracks(50).optMaxAttempts(3).build();
        WfcResult r = model.generate(s, seed);
        if (r.solved()) {
            assertRespectsRules(model, r.orThrow());
        } else {
            assertFalse(r.failure().orElseThrow().isEmpty());
            assertTrue(r.attempts() <= 3);
        }
    }

    @Test
    void aContradictionFoundLateIsBacktrackedOrReported() {
        // a checkerboard cannot wrap around an odd width
        TiledModel model = TiledModel.builder().addTile('a', 1).addTile('b', 1)
                .allowHorizontal('a', 'b').allowHorizontal('b', 'a')
                .allowVertical('a', 'a').allowVertical('b', 'b').build();
        WfcResult odd = model.generate(WfcSettings.builder().setSize(5, 4).optPeriodic(true).build(), 3);
        assertFalse(odd.solved());
        TileGrid even = model.generate(WfcSettings.builder().setSize(6, 4).optPeriodic(true).build(), 3).orThrow();
        assertRespectsRules(model, even);
    }

    @Test
    void fixedTilesHold() {
        TiledModel model = TiledModel.learn(Examples.levels("dungeon").stream().map(ExampleLevel::grid).toList());
        LevelConstraints c = LevelConstraints.builder().optBorder('#').optFixed(4, 4, '$').build();
        TileGrid out = model.generate(WfcSettings.builder().setSize(12, 10).optConstraints(c).build(), 5).orThrow();
        assertEquals('$', out.get(4, 4));
        assertEquals(out.width() * 2 + out.height() * 2 - 4, countBorder(out, '#'));
        assertRespectsRules(model, out);
    }

    private static int countBorder(TileGrid g, char c) {
        int n = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                boolean edge = x == 0 || y == 0 || x == g.width() - 1 || y == g.height() - 1;
                if (edge && g.get(x, y) == c) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void rulesNamingUnknownTilesAreErrors() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> TiledModel.builder().addTile('a', 1).allowHorizontal('a', 'z').build());
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertThrows(AnimataException.class, () -> TiledModel.builder().addTile('a', 0));
        assertThrows(AnimataException.class, () -> TiledModel.learn(List.of()));
    }
}
