package io.animata.core.texture.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every basis noise in 2, 3 and 4 dimensions: range, determinism, continuity, and no drift far from the origin. */
class NoiseTest {

    static Stream<Arguments> bases() {
        Stream.Builder<Arguments> s = Stream.builder();
        Noise[] noises = {
            SimplexNoise.INSTANCE, PerlinNoise.INSTANCE, ValueNoise.INSTANCE, CellularNoise.classic(),
            new CellularNoise(CellularNoise.Distance.MANHATTAN, CellularNoise.Output.EDGE, 0.8),
            new CellularNoise(CellularNoise.Distance.CHEBYSHEV, CellularNoise.Output.CELL, 1.0),
        };
        long seed = 11;
        for (Noise n : noises) {
            for (int dims = 2; dims <= 4; dims++) {
                s.add(Arguments.of(n, dims, seed++));
            }
        }
        return s.build();
    }

    private static float sample(Noise noise, int dims, int seed, double x, double y, double z, double w) {
        switch (dims) {
            case 2:
                return noise.sample(seed, x, y);
            case 3:
                return noise.sample(seed, x, y, z);
            default:
                return noise.sample(seed, x, y, z, w);
        }
    }

    /** Mean and standard deviation of 20,000 samples around {@code centre}, over a box 1,000 units wide. */
    private static double[] stats(Noise noise, int dims, int seed, double centre, Random random) {
        double sum = 0;
        double sq = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            float v = sample(noise, dims, seed, centre + random.nextDouble() * 1000, centre - random.nextDouble() * 1000,
                    centre + random.nextDouble() * 1000, -centre + random.nextDouble() * 1000);
            assertTrue(v >= -1f && v <= 1f, noise + " " + dims + "D gave " + v + " near " + centre);
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }

    @ParameterizedTest(name = "{0} {1}D")
    @MethodSource("bases")
    void staysInRangeAndKeepsItsCharacterFarFromTheOrigin(Noise noise, int dims, long seed) {
        Random random = new Random(seed);
        double[] near = stats(noise, dims, (int) seed, 0, random);
        assertTrue(near[1] > 0.08, noise + " " + dims + "D is nearly flat: std " + near[1]);
        for (double far : new double[] {1e6, -3.3e7, 1e9, 4e12}) {
            double[] there = stats(noise, dims, (int) seed, far, random);
            assertEquals(near[0], there[0], 0.05, noise + " " + dims + "D mean drifts at " + far);
            assertEquals(near[1], there[1], 0.15 * near[1], noise + " " + dims + "D contrast drifts at " + far);
        }
    }

    @ParameterizedTest(name = "{0} {1}D")
    @MethodSource("bases")
    void sameSeedSameValueOtherSeedOtherValue(Noise noise, int dims, long seed) {
        Random random = new Random(seed);
        int differing = 0;
        for (int i = 0; i < 200; i++) {
            double x = (random.nextDouble() - 0.5) * 200;
            double y = (random.nextDouble() - 0.5) * 200;
            double z = (random.nextDouble() - 0.5) * 200;
            double w = (random.nextDouble() - 0.5) * 200;
            float v = sample(noise, dims, 5, x, y, z, w);
            assertEquals(v, sample(noise, dims, 5, x, y, z, w));
            if (v != sample(noise, dims, 6, x, y, z, w)) {
                differing++;
            }
        }
        assertTrue(differing > 150, "seeds 5 and 6 differ at only " + differing + " of 200 points");
    }

    /** Gradient noises have no jumps: nearby points have nearby values (cellular CELL output is flat patches). */
    @ParameterizedTest(name = "{0} {1}D")
    @MethodSource("bases")
    void isContinuous(Noise noise, int dims, long seed) {
        if (noise instanceof CellularNoise c && c.output() == CellularNoise.Output.CELL) {
            return; // a mosaic of flat cells jumps at cell borders by design
        }
        Random random = new Random(seed);
        double eps = 1e-4;
        double worst = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = random.nextDouble() * 50;
            double y = random.nextDouble() * 50;
            double z = random.nextDouble() * 50;
            double w = random.nextDouble() * 50;
            double dx = (random.nextDouble() - 0.5) * eps;
            double dy = (random.nextDouble() - 0.5) * eps;
            float a = sample(noise, dims, 3, x, y, z, w);
            float b = sample(noise, dims, 3, x + dx, y + dy, z + dx, w - dy);
            worst = Math.max(worst, Math.abs(a - b));
        }
        // slopes stay below ~20 per unit, so a step of 1e-4 moves the value by at most ~2e-3
        assertTrue(worst < 4e-3, noise + " " + dims + "D jumps by " + worst + " over " + eps);
    }

    @ParameterizedTest(name = "{0} {1}D")
    @MethodSource("bases")
    void latticeIndicesPastTwoToTheThirtyOneDoNotBreakIt(Noise noise, int dims, long seed) {
        // coordinates whose cells overflow an int: values stay finite and in range, and still vary
        float a = sample(noise, dims, (int) seed, 3e9 + 0.25, -5e9 + 0.5, 7e9 + 0.3, 2.2e10 + 0.1);
        float b = sample(noise, dims, (int) seed, 3e9 + 7.25, -5e9 + 3.5, 7e9 + 1.3, 2.2e10 + 4.1);
        assertTrue(Float.isFinite(a) && a >= -1 && a <= 1 && b >= -1 && b <= 1, a + ", " + b);
        assertNotEquals(a, b);
    }
}
