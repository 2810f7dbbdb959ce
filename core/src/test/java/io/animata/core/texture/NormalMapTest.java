package io.animata.core.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalMapTest {

    @Test
    void flatGroundPointsStraightOut() {
        PixelBuffer map = NormalMap.fromHeight(new float[16], 4, 4, 0.05f, true, RowExecutor.callerThread());
        for (int p : map.pixels()) {
            assertEquals(0x8080FFFF, p);
        }
    }

    @Test
    void aSlopeRisingToTheRightTiltsTheNormalLeft() {
        int w = 8;
        float[] h = new float[w * w];
        for (int i = 0; i < h.length; i++) {
            h[i] = (i % w) / (float) w;
        }
        PixelBuffer map = NormalMap.fromHeight(h, w, w, 0.5f, false, RowExecutor.callerThread());
        int inside = map.get(3, 3);
        assertTrue(PixelBuffer.red(inside) < 128, "x component negative: " + Integer.toHexString(inside));
        assertEquals(128, PixelBuffer.green(inside), 1);
        // slope 0.5 * 8 px wide * (1 / 8 per px) = 0.5: n = (-0.5, 0, 1) / |.|
        double nx = -0.5 / Math.sqrt(1.25);
        assertEquals((int) ((nx + 1) * 0.5 * 255 + 0.5), PixelBuffer.red(inside), 1);
    }

    @Test
    void aBumpSeenFromAboveHasGreenUpOnItsUpperSide() {
        // image rows run down: a bump in the middle rises towards the top of the image on its lower half
        int w = 9;
        float[] h = new float[w * w];
        h[4 * w + 4] = 1;
        PixelBuffer map = NormalMap.fromHeight(h, w, w, 0.1f, false, RowExecutor.callerThread());
        assertTrue(PixelBuffer.green(map.get(4, 3)) > 128, "above the bump the surface faces up (green > 128)");
        assertTrue(PixelBuffer.green(map.get(4, 5)) < 128, "below it faces down");
    }

    @Test
    void depthMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> NormalMap.fromHeight(new float[4], 2, 2, 0, true, RowExecutor.callerThread()));
    }
}
