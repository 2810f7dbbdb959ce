package io.animata.core.level.export;

import io.animata.core.level.Legend;
import io.animata.runtime.AnimataException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A placeholder tileset picture for exported maps: one square per legend tile, in the legend's order, filled with
 * the tile's colour ({@link Legend#colorOrDefault}) and framed a shade darker, so that maps open in Tiled and load
 * in libGDX before an artist draws the real tiles. Tile i sits at x = i * tileWidth.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class TilesetImage {
    private TilesetImage() {
    }

    /** @return the tileset picture: {@code tiles * tileWidth} by {@code tileHeight} pixels */
    public static BufferedImage render(Legend legend, int tileWidth, int tileHeight) {
        int n = legend.tiles().size();
        BufferedImage img = new BufferedImage(n * tileWidth, tileHeight, BufferedImage.TYPE_INT_ARGB);
        int i = 0;
        for (char c : legend.tiles()) {
            int rgb = legend.colorOrDefault(c);
            int frame = ((((rgb >> 16) & 0xff) * 3 / 4) << 16) | ((((rgb >> 8) & 0xff) * 3 / 4) << 8)
                    | ((rgb & 0xff) * 3 / 4);
            for (int y = 0; y < tileHeight; y++) {
                for (int x = 0; x < tileWidth; x++) {
                    boolean edge = x == 0 || y == 0 || x == tileWidth - 1 || y == tileHeight - 1;
                    img.setRGB(i * tileWidth + x, y, 0xff000000 | (edge ? frame : rgb));
                }
            }
            i++;
        }
        return img;
    }

    /**
     * Writes the tileset picture as a PNG.
     *
     * @throws AnimataException naming the file when it cannot be written
     */
    public static void write(Legend legend, int tileWidth, int tileHeight, Path file) {
        try {
            if (!ImageIO.write(render(legend, tileWidth, tileHeight), "png", file.toFile())) {
                throw new AnimataException("No PNG writer is available to write " + file);
            }
        } catch (IOException e) {
            throw new AnimataException("Cannot write tileset image " + file + ": " + e.getMessage(), e);
        }
    }
}
