package io.animata.core.npc.memory;

import com.badlogic.gdx.utils.Array;
import java.util.Arrays;

/**
 * Ranks an NPC's memories and the world knowledge it shares for a query, as Generative Agents does: for each
 * candidate, recency = {@code decayPerHour ^ (now - lastAccess)}, importance = its 1-10 score, relevance = the dot
 * product of its embedding with the query's (cosine: both are unit length; 0 while its embedding is pending); each of
 * the three is min-max normalised over the candidates (a part that is equal for all counts 0), and the score is their
 * weighted sum ({@link RetrievalWeights}). The top k go into a caller-owned {@link Recall}.
 *
 * <p>Three steps, so the arithmetic can leave the game thread: {@link #gather} copies the candidates (references,
 * importance, last access, embedding references) into a {@link Candidates} snapshot on the game thread; {@link
 * #score} ranks a snapshot on any thread (the job worker, right after embedding the query); {@link #deliver} puts the
 * winners into a {@link Recall} and marks them accessed, on the game thread. {@link #rank} does all three at once.
 *
 * <p>Threading: {@link #gather}, {@link #deliver} and {@link #rank} on the game thread; {@link #score} on any thread,
 * one thread per snapshot at a time. Allocation-aware: a snapshot's arrays grow to the largest candidate count and are
 * reused, so {@link #rank} allocates nothing once warm.
 */
public final class MemoryRanker {
    private final Candidates own = new Candidates();

    /** A copy of the candidates of one ranking and its result; reusable. */
    public static final class Candidates {
        Memory[] memories = new Memory[64];
        float[] importance = new float[64];
        double[] lastAccess = new double[64];
        float[][] embeddings = new float[64][];
        float[] recency = new float[64];
        float[] relevance = new float[64];
        int count;
        int[] top = new int[8];
        float[] topScores = new float[8];
        int topCount;
        long scoreNanos;

        /** @return candidates gathered */
        public int count() {
            return count;
        }

        /** @return nanoseconds the last {@link MemoryRanker#score} of this snapshot took */
        public long scoreNanos() {
            return scoreNanos;
        }

        void clear() {
            Arrays.fill(memories, 0, count, null);
            Arrays.fill(embeddings, 0, count, null);
            count = 0;
            topCount = 0;
        }

        void add(Memory m) {
            if (count == memories.length) {
                int n = count * 2;
                memories = Arrays.copyOf(memories, n);
                importance = Arrays.copyOf(importance, n);
                lastAccess = Arrays.copyOf(lastAccess, n);
                embeddings = Arrays.copyOf(embeddings, n);
                recency = Arrays.copyOf(recency, n);
                relevance = Arrays.copyOf(relevance, n);
            }
            memories[count] = m;
            importance[count] = m.importance;
            lastAccess[count] = m.lastAccessHours;
            embeddings[count] = m.embedding;
            count++;
        }
    }

    /**
     * Copies the memories of {@code stream} and the facts of {@code knowledge} known to {@code factions} into
     * {@code out} (cleared first). Game thread.
     */
    public static void gather(MemoryStream stream, WorldKnowledge knowledge, Array<String> factions, Candidates out) {
        out.clear();
        if (stream != null) {
            for (int i = 0; i < stream.size(); i++) {
                out.add(stream.get(i));
            }
        }
        if (knowledge != null) {
            for (int i = 0; i < knowledge.size(); i++) {
                Memory m = knowledge.get(i);
                if (WorldKnowledge.knows(m, factions)) {
                    out.add(m);
                }
            }
        }
    }

    /**
     * Scores a snapshot and keeps its top k. Any thread; reads only the snapshot.
     *
     * @param query the query's unit-length embedding, or null (then relevance is 0 for all)
     * @param now the game time, in hours
     */
    public static void score(Candidates c, float[] query, double now, RetrievalWeights weights) {
        long start = System.nanoTime();
        int n = c.count;
        c.topCount = 0;
        if (n == 0) {
            c.scoreNanos = System.nanoTime() - start;
            return;
        }
        double decay = weights.decayPerHour();
        for (int i = 0; i < n; i++) {
            c.recency[i] = (float) Math.pow(decay, Math.max(0.0, now - c.lastAccess[i]));
            float[] e = c.embeddings[i];
            c.relevance[i] = query == null || e == null || e.length != query.length ? 0f : dot(e, query);
        }
        float recMin = min(c.recency, n);
        float recRange = max(c.recency, n) - recMin;
        float impMin = min(c.importance, n);
        float impRange = max(c.importance, n) - impMin;
        float relMin = min(c.relevance, n);
        float relRange = max(c.relevance, n) - relMin;
        int k = Math.min(weights.topK(), n);
        if (c.top.length < k) {
            c.top = new int[k];
            c.topScores = new float[k];
        }
        for (int i = 0; i < n; i++) {
            float score = weights.recency() * normalised(c.recency[i], recMin, recRange)
                    + weights.importance() * normalised(c.importance[i], impMin, impRange)
                    + weights.relevance() * normalised(c.relevance[i], relMin, relRange);
            offer(c, i, score, k);
        }
        c.scoreNanos = System.nanoTime() - start;
    }

    /**
     * Puts the snapshot's winners into {@code out}, best first, and (with {@code touch}) makes {@code now} their last
     * access, so recency restarts for what was recalled. Game thread.
     */
    public static void deliver(Candidates c, Recall out, double now, boolean touch) {
        out.clear();
        out.ensureCapacity(c.topCount);
        for (int i = 0; i < c.topCount; i++) {
            Memory m = c.memories[c.top[i]];
            out.offer(m, c.topScores[i], c.topCount);
            if (touch) {
                m.lastAccessHours = Math.max(m.lastAccessHours, now);
            }
        }
    }

    /**
     * Gathers, scores and delivers at once, on the game thread, reusing this ranker's snapshot (no allocation once
     * warm).
     *
     * @param stream the NPC's memories (may be null)
     * @param knowledge shared facts (may be null)
     * @param factions the NPC's factions, for faction knowledge
     * @param query the query's unit-length embedding, or null
     * @param now the game time, in hours
     * @param weights how to weigh the parts, and how many to keep
     * @param out where the top k go, best first
     * @param touch whether the recalled memories count as accessed now
     */
    public void rank(MemoryStream stream, WorldKnowledge knowledge, Array<String> factions, float[] query, double now,
            RetrievalWeights weights, Recall out, boolean touch) {
        gather(stream, knowledge, factions, own);
        score(own, query, now, weights);
        deliver(own, out, now, touch);
        own.clear();
    }

    private static void offer(Candidates c, int index, float score, int k) {
        if (c.topCount == k && score <= c.topScores[k - 1]) {
            return;
        }
        int at = c.topCount < k ? c.topCount++ : k - 1;
        while (at > 0 && c.topScores[at - 1] < score) {
            c.top[at] = c.top[at - 1];
            c.topScores[at] = c.topScores[at - 1];
            at--;
        }
        c.top[at] = index;
        c.topScores[at] = score;
    }

    private static float normalised(float v, float min, float range) {
        return range > 0f ? (v - min) / range : 0f;
    }

    private static float min(float[] v, int n) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, v[i]);
        }
        return m;
    }

    private static float max(float[] v, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    /** Four running sums: a float reduction is not vectorised by the JIT, and one sum waits on each add. */
    static float dot(float[] a, float[] b) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
