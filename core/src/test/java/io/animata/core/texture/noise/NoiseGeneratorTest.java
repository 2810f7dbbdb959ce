package io.animata.core.texture.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.TextureMetrics;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoiseGeneratorTest {
    private static final Noise[] BASES = {
        SimplexNoise.INSTANCE, PerlinNoise.INSTANCE, ValueNoise.INSTANCE, CellularNoise.classic(),
        new CellularNoise(CellularNoise.Distance.EUCLIDEAN, CellularNoise.Output.EDGE, 1.0),
    };

    static Stream<Arguments> generators() {
        Stream.Builder<Arguments> s = Stream.builder();
        long seed = 100;
        for (Noise basis : BASES) {
            for (Fractal fractal : Fractal.values()) {
                s.add(Arguments.of(basis, fractal, seed++));
            }
        }
        return s.build();
    }

    private static NoiseGenerator generator(Noise basis, Fractal fractal, long seed) {
        Random random = new Random(seed);
        return NoiseGenerator.builder().setNoise(basis).optSeed(random.nextInt()).optFractal(fractal)
                .optFrequency(4 + random.nextInt(6), 4 + random.nextDouble() * 6)
                .optOctaves(1 + random.nextInt(5)).optGain(0.3 + random.nextDouble() * 0.5)
                .optLacunarity(1.7 + random.nextDouble()).optPingPongStrength(1 + random.nextDouble() * 2).build();
    }

    static float[] tile(NoiseGenerator g, int width, int height) {
        float[] values = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = g.sampleTileable((x + 0.5) / width, (y + 0.5) / height);
            }
        }
        return values;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("generators")
    void tilesAreSeamless(Noise basis, Fractal fractal, long seed) {
        NoiseGenerator g = generator(basis, fractal, seed);
        float[] values = tile(g, 256, 192);
        double seam = TextureMetrics.seamError(values, 256, 192);
        assertTrue(seam <= 1.2, g + ": seam error " + seam);
        for (float v : values) {
            assertTrue(v >= -1 && v <= 1, g + " gave " + v);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("generators")
    void theTileRepeatsWithPeriodOne(Noise basis, Fractal fractal, long seed) {
        NoiseGenerator g = generator(basis, fractal, seed);
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            assertEquals(g.sampleTileable(u, v), g.sampleTileable(u + 1, v - 3), 1e-4, g + " at " + u + ", " + v);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("generators")
    void planeSamplesStayInRange(Noise basis, Fractal fractal, long seed) {
        NoiseGenerator g = generator(basis, fractal, seed);
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            double x = (random.nextDouble() - 0.5) * 2e7;
            double y = (random.nextDouble() - 0.5) * 2e7;
            float a = g.sample(x, y);
            float b = g.sample(x, y, random.nextDouble() * 100);
            assertTrue(a >= -1 && a <= 1 && b >= -1 && b <= 1, g + " gave " + a + ", " + b);
        }
    }

    @Test
    void sameSettingsSameTile() {
        NoiseGenerator a = generator(SimplexNoise.INSTANCE, Fractal.FBM, 5);
        NoiseGenerator b = generator(SimplexNoise.INSTANCE, Fractal.FBM, 5);
        assertArrayEquals(tile(a, 32, 32), tile(b, 32, 32));
        NoiseGenerator other = a.toBuilder().optSeed(a.seed() + 1).build();
        float[] x = tile(a, 32, 32);
        float[] y = tile(other, 32, 32);
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            same += x[i] == y[i] ? 1 : 0;
        }
        assertTrue(same < x.length / 10, same + " of " + x.length + " values equal for another seed");
    }

    @Test
    void anUntiledNoiseHasVisibleSeams() {
        NoiseGenerator g = NoiseGenerator.builder().setNoise(SimplexNoise.INSTANCE).optFrequency(0.1).build();
        float[] values = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                values[y * 64 + x] = g.sample(x, y);
            }
        }
        assertTrue(TextureMetrics.seamError(values, 64, 64) > 2, "the measure sees a plain plane's seams");
    }

    @Test
    void ridgedAndPingPongDifferFromFbm() {
        NoiseGenerator fbm = NoiseGenerator.builder().setNoise(PerlinNoise.INSTANCE).optFractal(Fractal.FBM).build();
        float[] f = tile(fbm, 24, 24);
        float[] r = tile(fbm.toBuilder().optFractal(Fractal.RIDGED).build(), 24, 24);
        float[] p = tile(fbm.toBuilder().optFractal(Fractal.PINGPONG).build(), 24, 24);
        assertTrue(meanAbsDiff(f, r) > 0.1 && meanAbsDiff(f, p) > 0.1 && meanAbsDiff(r, p) > 0.1);
    }

    private static double meanAbsDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    @Test
    void settingsAreChecked() {
        NoiseGenerator.Builder b = NoiseGenerator.builder();
        assertThrows(IllegalStateException.class, b::build);
        assertThrows(IllegalArgumentException.class, () -> b.optFrequency(0));
        assertThrows(IllegalArgumentException.class, () -> b.optFrequency(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.optOctaves(17));
        assertThrows(IllegalArgumentException.class, () -> b.optLacunarity(1));
        assertThrows(IllegalArgumentException.class, () -> b.optGain(0));
        assertThrows(IllegalArgumentException.class, () -> new CellularNoise(CellularNoise.Distance.EUCLIDEAN,
                CellularNoise.Output.F1, 1.5));
    }
}
