package io.animata.core.level.io;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads an example bitmap, one pixel per tile, one colour per tile kind (the pictures Wave Function Collapse learns
 * patterns from). Either the legend's {@code colors} say which colour is which tile ({@link #read}), or each new
 * colour becomes a new character ({@link #readPalette}, for pattern learning without a legend). Alpha is ignored.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class BitmapReader {
    /** The characters {@link #readPalette} hands out, in order of first appearance. */
    static final String PALETTE_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /**
     * A bitmap read without a legend. Threading: immutable.
     *
     * @param grid the tiles
     * @param colors each character's colour, 0xRRGGBB, in order of first appearance
     */
    public record Palette(TileGrid grid, Map<Character, Integer> colors) {
    }

    private BitmapReader() {
    }

    /**
     * @param file a PNG (or any format {@code ImageIO} reads)
     * @param legend gives the colour of every tile the bitmap may use
     * @return the tiles
     * @throws AnimataException naming the file and pixel of a colour the legend lacks, or when the legend has no
     *     colours, or the file is missing or not an image
     */
    public static TileGrid read(Path file, Legend legend) {
        BufferedImage image = load(file);
        Map<Integer, Character> byColor = new HashMap<>();
        for (char c : legend.tiles()) {
            legend.color(c).ifPresent(rgb -> byColor.put(rgb, c));
        }
        if (byColor.isEmpty()) {
            throw new AnimataException(file + ": the legend has no \"colors\", so the bitmap's colours cannot be "
                    + "mapped to tiles; add e.g. \"colors\": {\"X\": \"#000000\", \"-\": \"#ffffff\"}");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        char[] cells = new char[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                Character c = byColor.get(rgb);
                if (c == null) {
                    throw new AnimataException(String.format(Locale.ROOT,
                            "%s pixel (%d, %d): colour #%06x is not one of the legend's colours (%s)", file, x, y,
                            rgb, describe(byColor)));
                }
                cells[y * w + x] = c;
            }
        }
        return TileGrid.of(w, h, cells);
    }

    /**
     * @param file a PNG (or any format {@code ImageIO} reads)
     * @return the tiles, one character per distinct colour, and the colours
     * @throws AnimataException when the file is missing, not an image, or has more colours than characters
     */
    public static Palette readPalette(Path file) {
        BufferedImage image = load(file);
        int w = image.getWidth();
        int h = image.getHeight();
        Map<Integer, Character> byColor = new LinkedHashMap<>();
        char[] cells = new char[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                Character c = byColor.get(rgb);
                if (c == null) {
                    if (byColor.size() == PALETTE_CHARS.length()) {
                        throw new AnimataException(file + " has more than " + PALETTE_CHARS.length()
                                + " colours: an example bitmap has one colour per tile kind (pixel (" + x + ", " + y
                                + ") adds another)");
                    }
                    c = PALETTE_CHARS.charAt(byColor.size());
                    byColor.put(rgb, c);
                }
                cells[y * w + x] = c;
            }
        }
        Map<Character, Integer> colors = new LinkedHashMap<>();
        byColor.forEach((rgb, c) -> colors.put(c, rgb));
        return new Palette(TileGrid.of(w, h, cells), Collections.unmodifiableMap(colors));
    }

    private static BufferedImage load(Path file) {
        if (!Files.exists(file)) {
            throw new AnimataException("Bitmap " + file + " does not exist");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new AnimataException("Cannot read bitmap " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new AnimataException(file + " is not an image Java can read (PNG, GIF, BMP)");
        }
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new AnimataException(file + " is empty");
        }
        return image;
    }

    private static String describe(Map<Integer, Character> byColor) {
        StringBuilder sb = new StringBuilder();
        byColor.forEach((rgb, c) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "#%06x=%s", rgb, Legend.describe(c)));
        });
        return sb.toString();
    }
}
