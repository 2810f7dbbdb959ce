package io.animata.core.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextureMetricsTest {

    @Test
    void aConstantImageHasInvisibleSeams() {
        assertEquals(1.0, TextureMetrics.seamError(new float[12], 4, 3));
        assertEquals(1.0, TextureMetrics.seamError(new PixelBuffer(5, 5)));
    }

    @Test
    void aRampHasItsWholeRiseAtTheSeam() {
        // 0, 1, 2, 3, 4 per row: steps of 1 beside the edges, the wrap steps 4; nothing changes down (ratio 1)
        float[] ramp = new float[5 * 4];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i % 5;
        }
        assertEquals((4.0 + 1.0) / 2, TextureMetrics.seamError(ramp, 5, 4), 1e-12);
        assertEquals(4.0, TextureMetrics.seamError(new float[] {0, 1, 2, 3, 4}, 5, 1), 1e-12);
    }

    @Test
    void anEdgeOnlyAtTheSeamIsInfinite() {
        // flat beside both edges, one step in the middle: the wrap's step of 1 has nothing to hide in
        assertEquals(Double.POSITIVE_INFINITY, TextureMetrics.seamError(new float[] {0, 0, 0, 1, 1, 1}, 6, 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void whiteNoiseScoresAboutOne(long seed) {
        Random random = new Random(seed);
        PixelBuffer image = new PixelBuffer(128, 96);
        float[] grey = new float[128 * 96];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = random.nextFloat();
            image.pixels()[i] = PixelBuffer.rgba(random.nextFloat(), random.nextFloat(), random.nextFloat(), 1);
        }
        assertEquals(1.0, TextureMetrics.seamError(grey, 128, 96), 0.1);
        assertEquals(1.0, TextureMetrics.seamError(image), 0.1);
    }

    @Test
    void theGreyAndColourFormsAgree() {
        Random random = new Random(9);
        PixelBuffer image = new PixelBuffer(20, 10);
        float[] grey = new float[200];
        for (int i = 0; i < 200; i++) {
            int level = random.nextInt(256);
            grey[i] = level;
            image.pixels()[i] = level << 24 | level << 16 | level << 8 | 0xFF;
        }
        assertEquals(TextureMetrics.seamError(grey, 20, 10), TextureMetrics.seamError(image), 1e-9);
    }

    @Test
    void statisticsDistanceIsZeroForTheSameStatisticsAndSymmetric() {
        Random random = new Random(4);
        PixelBuffer a = new PixelBuffer(40, 30);
        for (int i = 0; i < a.pixels().length; i++) {
            a.pixels()[i] = PixelBuffer.rgba(random.nextFloat(), random.nextFloat() * 0.5f, 0.2f, 1);
        }
        assertEquals(0.0, TextureMetrics.statisticsDistance(a, a.copy()), 1e-12);
        PixelBuffer flat = new PixelBuffer(40, 30);
        java.util.Arrays.fill(flat.pixels(), 0x336699FF);
        double d = TextureMetrics.statisticsDistance(a, flat);
        assertEquals(d, TextureMetrics.statisticsDistance(flat, a), 1e-12);
        assertTrue(d > 0.3 && d <= 1, "noise against a flat colour: " + d);
    }

    @Test
    void colourNoiseKeepsTheColoursAndLosesTheStructure() {
        // a smooth horizontal ramp: shuffled, its colours stay and its gentle gradients become steep ones
        PixelBuffer ramp = new PixelBuffer(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                ramp.set(x, y, PixelBuffer.rgba(x / 63f, 0.5f, 1 - x / 63f, 1));
            }
        }
        PixelBuffer noise = TextureMetrics.colourNoise(ramp, 64, 64, 1);
        assertEquals(noise, TextureMetrics.colourNoise(ramp, 64, 64, 1));
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int p : ramp.pixels()) {
            colours.add(p);
        }
        for (int p : noise.pixels()) {
            assertTrue(colours.contains(p));
        }
        PixelBuffer shifted = new PixelBuffer(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                shifted.set(x, y, ramp.get((x + 20) % 64, y));
            }
        }
        assertTrue(TextureMetrics.statisticsDistance(ramp, shifted) < TextureMetrics.statisticsDistance(ramp, noise));
    }

    @Test
    void sizesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TextureMetrics.seamError(new float[10], 3, 3));
    }
}
