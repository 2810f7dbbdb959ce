package io.animata.core.npc.memory;

import java.util.Arrays;

/**
 * The memories an NPC recalled, best first, with their scores: the output of {@link MemoryRanker#rank}, reused from
 * one recall to the next (so ranking allocates nothing once it has grown to the largest top-k).
 *
 * <p>Data. Threading: game thread.
 */
public final class Recall {
    private Memory[] memories = new Memory[8];
    private float[] scores = new float[8];
    private int size;

    /** @return memories recalled */
    public int size() {
        return size;
    }

    /** @return recalled memory {@code i}, best first */
    public Memory get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("recalled memory " + i + " of " + size);
        }
        return memories[i];
    }

    /** @return the score of recalled memory {@code i} (weighted sum of normalised parts) */
    public float score(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("recalled memory " + i + " of " + size);
        }
        return scores[i];
    }

    /** Forgets the recalled memories. */
    public void clear() {
        Arrays.fill(memories, 0, size, null);
        size = 0;
    }

    void ensureCapacity(int k) {
        if (memories.length < k) {
            memories = Arrays.copyOf(memories, k);
            scores = Arrays.copyOf(scores, k);
        }
    }

    /** Inserts in score order, keeping at most {@code k}. */
    void offer(Memory m, float score, int k) {
        if (size == k && score <= scores[size - 1]) {
            return;
        }
        int at = size < k ? size++ : size - 1;
        while (at > 0 && scores[at - 1] < score) {
            memories[at] = memories[at - 1];
            scores[at] = scores[at - 1];
            at--;
        }
        memories[at] = m;
        scores[at] = score;
    }
}
