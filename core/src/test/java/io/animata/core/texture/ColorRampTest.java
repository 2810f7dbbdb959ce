package io.animata.core.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorRampTest {

    @Test
    void blendsBetweenStopsAndHoldsBeyondThem() {
        ColorRamp ramp = ColorRamp.builder().add(0.75f, 0xFFFFFFFF).add(0.25f, 0x000000FF).build();
        assertArrayEquals(new float[] {0.25f, 0.75f}, ramp.positions());
        assertEquals(0x000000FF, ramp.rgba(0f));
        assertEquals(0x000000FF, ramp.rgba(0.2f));
        assertEquals(0x808080FF, ramp.rgba(0.5f));
        assertEquals(0xFFFFFFFF, ramp.rgba(0.9f));
        assertEquals(0xFFFFFFFF, ramp.rgba(7f));
        assertEquals(0x000000FF, ramp.rgba(-3f));
        assertEquals(0x000000FF, ramp.rgba(Float.NaN));
    }

    @Test
    void sampleWritesFloatsWithAlpha() {
        ColorRamp ramp = ColorRamp.builder().add(0f, 0xFF000000).add(1f, 0x0000FFFF).build();
        float[] out = new float[6];
        ramp.sample(0.5f, out, 2);
        assertArrayEquals(new float[] {0, 0, 0.5f, 0, 0.5f, 0.5f}, out, 2e-3f);
    }

    @Test
    void stepHoldsEachStopAndSmoothEases() {
        ColorRamp step = ColorRamp.builder().add(0f, 0x000000FF).add(0.5f, 0xFFFFFFFF)
                .optInterpolation(ColorRamp.Interpolation.STEP).build();
        assertEquals(0x000000FF, step.rgba(0.45f));
        assertEquals(0xFFFFFFFF, step.rgba(0.55f));
        ColorRamp smooth = ColorRamp.builder().add(0f, 0x000000FF).add(1f, 0xFFFFFFFF)
                .optInterpolation(ColorRamp.Interpolation.SMOOTH).build();
        assertEquals(0x808080FF, smooth.rgba(0.5f));
        assertEquals(0x070707FF, smooth.rgba(0.1f)); // 0.028 * 255 = 7, where linear would give 26
    }

    @Test
    void aSingleStopIsOneColour() {
        ColorRamp one = ColorRamp.builder().add(0.3f, 0x12345678).build();
        assertEquals(0x12345678, one.rgba(0f));
        assertEquals(0x12345678, one.rgba(1f));
    }

    @Test
    void mistakesAreRefused() {
        assertThrows(IllegalStateException.class, () -> ColorRamp.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ColorRamp.builder().add(1.5f, 0));
        assertThrows(IllegalArgumentException.class, () -> ColorRamp.builder().add(Float.NaN, 0));
    }
}
