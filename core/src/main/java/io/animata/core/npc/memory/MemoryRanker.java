package io.animata.core.npc.memory;

import com.badlogic.gdx.utils.Array;
import java.util.Arrays;

/**
 * Ranks an NPC's memories and the world knowledge it shares for a query, as Generative Agents does: for each
 * candidate, recency = {@code decayPerHour ^ (now - lastAccess)}, importance = its 1-10 score, relevance = the dot
 * product of its embedding with the query's (cosine: both are unit length; 0 while its embedding is pending); each of
 * the three is min-max normalised over the candidates (a part that is equal for all counts 0), and the score is their
 * weighted sum ({@link RetrievalWeights}). The top k go into a caller-owned {@link Recall}, and their last-access time
 * becomes {@code now}.
 *
 * <p>Threading: game thread, one ranking at a time. Allocation-aware: scratch arrays grow to the largest candidate
 * count and are reused, so ranking allocates nothing after the first few recalls. About 10 us per 100 memories of 384
 * floats (see the README's measured figures).
 */
public final class MemoryRanker {
    private Memory[] candidates = new Memory[64];
    private float[] recency = new float[64];
    private float[] importance = new float[64];
    private float[] relevance = new float[64];
    private int count;

    /**
     * Ranks the memories of {@code stream} and the facts of {@code knowledge} known to {@code factions}.
     *
     * @param stream the NPC's memories (may be null)
     * @param knowledge shared facts (may be null)
     * @param factions the NPC's factions, for faction knowledge
     * @param query the query's unit-length embedding, or null (then relevance is 0 for all)
     * @param now the game time, in hours
     * @param weights how to weigh the parts, and how many to keep
     * @param out where the top k go, best first (cleared first)
     * @param touch whether the recalled memories count as accessed now (recency restarts)
     */
    public void rank(MemoryStream stream, WorldKnowledge knowledge, Array<String> factions, float[] query, double now,
            RetrievalWeights weights, Recall out, boolean touch) {
        out.clear();
        count = 0;
        if (stream != null) {
            for (int i = 0; i < stream.size(); i++) {
                add(stream.get(i), query, now, weights.decayPerHour());
            }
        }
        if (knowledge != null) {
            for (int i = 0; i < knowledge.size(); i++) {
                Memory m = knowledge.get(i);
                if (WorldKnowledge.knows(m, factions)) {
                    add(m, query, now, weights.decayPerHour());
                }
            }
        }
        if (count == 0) {
            return;
        }
        normalise(recency, count);
        normalise(importance, count);
        normalise(relevance, count);
        int k = Math.min(weights.topK(), count);
        out.ensureCapacity(k);
        for (int i = 0; i < count; i++) {
            float score = weights.recency() * recency[i] + weights.importance() * importance[i]
                    + weights.relevance() * relevance[i];
            out.offer(candidates[i], score, k);
        }
        Arrays.fill(candidates, 0, count, null);
        if (touch) {
            for (int i = 0; i < out.size(); i++) {
                Memory m = out.get(i);
                m.lastAccessHours = Math.max(m.lastAccessHours, now);
            }
        }
    }

    private void add(Memory m, float[] query, double now, double decay) {
        if (count == candidates.length) {
            int n = count * 2;
            candidates = Arrays.copyOf(candidates, n);
            recency = Arrays.copyOf(recency, n);
            importance = Arrays.copyOf(importance, n);
            relevance = Arrays.copyOf(relevance, n);
        }
        candidates[count] = m;
        recency[count] = (float) Math.pow(decay, Math.max(0.0, now - m.lastAccessHours));
        importance[count] = m.importance;
        float[] e = m.embedding;
        relevance[count] = query == null || e == null || e.length != query.length ? 0f : dot(e, query);
        count++;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0f;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void normalise(float[] values, int n) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        float range = max - min;
        for (int i = 0; i < n; i++) {
            values[i] = range > 0f ? (values[i] - min) / range : 0f;
        }
    }
}
