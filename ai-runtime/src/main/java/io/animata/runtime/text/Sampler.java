package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the next token from a row of logits according to a {@link SamplingConfig}: repetition penalty over the
 * recent tokens, then greedy (the most likely token, the lowest id on a tie) or temperature, top-k and top-p
 * (nucleus) sampling with a seeded generator, so the same logits and seed give the same tokens.
 *
 * <p>Top-p is exact without sorting the whole vocabulary: tokens whose probability is below
 * {@code (1 - topP) / (2 * vocab)} together weigh less than {@code 1 - topP}, so they can never be in the nucleus
 * and are skipped before the sort.
 *
 * <p>Threading: one thread (each generation has its own sampler). Allocation-light: scratch arrays sized to the
 * vocabulary are made on the first call and reused.
 *
 * <pre>{@code
 * Sampler sampler = new Sampler(SamplingConfig.DEFAULT, seed);
 * int token = sampler.sample(logits, 0, vocabSize, tokens, tokenCount);
 * }</pre>
 */
public final class Sampler {
    private final SamplingConfig config;
    private final SplittableRandom random;
    private final TokenGuide guide;
    private float[] weights = new float[0];
    private boolean[] seen = new boolean[0];
    private long[] keys = new long[0];
    private int[] heapIndex = new int[0];
    private float[] heapValue = new float[0];

    /**
     * @param config how to choose
     * @param seed the seed of the random draws (ignored when greedy)
     */
    public Sampler(SamplingConfig config, long seed) {
        this(config, seed, null);
    }

    /**
     * A sampler that only chooses tokens a constraint allows: every other token's logit counts as minus infinity
     * before the penalty, greedy choice, top-k and top-p. The caller {@link TokenGuide#advance advances} the guide
     * with each chosen token.
     *
     * @param config how to choose
     * @param seed the seed of the random draws (ignored when greedy)
     * @param guide the constraint's place in the text; null for none
     */
    public Sampler(SamplingConfig config, long seed, TokenGuide guide) {
        if (config == null) {
            throw new IllegalArgumentException("sampling config is null");
        }
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.guide = guide;
    }

    /** @return the constraint's guide, or null */
    public TokenGuide guide() {
        return guide;
    }

    /** @return the settings */
    public SamplingConfig config() {
        return config;
    }

    /**
     * Chooses a token.
     *
     * @param logits the model's output; this row is {@code logits[offset, offset + vocab)}; not modified
     * @param offset where the row starts
     * @param vocab the row's length (the vocabulary size)
     * @param history tokens so far, prompt included, oldest first (for the repetition penalty); may be null
     * @param historyLength how many of {@code history} are valid
     * @return a token id in {@code [0, vocab)}
     * @throws AnimataException when a logit is NaN or +infinity (a broken model)
     */
    public int sample(float[] logits, int offset, int vocab, int[] history, int historyLength) {
        if (vocab < 1 || offset < 0 || offset + vocab > logits.length) {
            throw new IllegalArgumentException("row [" + offset + ", " + (offset + vocab) + ") does not fit "
                    + logits.length + " logits");
        }
        if (weights.length < vocab) {
            weights = new float[vocab];
            seen = new boolean[vocab];
        }
        float[] w = weights;
        System.arraycopy(logits, offset, w, 0, vocab);
        float best = Float.NEGATIVE_INFINITY;
        int bestIndex = -1;
        for (int i = 0; i < vocab; i++) {
            float v = w[i];
            if (Float.isNaN(v) || v == Float.POSITIVE_INFINITY) {
                throw new AnimataException("the language model produced a non-finite logit (" + v + ") for token " + i
                        + "; check the model file (a float16 overflow, broken weights)");
            }
        }
        if (guide != null) {
            applyMask(w, vocab);
        }
        applyRepetitionPenalty(w, vocab, history, historyLength);
        for (int i = 0; i < vocab; i++) {
            if (w[i] > best) {
                best = w[i];
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return 0; // every token is -infinity: nothing to choose between
        }
        if (config.isGreedy()) {
            return bestIndex;
        }
        int chosen = sampleFrom(w, vocab, best);
        // a token of weight zero can only come out of rounding at the nucleus' edge; never let it past a constraint
        return guide == null || guide.allows(chosen) ? chosen : bestIndex;
    }

    /** Sets the logits of the tokens the guide does not allow to minus infinity. */
    private void applyMask(float[] w, int vocab) {
        long[] mask = guide.mask();
        for (int i = 0; i < vocab; i++) {
            boolean allowed = mask == null ? guide.isEos(i)
                    : (i >>> 6) < mask.length && (mask[i >>> 6] >>> i & 1L) != 0;
            if (!allowed) {
                w[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    private int sampleFrom(float[] w, int vocab, float best) {
        double inv = 1.0 / config.temperature();
        int k = config.topK();
        if (k > 0 && k < vocab) {
            return sampleTopK(w, vocab, k, best, inv);
        }
        double total = 0;
        for (int i = 0; i < vocab; i++) {
            float e = (float) Math.exp((w[i] - best) * inv);
            w[i] = e;
            total += e;
        }
        float p = config.topP();
        if (p >= 1f) {
            return draw(w, vocab, total);
        }
        float threshold = (float) ((1.0 - p) / (2.0 * vocab) * total);
        int n = 0;
        ensureKeys(vocab);
        for (int i = 0; i < vocab; i++) {
            if (w[i] >= threshold) {
                keys[n++] = key(w[i], i);
            }
        }
        return nucleus(n, total, p);
    }

    private void applyRepetitionPenalty(float[] w, int vocab, int[] history, int historyLength) {
        float penalty = config.repetitionPenalty();
        int window = config.repetitionWindow();
        if (penalty == 1f || window == 0 || history == null || historyLength == 0) {
            return;
        }
        int from = Math.max(0, historyLength - window);
        for (int i = from; i < historyLength; i++) {
            int t = history[i];
            if (t >= 0 && t < vocab && !seen[t]) {
                seen[t] = true;
                float v = w[t];
                w[t] = v > 0 ? v / penalty : v * penalty;
            }
        }
        for (int i = from; i < historyLength; i++) {
            int t = history[i];
            if (t >= 0 && t < vocab) {
                seen[t] = false;
            }
        }
    }

    /** Keeps the k largest logits (a min-heap), then applies top-p within them and draws. */
    private int sampleTopK(float[] w, int vocab, int k, float best, double inv) {
        if (heapIndex.length < k) {
            heapIndex = new int[k];
            heapValue = new float[k];
        }
        int size = 0;
        for (int i = 0; i < vocab; i++) {
            float v = w[i];
            if (size < k) {
                heapIndex[size] = i;
                heapValue[size] = v;
                siftUp(size++);
            } else if (v > heapValue[0]) { // ties keep the earlier (lower) token id
                heapIndex[0] = i;
                heapValue[0] = v;
                siftDown(0, size);
            }
        }
        ensureKeys(size);
        double total = 0;
        for (int j = 0; j < size; j++) {
            float e = (float) Math.exp((heapValue[j] - best) * inv);
            total += e;
            keys[j] = key(e, heapIndex[j]);
        }
        return nucleus(size, total, config.topP());
    }

    /** Sorts the candidate keys (most likely first), keeps the nucleus of mass p (of {@code total}), draws. */
    private int nucleus(int n, double total, float p) {
        Arrays.sort(keys, 0, n);
        double kept = 0;
        int m = 0;
        while (m < n) {
            kept += weightOf(keys[m]);
            m++;
            if (kept >= p * total) {
                break;
            }
        }
        double u = random.nextDouble() * kept;
        double cumulative = 0;
        for (int j = 0; j < m; j++) {
            cumulative += weightOf(keys[j]);
            if (u < cumulative) {
                return (int) keys[j];
            }
        }
        return (int) keys[m - 1];
    }

    private int draw(float[] w, int vocab, double total) {
        double u = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < vocab; i++) {
            if (w[i] > 0) {
                cumulative += w[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    private void ensureKeys(int n) {
        if (keys.length < n) {
            keys = new long[n];
        }
    }

    /** Packs a weight in [0, 1] and a token so that ascending order is descending weight, then ascending id. */
    private static long key(float weight, int token) {
        return ((long) (0x7F800000 - Float.floatToRawIntBits(weight)) << 32) | (token & 0xFFFFFFFFL);
    }

    private static float weightOf(long key) {
        return Float.intBitsToFloat(0x7F800000 - (int) (key >>> 32));
    }

    /** Whether heap entry a is "worse" than b: a smaller logit, or the same logit and a higher token id. */
    private boolean worse(int a, int b) {
        return heapValue[a] < heapValue[b] || (heapValue[a] == heapValue[b] && heapIndex[a] > heapIndex[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i, int size) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int child = r < size && worse(r, l) ? r : l;
            if (!worse(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        int ti = heapIndex[a];
        heapIndex[a] = heapIndex[b];
        heapIndex[b] = ti;
        float tv = heapValue[a];
        heapValue[a] = heapValue[b];
        heapValue[b] = tv;
    }
}
