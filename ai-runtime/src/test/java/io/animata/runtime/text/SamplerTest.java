package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplerTest {

    private static float[] logitsOf(double... probabilities) {
        float[] logits = new float[probabilities.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.log(probabilities[i]);
        }
        return logits;
    }

    @Test
    void greedyTakesTheMostLikelyTokenAndTheLowestIdOnATie() {
        Sampler greedy = new Sampler(SamplingConfig.GREEDY, 1);
        assertEquals(2, greedy.sample(new float[] {0.1f, -3f, 2.5f, 1f}, 0, 4, null, 0));
        assertEquals(1, greedy.sample(new float[] {0f, 5f, 5f, 5f}, 0, 4, null, 0));
        assertEquals(1, greedy.sample(new float[] {9f, 0f, 3f, 1f}, 1, 3, null, 0), "reads the row at its offset");
    }

    @Test
    void doesNotChangeTheCallersLogits() {
        float[] logits = {1f, 2f, 3f};
        new Sampler(SamplingConfig.builder().optRepetitionPenalty(2f).build(), 3).sample(logits, 0, 3,
                new int[] {2, 1}, 2);
        assertArrayEquals(new float[] {1f, 2f, 3f}, logits);
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOfRecentTokens() {
        SamplingConfig penalised = SamplingConfig.builder().optTemperature(0f).optRepetitionPenalty(2f)
                .optRepetitionWindow(2).build();
        Sampler sampler = new Sampler(penalised, 1);
        // token 0 (logit 3) was just said: 3 / 2 = 1.5 < 2 (token 1) -> token 1
        assertEquals(1, sampler.sample(new float[] {3f, 2f, -1f}, 0, 3, new int[] {0}, 1));
        // outside the window of 2 it is not penalised
        assertEquals(0, sampler.sample(new float[] {3f, 2f, -1f}, 0, 3, new int[] {0, 2, 2}, 3));
        // a negative logit gets more negative: -0.5 * 2 = -1 < -0.8
        assertEquals(1, sampler.sample(new float[] {-0.5f, -0.8f}, 0, 2, new int[] {0}, 1));
        // a token repeated in the window is penalised once, not twice: 3 / 2 = 1.5 > 1.4
        assertEquals(0, sampler.sample(new float[] {3f, 1.4f}, 0, 2, new int[] {0, 0}, 2));
    }

    @Test
    void sameSeedSameTokensOtherSeedOtherTokens() {
        float[] logits = new float[64];
        Random random = new Random(5);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian();
        }
        SamplingConfig config = SamplingConfig.builder().optTemperature(1f).optTopK(0).optTopP(1f).build();
        int[] a = draws(new Sampler(config, 42), logits, 100);
        int[] b = draws(new Sampler(config, 42), logits, 100);
        int[] c = draws(new Sampler(config, 43), logits, 100);
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    private static int[] draws(Sampler sampler, float[] logits, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.sample(logits, 0, logits.length, null, 0);
        }
        return out;
    }

    @Test
    void fullDistributionIsSampledInProportion() {
        float[] logits = logitsOf(0.5, 0.3, 0.15, 0.05);
        Sampler sampler = new Sampler(SamplingConfig.builder().optTemperature(1f).optTopK(0).optTopP(1f)
                .optRepetitionPenalty(1f).build(), 11);
        int[] counts = counts(sampler, logits, 20_000);
        double[] expected = {0.5, 0.3, 0.15, 0.05};
        for (int t = 0; t < 4; t++) {
            assertEquals(expected[t], counts[t] / 20_000.0, 0.015, "token " + t + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void topPKeepsTheSmallestSetReachingPAndRenormalises() {
        float[] logits = logitsOf(0.5, 0.3, 0.15, 0.05);
        Sampler sampler = new Sampler(SamplingConfig.builder().optTemperature(1f).optTopK(0).optTopP(0.7f)
                .optRepetitionPenalty(1f).build(), 3);
        int[] counts = counts(sampler, logits, 20_000);
        assertEquals(0, counts[2] + counts[3], Arrays.toString(counts));
        assertEquals(0.5 / 0.8, counts[0] / 20_000.0, 0.015, Arrays.toString(counts));
    }

    @Test
    void topKKeepsTheKMostLikely() {
        float[] logits = logitsOf(0.1, 0.4, 0.05, 0.3, 0.15);
        Sampler sampler = new Sampler(SamplingConfig.builder().optTemperature(1f).optTopK(2).optTopP(1f)
                .optRepetitionPenalty(1f).build(), 9);
        int[] counts = counts(sampler, logits, 20_000);
        assertEquals(0, counts[0] + counts[2] + counts[4], Arrays.toString(counts));
        assertEquals(0.4 / 0.7, counts[1] / 20_000.0, 0.015, Arrays.toString(counts));
        Sampler topOne = new Sampler(SamplingConfig.builder().optTemperature(5f).optTopK(1).build(), 9);
        assertEquals(1, topOne.sample(logits, 0, logits.length, null, 0), "top-k 1 is greedy");
    }

    @Test
    void lowTemperatureSharpensHighTemperatureFlattens() {
        float[] logits = logitsOf(0.6, 0.4);
        SamplingConfig.Builder b = SamplingConfig.builder().optTopK(0).optTopP(1f).optRepetitionPenalty(1f);
        int[] cold = counts(new Sampler(b.optTemperature(0.25f).build(), 1), logits, 10_000);
        int[] hot = counts(new Sampler(b.optTemperature(4f).build(), 1), logits, 10_000);
        // p0 = 0.6^(1/T) / (0.6^(1/T) + 0.4^(1/T))
        assertEquals(Math.pow(0.6, 4) / (Math.pow(0.6, 4) + Math.pow(0.4, 4)), cold[0] / 10_000.0, 0.02);
        assertEquals(Math.pow(0.6, 0.25) / (Math.pow(0.6, 0.25) + Math.pow(0.4, 0.25)), hot[0] / 10_000.0, 0.02);
    }

    private static int[] counts(Sampler sampler, float[] logits, int n) {
        int[] counts = new int[logits.length];
        for (int i = 0; i < n; i++) {
            counts[sampler.sample(logits, 0, logits.length, null, 0)]++;
        }
        return counts;
    }

    /**
     * Top-p with the pruning threshold gives exactly the tokens of a reference that sorts the whole vocabulary,
     * draw for draw (same seed), on seeded random logits of a realistic vocabulary size.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void nucleusEqualsAFullSortReference(long seed) {
        Random random = new Random(seed);
        int vocab = 5000;
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            logits[i] = (float) (random.nextGaussian() * 3);
        }
        float topP = 0.5f + random.nextFloat() * 0.45f;
        SamplingConfig config = SamplingConfig.builder().optTemperature(0.9f).optTopK(0).optTopP(topP)
                .optRepetitionPenalty(1f).build();
        Sampler sampler = new Sampler(config, seed);
        SplittableRandom reference = new SplittableRandom(seed);
        for (int draw = 0; draw < 200; draw++) {
            assertEquals(referenceNucleus(logits, 0.9f, topP, reference), sampler.sample(logits, 0, vocab, null, 0),
                    "draw " + draw);
        }
    }

    private static int referenceNucleus(float[] logits, float temperature, float topP, SplittableRandom random) {
        int n = logits.length;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double inv = 1.0 / temperature;
        float[] w = new float[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = (float) Math.exp((logits[i] - max) * inv);
            total += w[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> w[a] != w[b] ? Float.compare(w[b], w[a]) : Integer.compare(a, b));
        double kept = 0;
        int m = 0;
        while (m < n) {
            kept += w[order[m++]];
            if (kept >= topP * total) {
                break;
            }
        }
        double u = random.nextDouble() * kept;
        double cumulative = 0;
        for (int j = 0; j < m; j++) {
            cumulative += w[order[j]];
            if (u < cumulative) {
                return order[j];
            }
        }
        return order[m - 1];
    }

    @Test
    void brokenLogitsAreAnActionableError() {
        Sampler sampler = new Sampler(SamplingConfig.DEFAULT, 1);
        AnimataException e = assertThrows(AnimataException.class,
                () -> sampler.sample(new float[] {0f, Float.NaN}, 0, 2, null, 0));
        assertTrue(e.getMessage().contains("non-finite logit (NaN) for token 1"), e.getMessage());
    }

    @Test
    void samplingAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random random = new Random(1);
        float[] logits = new float[32_000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian();
        }
        int[] history = {5, 6, 7, 8};
        Sampler topK = new Sampler(SamplingConfig.DEFAULT, 1);
        Sampler topP = new Sampler(SamplingConfig.builder().optTopK(0).build(), 1);
        Sampler greedy = new Sampler(SamplingConfig.GREEDY, 1);
        long[] windows = new long[3];
        for (int w = -1; w < windows.length; w++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50; i++) {
                topK.sample(logits, 0, logits.length, history, history.length);
                topP.sample(logits, 0, logits.length, history, history.length);
                greedy.sample(logits, 0, logits.length, history, history.length);
            }
            if (w >= 0) {
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
            }
        }
        // Arrays.sort(long[]) may take a work buffer for some inputs; a per-call allocation would show in all three
        assertEquals(0L, Arrays.stream(windows).min().getAsLong(), Arrays.toString(windows));
    }
}
