package io.animata.core.texture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps a value in [0, 1] to a colour through stops (position, colour), the gradient editors of image tools: below the
 * first stop the first colour, above the last the last, in between an interpolation of the two stops around it.
 * Colours are interpolated per channel on their stored (sRGB) values.
 *
 * <p>Lookups go through a table of {@value #TABLE_SIZE} entries made once, so a lookup is a multiply and an index.
 *
 * <p>Threading: immutable and thread-safe; lookups allocate nothing.
 *
 * <pre>{@code
 * ColorRamp grass = ColorRamp.builder()
 *         .add(0.0f, 0x2D4A1EFF).add(0.6f, 0x4F7A2CFF).add(1.0f, 0x8DB04AFF)
 *         .build();
 * int rgba = grass.rgba(0.4f);
 * }</pre>
 */
public final class ColorRamp {
    /** Entries in the lookup table. */
    public static final int TABLE_SIZE = 1024;

    /** How colours between two stops are blended. */
    public enum Interpolation {
        /** Straight blend. */
        LINEAR,
        /** Smoothstep blend: eases in and out of each stop. */
        SMOOTH,
        /** No blend: each stop's colour holds until the next stop (bands, toon shading). */
        STEP;

        /** @return the name as written in recipes ({@code linear}) */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final float[] positions;
    private final int[] colors;
    private final Interpolation interpolation;
    /** {@link #TABLE_SIZE} colours, 4 floats each (r, g, b, a in [0, 1]). */
    private final float[] table = new float[TABLE_SIZE * 4];

    private ColorRamp(float[] positions, int[] colors, Interpolation interpolation) {
        this.positions = positions;
        this.colors = colors;
        this.interpolation = interpolation;
        float[] c = new float[4];
        for (int i = 0; i < TABLE_SIZE; i++) {
            exact(i / (float) (TABLE_SIZE - 1), c);
            System.arraycopy(c, 0, table, i * 4, 4);
        }
    }

    /** @return a builder; at least one stop is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the stops' positions, ascending */
    public float[] positions() {
        return positions.clone();
    }

    /** @return the stops' colours, {@code 0xRRGGBBAA}, in the order of {@link #positions()} */
    public int[] colors() {
        return colors.clone();
    }

    /** @return how colours between stops are blended */
    public Interpolation interpolation() {
        return interpolation;
    }

    /**
     * Writes the colour at {@code t} (clamped to [0, 1]) as four floats r, g, b, a in [0, 1] into
     * {@code out[offset .. offset + 3]}.
     */
    public void sample(float t, float[] out, int offset) {
        int i = index(t);
        out[offset] = table[i];
        out[offset + 1] = table[i + 1];
        out[offset + 2] = table[i + 2];
        out[offset + 3] = table[i + 3];
    }

    /** @return the colour at {@code t} (clamped to [0, 1]) as {@code 0xRRGGBBAA} */
    public int rgba(float t) {
        int i = index(t);
        return PixelBuffer.rgba(table[i], table[i + 1], table[i + 2], table[i + 3]);
    }

    private static int index(float t) {
        float c = t <= 0 ? 0 : t >= 1 ? 1 : t;
        return (int) (c * (TABLE_SIZE - 1) + 0.5f) * 4; // NaN gives entry 0: (int) NaN is 0
    }

    /** The colour at {@code t} without the table. */
    private void exact(float t, float[] out) {
        int n = positions.length;
        if (t <= positions[0] || n == 1) {
            unpack(colors[0], out, 1, colors[0], 0);
            return;
        }
        if (t >= positions[n - 1]) {
            unpack(colors[n - 1], out, 1, colors[n - 1], 0);
            return;
        }
        int k = 1;
        while (positions[k] < t) {
            k++;
        }
        float span = positions[k] - positions[k - 1];
        float f = span <= 0 ? 1 : (t - positions[k - 1]) / span;
        switch (interpolation) {
            case STEP:
                f = f >= 1 ? 1 : 0;
                break;
            case SMOOTH:
                f = f * f * (3 - 2 * f);
                break;
            default:
                break;
        }
        unpack(colors[k - 1], out, 1 - f, colors[k], f);
    }

    private static void unpack(int a, float[] out, float wa, int b, float wb) {
        for (int ch = 0; ch < 4; ch++) {
            int shift = 24 - 8 * ch;
            out[ch] = (((a >>> shift) & 0xFF) * wa + ((b >>> shift) & 0xFF) * wb) / 255f;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ColorRamp[").append(interpolation.id());
        for (int i = 0; i < positions.length; i++) {
            sb.append(String.format(Locale.ROOT, ", %.3f #%08x", positions[i], colors[i]));
        }
        return sb.append(']').toString();
    }

    /** Stops of a {@link ColorRamp}; they may be added in any order. */
    public static final class Builder {
        private final List<float[]> stops = new ArrayList<>();
        private final List<Integer> stopColors = new ArrayList<>();
        private Interpolation interpolation = Interpolation.LINEAR;

        private Builder() {
        }

        /**
         * @param position where the stop is, in [0, 1]
         * @param rgba its colour, {@code 0xRRGGBBAA}
         * @throws IllegalArgumentException when {@code position} is outside [0, 1]
         */
        public Builder add(float position, int rgba) {
            if (!(position >= 0 && position <= 1)) {
                throw new IllegalArgumentException("a ramp stop's position must be in [0, 1], was " + position);
            }
            stops.add(new float[] {position, stops.size()});
            stopColors.add(rgba);
            return this;
        }

        /** @param mode how colours between stops are blended (default {@link Interpolation#LINEAR}) */
        public Builder optInterpolation(Interpolation mode) {
            this.interpolation = Objects.requireNonNull(mode, "interpolation");
            return this;
        }

        /**
         * @return the ramp; stops at the same position keep the order they were added in (a hard edge)
         * @throws IllegalStateException when no stop was added
         */
        public ColorRamp build() {
            if (stops.isEmpty()) {
                throw new IllegalStateException("a colour ramp needs at least one stop");
            }
            float[][] sorted = stops.toArray(new float[0][]);
            Arrays.sort(sorted, Comparator.<float[]>comparingDouble(s -> s[0]).thenComparingDouble(s -> s[1]));
            float[] positions = new float[sorted.length];
            int[] colors = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                positions[i] = sorted[i][0];
                colors[i] = stopColors.get((int) sorted[i][1]);
            }
            return new ColorRamp(positions, colors, interpolation);
        }
    }
}
