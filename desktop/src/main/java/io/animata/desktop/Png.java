package io.animata.desktop;

import io.animata.core.texture.PixelBuffer;
import io.animata.runtime.AnimataException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * PNG files for the command-line tools, through {@code javax.imageio}: {@link PixelBuffer}s to and from files.
 *
 * <p>Threading: stateless; thread-safe.
 */
final class Png {
    private Png() {
    }

    /**
     * Writes an RGBA PNG, creating its folder.
     *
     * @throws AnimataException when the file cannot be written
     */
    static void write(PixelBuffer image, Path file) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[image.width()];
        int[] pixels = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < argb.length; x++) {
                int p = pixels[y * argb.length + x];
                argb[x] = p >>> 8 | p << 24;
            }
            out.setRGB(0, y, argb.length, 1, argb, 0, argb.length);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(out, "png", file.toFile())) {
                throw new AnimataException("no PNG writer in this Java runtime (javax.imageio)");
            }
        } catch (IOException e) {
            throw new AnimataException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a PNG (or any image {@code javax.imageio} reads) as RGBA.
     *
     * @throws AnimataException when the file is missing or not an image
     */
    static PixelBuffer read(Path file) {
        BufferedImage in;
        try {
            in = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new AnimataException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (in == null) {
            throw new AnimataException("cannot read image " + file + ": not a PNG, JPEG, GIF or BMP file");
        }
        PixelBuffer image = new PixelBuffer(in.getWidth(), in.getHeight());
        int[] argb = new int[in.getWidth()];
        for (int y = 0; y < in.getHeight(); y++) {
            in.getRGB(0, y, argb.length, 1, argb, 0, argb.length);
            for (int x = 0; x < argb.length; x++) {
                image.set(x, y, argb[x] << 8 | argb[x] >>> 24);
            }
        }
        return image;
    }
}
