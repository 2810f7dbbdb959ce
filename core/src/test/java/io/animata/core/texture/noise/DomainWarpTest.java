package io.animata.core.texture.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.TextureMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainWarpTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aWarpedTileStillTiles(int seed) {
        NoiseGenerator offsets = NoiseGenerator.builder().setNoise(SimplexNoise.INSTANCE).optSeed(seed)
                .optFrequency(3).optFractal(Fractal.FBM).optOctaves(3).build();
        DomainWarp warp = new DomainWarp(offsets, 0.02 + 0.03 * seed);
        NoiseGenerator field = NoiseGenerator.builder().setNoise(PerlinNoise.INSTANCE).optSeed(seed * 31)
                .optFrequency(6).optFractal(Fractal.FBM).build();
        int w = 160;
        int h = 128;
        float[] values = new float[w * h];
        float[] plain = new float[w * h];
        double[] p = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x + 0.5) / w;
                double v = (y + 0.5) / h;
                warp.warpTileable(u, v, p);
                values[y * w + x] = field.sampleTileable(p[0], p[1]);
                plain[y * w + x] = field.sampleTileable(u, v);
            }
        }
        assertTrue(TextureMetrics.seamError(values, w, h) <= 1.2, "seam " + TextureMetrics.seamError(values, w, h));
        double moved = 0;
        for (int i = 0; i < values.length; i++) {
            moved += Math.abs(values[i] - plain[i]);
        }
        assertTrue(moved / values.length > 0.01, "the warp changes the field: " + moved / values.length);
    }

    @Test
    void zeroAmplitudeLeavesPointsWhereTheyAre() {
        DomainWarp warp = new DomainWarp(NoiseGenerator.builder().setNoise(ValueNoise.INSTANCE).build(), 0);
        double[] p = new double[2];
        warp.warp(3.25, -7.5, p);
        assertEquals(3.25, p[0]);
        assertEquals(-7.5, p[1]);
        warp.warpTileable(0.25, 0.75, p);
        assertEquals(0.25, p[0]);
        assertEquals(0.75, p[1]);
    }

    @Test
    void pointsMoveAtMostByTheAmplitude() {
        DomainWarp warp = new DomainWarp(NoiseGenerator.builder().setNoise(SimplexNoise.INSTANCE).optFrequency(2)
                .build(), 0.5);
        double[] p = new double[2];
        for (int i = 0; i < 1000; i++) {
            double x = i * 0.37;
            warp.warp(x, -x, p);
            assertTrue(Math.abs(p[0] - x) <= 0.5 && Math.abs(p[1] + x) <= 0.5);
        }
    }
}
