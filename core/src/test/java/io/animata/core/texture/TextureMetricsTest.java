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
    void sizesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TextureMetrics.seamError(new float[10], 3, 3));
    }
}
