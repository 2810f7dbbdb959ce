package io.animata.core.texture.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.TextureMetrics;
import io.animata.core.texture.recipe.TextureRecipe;
import io.animata.runtime.AnimataException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageQuiltingTest {
    private static RowExecutor rows;

    @BeforeAll
    static void pool() {
        rows = RowExecutor.create(2);
    }

    @AfterAll
    static void close() {
        rows.close();
    }

    /** A window of a shipped recipe's render, so the example itself does not tile. */
    static PixelBuffer example(String recipe, int side, long seed) {
        PixelBuffer big = TextureRecipe.builtIn(recipe).render(side + 40, side + 40, seed).color();
        PixelBuffer ex = new PixelBuffer(side, side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                ex.set(x, y, big.get(x + 17, y + 29));
            }
        }
        return ex;
    }

    @ParameterizedTest
    @CsvSource({"stone, 1", "wood, 2", "grass, 3", "lava, 4"})
    void makesASeamlessTileThatLooksLikeTheExampleMoreThanColourNoiseDoes(String recipe, long seed) {
        PixelBuffer ex = example(recipe, 96, seed);
        PixelBuffer out = ImageQuilting.builder().setExample(ex).optPatchSize(28).optTolerance(0.2).optSeed(seed)
                .build().synthesize(144, 120, rows);

        assertEquals(144, out.width());
        assertEquals(120, out.height());
        double seam = TextureMetrics.seamError(out);
        assertTrue(seam <= 1.2, recipe + ": seam error " + seam);
        assertTrue(TextureMetrics.seamError(ex) > seam, "the example itself does not tile");
        double quilted = TextureMetrics.statisticsDistance(ex, out);
        double baseline = TextureMetrics.statisticsDistance(ex, TextureMetrics.colourNoise(ex, 144, 120, seed));
        assertTrue(quilted < 0.5 * baseline, recipe + ": distance " + quilted + " against colour noise " + baseline);
    }

    @Test
    void everyPixelComesFromTheExample() {
        PixelBuffer ex = example("water", 64, 5);
        PixelBuffer out = ImageQuilting.builder().setExample(ex).optPatchSize(20).optSeed(5).build()
                .synthesize(72, 72, rows);
        Set<Integer> colours = new HashSet<>();
        for (int p : ex.pixels()) {
            colours.add(p);
        }
        for (int p : out.pixels()) {
            assertTrue(colours.contains(p), Integer.toHexString(p));
        }
    }

    @Test
    void theSeedDecidesThePixelsNotTheThreads() {
        PixelBuffer ex = example("sand", 64, 1);
        ImageQuilting q = ImageQuilting.builder().setExample(ex).optPatchSize(16).optOverlap(4).optSeed(11).build();
        PixelBuffer alone = q.synthesize(80, 64, RowExecutor.callerThread());
        assertEquals(alone, q.synthesize(80, 64, rows));
        PixelBuffer other = ImageQuilting.builder().setExample(ex).optPatchSize(16).optOverlap(4).optSeed(12).build()
                .synthesize(80, 64, rows);
        assertNotEquals(alone, other);
    }

    @Test
    void reportsEachPatch() {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        ImageQuilting q = ImageQuilting.builder().setExample(example("stone", 48, 1)).optPatchSize(16).optOverlap(4)
                .build();
        q.synthesize(48, 48, rows, (done, total) -> {
            calls.incrementAndGet();
            last.set(done);
            assertEquals(16, total); // ceil(48 / 12) = 4 patches a side
        });
        assertEquals(16, calls.get());
        assertEquals(16, last.get());
        assertEquals(16, q.patchSize());
        assertEquals(4, q.overlap());
    }

    @Test
    void settingsThatCannotWorkAreExplained() {
        PixelBuffer ex = new PixelBuffer(30, 40);
        AnimataException big = assertThrows(AnimataException.class,
                () -> ImageQuilting.builder().setExample(ex).optPatchSize(32).build());
        assertEquals("image quilting: the patch (32 px) is larger than the example (30 x 40); give a patch of at most "
                + "30 px", big.getMessage());
        assertThrows(AnimataException.class,
                () -> ImageQuilting.builder().setExample(ex).optPatchSize(20).optOverlap(11).build());
        AnimataException small = assertThrows(AnimataException.class,
                () -> ImageQuilting.builder().setExample(ex).optPatchSize(20).optOverlap(4).build()
                        .synthesize(20, 100, rows));
        assertTrue(small.getMessage().contains("must be at least 32 px on each side"), small.getMessage());
        assertThrows(IllegalStateException.class, () -> ImageQuilting.builder().build());
    }
}
