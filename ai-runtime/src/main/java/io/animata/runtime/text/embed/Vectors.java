package io.animata.runtime.text.embed;

import io.animata.runtime.AnimataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Vector arithmetic for embeddings, and their text form for save files (base64 of little-endian IEEE floats, which
 * round-trips every float exactly and takes a third of the space of decimal numbers).
 *
 * <p>Threading: stateless, thread-safe. Nothing here allocates except the conversions to and from text.
 */
public final class Vectors {
    private Vectors() {
    }

    /** @return the dot product of {@code a} and {@code b}: their cosine similarity when both are unit length */
    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** @return the cosine similarity of {@code a} and {@code b}, 0 when either is all zeros */
    public static float cosine(float[] a, float[] b) {
        float ab = dot(a, b);
        double norms = Math.sqrt((double) dot(a, a) * dot(b, b));
        return norms == 0.0 ? 0f : (float) (ab / norms);
    }

    /** Scales {@code v} in place to unit length; leaves an all-zero vector as it is. */
    public static void normalize(float[] v) {
        double sum = 0.0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0.0) {
            return;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
    }

    /** @return {@code v} as base64 of little-endian floats */
    public static String toBase64(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * @param text base64 of little-endian floats, as {@link #toBase64} writes
     * @param dimensions how many floats are expected
     * @throws AnimataException when the text is not base64 or holds another number of floats
     */
    public static float[] fromBase64(String text, int dimensions) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new AnimataException("an embedding is not valid base64: " + e.getMessage(), e);
        }
        if (raw.length != dimensions * Float.BYTES) {
            throw new AnimataException("an embedding holds " + raw.length / (double) Float.BYTES + " floats, expected "
                    + dimensions);
        }
        float[] v = new float[dimensions];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
