package io.animata.core.texture.nca;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.TextureMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The neural textures shipped in {@code assets/models/nca} (made by {@code animata textures --train-nca}, see the
 * README there) grow seamless textures whose statistics are closer to their example's than colour noise with the
 * example's colours.
 */
class ShippedNcaTest {
    private static final Path DIR = Path.of(System.getProperty("animata.root", "..")).resolve("assets/models/nca");

    @ParameterizedTest
    @ValueSource(strings = {"lava", "water"})
    void growsASeamlessTextureCloserToItsExampleThanColourNoise(String name) throws IOException {
        PixelBuffer example = read(DIR.resolve(name + "-example.png"));
        try (NcaTexture nca = NcaTexture.load(DIR.resolve(name + ".onnx"), NcaTextureTest.CPU)) {
            PixelBuffer grown = nca.grow(128, 128, 1);
            double seam = TextureMetrics.seamError(grown);
            assertTrue(seam <= 1.2, name + ": seam error " + seam);
            double distance = TextureMetrics.statisticsDistance(example, grown);
            double baseline = TextureMetrics.statisticsDistance(example, TextureMetrics.colourNoise(example, 128, 128, 1));
            assertTrue(distance < baseline, name + ": distance " + distance + ", colour noise " + baseline);
        }
    }

    private static PixelBuffer read(Path file) throws IOException {
        BufferedImage in = ImageIO.read(file.toFile());
        PixelBuffer out = new PixelBuffer(in.getWidth(), in.getHeight());
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int argb = in.getRGB(x, y);
                out.set(x, y, argb << 8 | argb >>> 24);
            }
        }
        return out;
    }
}
