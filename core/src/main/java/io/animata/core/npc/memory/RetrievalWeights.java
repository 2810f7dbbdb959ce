package io.animata.core.npc.memory;

/**
 * How memories are ranked when an NPC recalls (the Generative Agents scheme): each candidate's recency (exponential
 * decay per game hour since it was last recalled), importance and relevance (cosine similarity of its embedding to the
 * query's) are min-max normalised over the candidates, and the score is their weighted sum. The top {@link #topK()}
 * are recalled.
 *
 * @param recency weight of recency (>= 0)
 * @param importance weight of importance (>= 0)
 * @param relevance weight of relevance (>= 0)
 * @param decayPerHour recency factor per game hour since last recall, in (0, 1] (Generative Agents: 0.995)
 * @param topK memories recalled, at least 1
 */
public record RetrievalWeights(float recency, float importance, float relevance, double decayPerHour, int topK) {
    /** Equal weights, decay 0.995 per game hour, top 5. */
    public static final RetrievalWeights DEFAULT = new RetrievalWeights(1f, 1f, 1f, 0.995, 5);

    /** Checks the values. */
    public RetrievalWeights {
        if (!(recency >= 0f) || !(importance >= 0f) || !(relevance >= 0f)) {
            throw new IllegalArgumentException("retrieval weights must be >= 0, were recency " + recency
                    + ", importance " + importance + ", relevance " + relevance);
        }
        if (!(decayPerHour > 0.0 && decayPerHour <= 1.0)) {
            throw new IllegalArgumentException("decayPerHour must be in (0, 1], was " + decayPerHour);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
    }

    /** @return these weights with another top-k */
    public RetrievalWeights withTopK(int k) {
        return new RetrievalWeights(recency, importance, relevance, decayPerHour, k);
    }
}
