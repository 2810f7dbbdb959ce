package io.animata.core.texture;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An RGBA image in plain Java memory: what texture generators write on worker threads, where no GL context (and no
 * native {@code Pixmap}) may be touched. Pixels are {@code int}s {@code 0xRRGGBBAA} (libGDX's {@code rgba8888}
 * packing), row by row from the top-left corner, so row {@code y} is {@code pixels()[y * width, (y + 1) * width)}.
 *
 * <p>{@link #copyTo(ByteBuffer)} writes the bytes a libGDX {@code Pixmap} of format RGBA8888 holds, so the game
 * thread only copies memory before creating a {@code Texture}.
 *
 * <p>Threading: not synchronised. Different rows may be written from different threads at once (as the generators
 * do); hand a finished buffer to another thread through a happens-before edge (a join, a future, a lock).
 */
public final class PixelBuffer {
    private final int width;
    private final int height;
    private final int[] pixels;

    /**
     * A transparent black image.
     *
     * @throws IllegalArgumentException when a side is not positive or the image has more than 2^28 pixels
     */
    public PixelBuffer(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > 1 << 28) {
            throw new IllegalArgumentException("an image needs 1 to 2^28 pixels with positive sides, was "
                    + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    /** @return the width in pixels */
    public int width() {
        return width;
    }

    /** @return the height in pixels */
    public int height() {
        return height;
    }

    /** @return the pixels, {@code 0xRRGGBBAA} row by row from the top; the live array, not a copy */
    public int[] pixels() {
        return pixels;
    }

    /** @return the pixel at column {@code x}, row {@code y} (0 at the top), {@code 0xRRGGBBAA} */
    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    /** Sets the pixel at column {@code x}, row {@code y} to {@code rgba} ({@code 0xRRGGBBAA}). */
    public void set(int x, int y, int rgba) {
        pixels[y * width + x] = rgba;
    }

    /** @return a copy with its own pixel array */
    public PixelBuffer copy() {
        PixelBuffer c = new PixelBuffer(width, height);
        System.arraycopy(pixels, 0, c.pixels, 0, pixels.length);
        return c;
    }

    /**
     * Writes the pixels as bytes R, G, B, A per pixel, row by row from the top: the layout of a libGDX RGBA8888
     * {@code Pixmap}'s {@code getPixels()}. Starts at the buffer's position and leaves it after the last byte.
     *
     * @throws IllegalArgumentException when fewer than {@code 4 * width * height} bytes remain
     */
    public void copyTo(ByteBuffer target) {
        if (target.remaining() < pixels.length * 4) {
            throw new IllegalArgumentException("the target has " + target.remaining() + " bytes left, "
                    + pixels.length * 4 + " are needed for " + width + " x " + height + " RGBA pixels");
        }
        for (int p : pixels) {
            target.put((byte) (p >>> 24)).put((byte) (p >>> 16)).put((byte) (p >>> 8)).put((byte) p);
        }
    }

    /** @return {@code 0xRRGGBBAA} from channels in [0, 1] (clamped, rounded to the nearest of 256 levels) */
    public static int rgba(float r, float g, float b, float a) {
        return channel(r) << 24 | channel(g) << 16 | channel(b) << 8 | channel(a);
    }

    private static int channel(float v) {
        return v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255f + 0.5f);
    }

    /** @return the red channel of {@code 0xRRGGBBAA}, 0 to 255 */
    public static int red(int rgba) {
        return rgba >>> 24;
    }

    /** @return the green channel of {@code 0xRRGGBBAA}, 0 to 255 */
    public static int green(int rgba) {
        return (rgba >>> 16) & 0xFF;
    }

    /** @return the blue channel of {@code 0xRRGGBBAA}, 0 to 255 */
    public static int blue(int rgba) {
        return (rgba >>> 8) & 0xFF;
    }

    /** @return the alpha channel of {@code 0xRRGGBBAA}, 0 to 255 */
    public static int alpha(int rgba) {
        return rgba & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelBuffer other && other.width == width && other.height == height
                && Arrays.equals(other.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "PixelBuffer[" + width + " x " + height + "]";
    }
}
