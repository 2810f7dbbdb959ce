package io.animata.core.texture.noise;

import java.util.Locale;

/**
 * How {@link NoiseGenerator} sums octaves of its basis noise, each octave at {@code lacunarity} times the frequency
 * and {@code gain} times the amplitude of the one before (F. K. Musgrave's formulation in "Texturing and Modeling",
 * 1994). Every type returns values in [-1, 1].
 */
public enum Fractal {
    /** One octave: the basis noise as it is. */
    NONE,
    /** Fractional Brownian motion: the plain sum of octaves, divided by the sum of their amplitudes. */
    FBM,
    /** Ridged: each octave folded to {@code 1 - 2|n|}, so zero crossings become sharp crests (mountains, veins). */
    RIDGED,
    /**
     * Ping-pong: the fBm sum of each octave, stretched by the ping-pong strength and folded back and forth between 0
     * and 1 (a triangle wave), which turns gentle slopes into bands (terraces, agate, marble).
     */
    PINGPONG;

    /** @return the name as written in recipes ({@code fbm}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type named {@code id} (case-insensitive), or {@code null} when there is none */
    public static Fractal fromId(String id) {
        for (Fractal f : values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        return null;
    }
}
