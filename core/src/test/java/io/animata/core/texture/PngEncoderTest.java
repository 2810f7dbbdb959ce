package io.animata.core.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PNGs written without natives read back pixel for pixel with the JDK's own decoder. */
class PngEncoderTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "7, 3, 2", "64, 40, 3", "300, 5, 4"})
    void readsBackExactly(int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        PixelBuffer image = new PixelBuffer(width, height);
        for (int i = 0; i < image.pixels().length; i++) {
            image.pixels()[i] = random.nextInt();
        }

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertEquals(width, read.getWidth());
        assertEquals(height, read.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = read.getRGB(x, y);
                int rgba = argb << 8 | argb >>> 24;
                assertEquals(image.get(x, y), rgba, "pixel " + x + ", " + y);
            }
        }
    }
}
