package io.animata.core.level.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.testing.TestLevels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolidShapesTest {
    private final Legend legend = TestLevels.dungeonLegend();

    /** Even-odd rule: is (px, py) inside the loops? */
    static boolean inside(List<float[]> loops, float px, float py) {
        boolean in = false;
        for (float[] loop : loops) {
            int n = loop.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                float xi = loop[2 * i];
                float yi = loop[2 * i + 1];
                float xj = loop[2 * j];
                float yj = loop[2 * j + 1];
                if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                    in = !in;
                }
            }
        }
        return in;
    }

    static List<float[]> asFloats(List<int[]> loops) {
        return loops.stream().map(l -> {
            float[] f = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                f[i] = l[i];
            }
            return f;
        }).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void rectanglesCoverExactlyTheSolidTilesOnce(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid g = TestLevels.random(rng, 1 + rng.nextInt(30), 1 + rng.nextInt(20), "##..^");
        int[] cover = new int[g.size()];
        List<SolidShapes.Rect> rects = SolidShapes.rectangles(g, legend);
        for (SolidShapes.Rect r : rects) {
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    cover[y * g.width() + x]++;
                }
            }
        }
        for (int i = 0; i < g.size(); i++) {
            assertEquals(legend.isSolid(g.at(i)) ? 1 : 0, cover[i], "tile " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void outlinesEncloseExactlyTheSolidTiles(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TileGrid g = TestLevels.random(rng, 1 + rng.nextInt(30), 1 + rng.nextInt(20), "##..");
        List<float[]> loops = asFloats(SolidShapes.outlines(g, legend));
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                assertEquals(legend.isSolid(g.get(x, y)), inside(loops, x + 0.5f, y + 0.5f),
                        "(" + x + ", " + y + ")\n" + g.toText());
            }
        }
        for (int[] loop : SolidShapes.outlines(g, legend)) {
            assertTrue(loop.length >= 8, "a loop has at least 4 corners");
            for (int i = 0; i < loop.length / 2; i++) {
                int j = (i + 1) % (loop.length / 2);
                assertTrue(loop[2 * i] == loop[2 * j] || loop[2 * i + 1] == loop[2 * j + 1], "axis-aligned");
            }
        }
    }

    @Test
    void aSolidBlockIsOneRectangleAndOneLoopOfFourCorners() {
        TileGrid g = TileGrid.of("###", "###");
        assertEquals(List.of(new SolidShapes.Rect(0, 0, 3, 2)), SolidShapes.rectangles(g, legend));
        List<int[]> loops = SolidShapes.outlines(g, legend);
        assertEquals(1, loops.size());
        assertArrayEquals(new int[] {0, 0, 3, 0, 3, 2, 0, 2}, loops.get(0));
    }

    @Test
    void aRoomIsAnOuterLoopAndAHole() {
        List<int[]> loops = SolidShapes.outlines(TileGrid.of("####", "#..#", "####"), legend);
        assertEquals(2, loops.size());
    }

    @Test
    void tilesTouchingAtACornerGetLoopsOfTheirOwn() {
        List<int[]> loops = SolidShapes.outlines(TileGrid.of("#.", ".#"), legend);
        assertEquals(2, loops.size());
        for (int[] loop : loops) {
            assertEquals(8, loop.length);
        }
    }

    @Test
    void theShippedLevelsMergeIntoFewShapes() {
        for (String set : List.of("dungeon", "platformer")) {
            Legend l = Examples.legend(set);
            for (ExampleLevel e : Examples.levels(set)) {
                int solid = 0;
                for (int i = 0; i < e.grid().size(); i++) {
                    solid += l.isSolid(e.grid().at(i)) ? 1 : 0;
                }
                int rects = SolidShapes.rectangles(e.grid(), l).size();
                assertTrue(rects * 3 < solid, e.name() + ": " + rects + " rectangles for " + solid + " tiles");
            }
        }
    }
}
