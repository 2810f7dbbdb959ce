package io.animata.core.level.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.TopDownPathCheck;
import io.animata.core.level.testing.Examples;
import io.animata.runtime.AnimataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassicGeneratorsTest {
    private static final Legend LEGEND = Examples.legend("dungeon");
    private static final ItemPlacer ITEMS = ItemPlacer.learn(Examples.levels("dungeon").stream()
            .map(ExampleLevel::grid).toList(), LEGEND);

    private static List<LevelGenerator> generators(SplittableRandom rng) {
        int w = 12 + rng.nextInt(30);
        int h = 12 + rng.nextInt(20);
        return List.of(new BspDungeonGenerator(LEGEND, w, h, 5 + rng.nextInt(3), ITEMS),
                new CaveGenerator(LEGEND, w, h, ITEMS),
                new DrunkardWalkGenerator(LEGEND, w, h, ITEMS, 0.2 + 0.4 * rng.nextDouble()));
    }

    /** Every floor tile reaches every other in four directions (decorations other than hazards count as floor). */
    private static void assertConnected(TileGrid g) {
        int first = g.indexOf('.');
        int[] dist = new TopDownPathCheck(LEGEND).distances(g, first);
        for (int i = 0; i < g.size(); i++) {
            char c = g.at(i);
            if (LEGEND.isPassable(c) && !LEGEND.isHazard(c)) {
                assertTrue(dist[i] >= 0, "(" + i % g.width() + ", " + i / g.width() + ")\n" + g.toText());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void levelsAreWalledConnectedAndReproducible(long seed) {
        for (LevelGenerator gen : generators(new SplittableRandom(seed))) {
            Optional<TileGrid> level = gen.generate(seed);
            if (level.isEmpty()) {
                continue; // a cave with too little room: the pipeline tries the next seed
            }
            TileGrid g = level.get();
            for (int x = 0; x < g.width(); x++) {
                assertEquals('#', g.get(x, 0));
                assertEquals('#', g.get(x, g.height() - 1));
            }
            for (int y = 0; y < g.height(); y++) {
                assertEquals('#', g.get(0, y));
                assertEquals('#', g.get(g.width() - 1, y));
            }
            assertConnected(g);
            assertEquals(level, gen.generate(seed), gen.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void itemDensitiesFollowTheExamples(long seed) {
        ItemPlacer lots = new ItemPlacer(LEGEND, Map.of('$', 0.05, '^', 0.02));
        TileGrid g = new BspDungeonGenerator(LEGEND, 40, 30, 6, lots).generate(seed).orElseThrow();
        long passable = 0;
        for (int i = 0; i < g.size(); i++) {
            passable += LEGEND.isPassable(g.at(i)) ? 1 : 0;
        }
        assertTrue(g.count('$') <= Math.round(0.05 * passable * 1.5) + 1);
        assertTrue(g.count('$') >= 1);
        // decorations sit in the open: their neighbours are floor, so they never cut a way
        for (int i = 0; i < g.size(); i++) {
            if (g.at(i) == '$' || g.at(i) == '^') {
                assertEquals('.', g.at(i - 1));
                assertEquals('.', g.at(i + 1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bsp", "cave", "walk"})
    void sideViewLegendsAreRefused(String kind) {
        Legend side = Examples.legend("platformer");
        AnimataException e = assertThrows(AnimataException.class, () -> {
            switch (kind) {
                case "bsp" -> new BspDungeonGenerator(side, 20, 20, 6, ItemPlacer.none(side));
                case "cave" -> new CaveGenerator(side, 20, 20, ItemPlacer.none(side));
                default -> new DrunkardWalkGenerator(side, 20, 20, ItemPlacer.none(side), 0.4);
            }
        });
        assertTrue(e.getMessage().contains("side view"), e.getMessage());
    }
}
