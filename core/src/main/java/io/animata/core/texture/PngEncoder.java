package io.animata.core.texture;

import io.animata.runtime.AnimataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a {@link PixelBuffer} as a PNG file (8-bit RGBA, non-interlaced, per the PNG specification, ISO/IEC 15948)
 * with only {@code java.util.zip}: no natives, no AWT, so it works on worker threads, in tools, and on Android.
 * Each row is stored with the PNG "Sub" filter, which suits smooth textures.
 *
 * <p>Threading: stateless; thread-safe.
 *
 * <pre>{@code
 * PngEncoder.write(texture.color(), Path.of("grass.png"));
 * }</pre>
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {
    }

    /** @return the image as PNG bytes */
    public static byte[] encode(PixelBuffer image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.width() * image.height() + 1024);
        try {
            write(image, out);
        } catch (IOException e) {
            throw new AnimataException("cannot encode a PNG in memory: " + e.getMessage(), e); // not expected
        }
        return out.toByteArray();
    }

    /**
     * Writes the image to a file (its folder must exist), replacing it.
     *
     * @throws AnimataException when the file cannot be written
     */
    public static void write(PixelBuffer image, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(image, out);
        } catch (IOException e) {
            throw new AnimataException("cannot write PNG " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the image to a stream, leaving it open. */
    public static void write(PixelBuffer image, OutputStream out) throws IOException {
        int width = image.width();
        int height = image.height();
        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: RGBA
        // compression, filter and interlace methods 0
        chunk(out, "IHDR", header, header.length);

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(6);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] raw = new byte[width * 4];
            byte[] line = new byte[1 + width * 4];
            int[] pixels = image.pixels();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = pixels[y * width + x];
                    raw[4 * x] = (byte) (p >>> 24);
                    raw[4 * x + 1] = (byte) (p >>> 16);
                    raw[4 * x + 2] = (byte) (p >>> 8);
                    raw[4 * x + 3] = (byte) p;
                }
                line[0] = 1; // Sub: each byte minus the same channel of the pixel to its left
                for (int i = 0; i < raw.length; i++) {
                    line[1 + i] = (byte) (raw[i] - (i >= 4 ? raw[i - 4] : 0));
                }
                z.write(line);
            }
        } finally {
            deflater.end();
        }
        byte[] data = compressed.toByteArray();
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
        out.flush();
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] len = new byte[4];
        putInt(len, 0, length);
        out.write(len);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.write(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
