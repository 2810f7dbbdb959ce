package io.animata.runtime.text.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.animata.runtime.AnimataException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void base64RoundTripsEveryFloatExactly(long seed) {
        Random random = new Random(seed);
        float[] v = new float[1 + random.nextInt(500)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian() * (float) Math.pow(10, random.nextInt(10) - 5);
        }
        assertArrayEquals(v, Vectors.fromBase64(Vectors.toBase64(v), v.length));
    }

    @Test
    void base64OfTheWrongLengthOrNotBase64IsAnError() {
        String text = Vectors.toBase64(new float[] {1f, 2f, 3f});
        assertThrows(AnimataException.class, () -> Vectors.fromBase64(text, 4));
        assertThrows(AnimataException.class, () -> Vectors.fromBase64("not base64 at all!", 3));
    }

    @Test
    void normalizeAndCosine() {
        float[] v = {3f, 4f};
        Vectors.normalize(v);
        assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-6f);
        assertEquals(1f, Vectors.cosine(new float[] {1f, 1f}, new float[] {2f, 2f}), 1e-6f);
        assertEquals(0f, Vectors.cosine(new float[] {0f, 0f}, new float[] {2f, 2f}));
        float[] zero = {0f, 0f};
        Vectors.normalize(zero);
        assertArrayEquals(new float[] {0f, 0f}, zero);
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[1], new float[2]));
    }
}
