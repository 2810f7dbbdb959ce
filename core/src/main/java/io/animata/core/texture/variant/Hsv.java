package io.animata.core.texture.variant;

/** Conversions between {@code 0xRRGGBBAA} and hue (degrees, [0, 360)), saturation and value ([0, 1]). */
final class Hsv {
    private Hsv() {
    }

    /** Writes hue, saturation and value of {@code rgba} into {@code out[0..2]}. */
    static void fromRgba(int rgba, float[] out) {
        float r = (rgba >>> 24) / 255f;
        float g = ((rgba >>> 16) & 0xFF) / 255f;
        float b = ((rgba >>> 8) & 0xFF) / 255f;
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float d = max - min;
        float h;
        if (d == 0) {
            h = 0;
        } else if (max == r) {
            h = 60 * (((g - b) / d) % 6);
        } else if (max == g) {
            h = 60 * ((b - r) / d + 2);
        } else {
            h = 60 * ((r - g) / d + 4);
        }
        if (h < 0) {
            h += 360;
        }
        out[0] = h;
        out[1] = max == 0 ? 0 : d / max;
        out[2] = max;
    }

    /** @return {@code 0xRRGGBBAA} of hue (any angle, wrapped), saturation and value (clamped to [0, 1]), alpha */
    static int toRgba(float h, float s, float v, int alpha) {
        h = ((h % 360) + 360) % 360;
        s = Math.max(0, Math.min(1, s));
        v = Math.max(0, Math.min(1, v));
        float c = v * s;
        float x = c * (1 - Math.abs((h / 60) % 2 - 1));
        float m = v - c;
        float r;
        float g;
        float b;
        switch ((int) (h / 60)) {
            case 0: r = c; g = x; b = 0; break;
            case 1: r = x; g = c; b = 0; break;
            case 2: r = 0; g = c; b = x; break;
            case 3: r = 0; g = x; b = c; break;
            case 4: r = x; g = 0; b = c; break;
            default: r = c; g = 0; b = x; break;
        }
        return channel(r + m) << 24 | channel(g + m) << 16 | channel(b + m) << 8 | (alpha & 0xFF);
    }

    private static int channel(float v) {
        return v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255f + 0.5f);
    }

    /** @return the signed difference {@code a - b} of two hues, in (-180, 180] */
    static float hueDelta(float a, float b) {
        float d = (a - b) % 360;
        if (d > 180) {
            d -= 360;
        } else if (d <= -180) {
            d += 360;
        }
        return d;
    }
}
