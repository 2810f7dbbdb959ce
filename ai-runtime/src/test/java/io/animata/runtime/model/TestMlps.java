package io.animata.runtime.model;

import java.util.Random;

/** Seeded random networks and inputs for tests, with non-zero biases so that every parameter is exercised. */
public final class TestMlps {
    private TestMlps() {
    }

    /**
     * @param seed random seed
     * @param hidden activation after every layer but the last
     * @param output activation after the last layer
     * @param normalized whether to add input normalisation
     * @param widths input, hidden and output widths
     * @return an MLP with random weights, biases and (optionally) normalisation
     */
    public static Mlp random(long seed, Activation hidden, Activation output, boolean normalized, int... widths) {
        Random random = new Random(seed);
        Mlp.Builder builder = Mlp.builder(widths[0]);
        if (normalized) {
            float[] mean = uniform(random, widths[0], 2f);
            float[] std = new float[widths[0]];
            for (int i = 0; i < std.length; i++) {
                std[i] = 0.5f + random.nextFloat() * 2f;
            }
            builder.optNormalization(mean, std);
        }
        for (int l = 1; l < widths.length; l++) {
            float limit = (float) Math.sqrt(6.0 / (widths[l - 1] + widths[l]));
            builder.addLayer(uniform(random, widths[l] * widths[l - 1], limit), uniform(random, widths[l], 0.5f),
                    l == widths.length - 1 ? output : hidden);
        }
        return builder.build();
    }

    /**
     * @param random source
     * @param length number of values
     * @param limit half-width of the interval
     * @return values uniform in {@code [-limit, limit)}
     */
    public static float[] uniform(Random random, int length, float limit) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (random.nextFloat() * 2f - 1f) * limit;
        }
        return values;
    }
}
