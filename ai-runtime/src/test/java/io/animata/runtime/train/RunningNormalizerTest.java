package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RunningNormalizerTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void welfordMatchesTwoPassStatisticsInChunks(long seed) {
        Random random = new Random(seed);
        int width = 3;
        int rows = 500;
        float[] data = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            data[r * width] = (float) (random.nextGaussian() * 5 + 100);
            data[r * width + 1] = (float) (random.nextGaussian() * 0.01 - 3);
            data[r * width + 2] = 7f; // constant feature
        }
        RunningNormalizer normalizer = new RunningNormalizer(width);
        int done = 0;
        while (done < rows) {
            int chunk = Math.min(rows - done, 1 + random.nextInt(50));
            normalizer.update(data, done * width, chunk);
            done += chunk;
        }
        float[] mean = new float[width];
        float[] std = new float[width];
        for (int i = 0; i < width; i++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += data[r * width + i];
            }
            double m = sum / rows;
            double sq = 0;
            for (int r = 0; r < rows; r++) {
                double d = data[r * width + i] - m;
                sq += d * d;
            }
            mean[i] = (float) m;
            std[i] = (float) Math.sqrt(sq / rows + RunningNormalizer.VARIANCE_EPSILON);
        }
        assertEquals(rows, normalizer.count());
        assertArrayEquals(mean, normalizer.mean(), 1e-4f);
        assertArrayEquals(std, normalizer.std(), 1e-5f);
        assertEquals(1e-4f, normalizer.std()[2], 1e-9f);
    }

    @Test
    void beforeAnyDataItChangesNothing() {
        RunningNormalizer normalizer = new RunningNormalizer(2);
        assertArrayEquals(new float[] {0, 0}, normalizer.mean());
        assertArrayEquals(new float[] {1, 1}, normalizer.std());
        float[] x = {3, -4};
        float[] out = new float[2];
        normalizer.snapshot().normalize(x, 0, out, 0, 1);
        assertArrayEquals(x, out);
    }

    @Test
    void snapshotNormalisesExactlyLikeTheMlp() {
        Random random = new Random(9);
        RunningNormalizer normalizer = new RunningNormalizer(4);
        float[] data = new float[40 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * (1 + i % 4) + i % 3);
        }
        normalizer.update(data, 0, 40);
        RunningNormalizer.Snapshot snapshot = normalizer.snapshot();
        float[] identity = new float[16];
        for (int i = 0; i < 4; i++) {
            identity[i * 4 + i] = 1f;
        }
        Mlp mlp = Mlp.builder(4).optNormalization(snapshot.mean(), snapshot.std())
                .addLayer(identity, new float[4], Activation.IDENTITY).build();
        float[] viaMlp = new float[data.length];
        mlp.forward(data, 40, viaMlp);
        float[] viaSnapshot = new float[data.length];
        snapshot.normalize(data, 0, viaSnapshot, 0, 40);
        assertArrayEquals(viaMlp, viaSnapshot, 0f);
    }
}
