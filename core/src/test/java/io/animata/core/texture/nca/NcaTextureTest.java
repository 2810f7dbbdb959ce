package io.animata.core.texture.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.TextureMetrics;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.NcaOnnxExporter;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Growing textures with an NCA step written by {@link NcaOnnxExporter} (random weights: no training needed). */
class NcaTextureTest {
    static final OnnxSessionConfig CPU = new OnnxSessionConfig(1, DevicePreference.CPU, 0);

    @TempDir
    Path dir;

    /** @return an NCA step with C channels and random weights, as bytes */
    static byte[] randomNca(int channels, int hidden, long seed) {
        Random r = new Random(seed);
        float[] perception = new float[4 * channels * 9];
        float[][] kernels = {
            {0, 0, 0, 0, 1, 0, 0, 0, 0}, {-1, 0, 1, -2, 0, 2, -1, 0, 1}, {-1, -2, -1, 0, 0, 0, 1, 2, 1},
            {1, 2, 1, 2, -12, 2, 1, 2, 1},
        };
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < 9; i++) {
                    perception[(c * 4 + k) * 9 + i] = kernels[k][i] / (k == 0 ? 1f : 8f);
                }
            }
        }
        float[] w1 = new float[hidden * 4 * channels];
        float[] b1 = new float[hidden];
        float[] w2 = new float[channels * hidden];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) r.nextGaussian() * 0.3f;
        }
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) r.nextGaussian() * 0.05f;
        }
        return NcaOnnxExporter.export(channels, hidden, perception, w1, b1, w2, "test");
    }

    @Test
    void growsTheSameTileableTextureForTheSameSeed() throws IOException {
        Path model = Files.write(dir.resolve("noise.onnx"), randomNca(6, 16, 1));
        Files.writeString(dir.resolve("noise.json"), "{\"format\": \"animata-nca\", \"steps\": 12, \"fireRate\": 0.5}");
        try (NcaTexture nca = NcaTexture.load(model, CPU)) {
            assertEquals(12, nca.steps());
            assertEquals(6, nca.channels());
            assertEquals("cpu", nca.device());
            PixelBuffer a = nca.grow(40, 24, 7);
            assertEquals(40, a.width());
            assertEquals(24, a.height());
            assertEquals(a, nca.grow(40, 24, 7));
            assertNotEquals(a, nca.grow(40, 24, 8));
            assertTrue(TextureMetrics.seamError(a) <= 1.2, "seam " + TextureMetrics.seamError(a));
            for (int p : a.pixels()) {
                assertEquals(0xFF, PixelBuffer.alpha(p));
            }
        }
    }

    @Test
    void withoutASidecarTheDefaultsApply() throws IOException {
        Path model = Files.write(dir.resolve("plain.onnx"), randomNca(4, 8, 2));
        try (NcaTexture nca = NcaTexture.load(model, CPU)) {
            assertEquals(NcaTexture.DEFAULT_STEPS, nca.steps());
            assertEquals(16, nca.grow(16, 16, 3, 1).width());
        }
    }

    @Test
    void mistakesAreExplained() throws IOException {
        Path model = Files.write(dir.resolve("bad.onnx"), randomNca(4, 8, 2));
        Files.writeString(dir.resolve("bad.json"), "{\"steps\": 0}");
        AnimataException steps = assertThrows(AnimataException.class, () -> NcaTexture.load(model, CPU));
        assertEquals("NCA sidecar of 'bad' field 'steps': expected a positive integer, got 0", steps.getMessage());
        AnimataException missing = assertThrows(AnimataException.class,
                () -> NcaTexture.load(dir.resolve("none.onnx"), CPU));
        assertTrue(missing.getMessage().startsWith("cannot read NCA model"), missing.getMessage());
        try (NcaTexture nca = NcaTexture.load("ok", "test", randomNca(4, 8, 3), null, CPU)) {
            assertThrows(AnimataException.class, () -> nca.grow(2, 2, 1, 1));
        }
    }
}
