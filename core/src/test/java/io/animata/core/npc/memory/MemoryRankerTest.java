package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.utils.Array;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranking on a constructed memory: which part of the score wins, and how the weights change the order. */
class MemoryRankerTest {
    private static final float[] QUERY = {1f, 0f, 0f};
    private static final float[] ORTHOGONAL = {0f, 1f, 0f};

    /**
     * Three memories at hour 100: "relevant" (same direction as the query, 90 hours old, importance 2), "recent"
     * (orthogonal, 1 hour old, importance 2), "important" (orthogonal, 90 hours old, importance 9).
     */
    private static MemoryStream constructed() {
        MemoryStream s = new MemoryStream();
        s.add(MemoryKind.OBSERVATION, "relevant", 10, 2).embedding = QUERY.clone();
        s.add(MemoryKind.EVENT, "important", 10, 9).embedding = ORTHOGONAL.clone();
        s.add(MemoryKind.DIALOGUE, "recent", 99, 2).embedding = ORTHOGONAL.clone();
        return s;
    }

    private static List<String> order(RetrievalWeights w) {
        Recall out = new Recall();
        new MemoryRanker().rank(constructed(), null, new Array<>(), QUERY, 100, w, out, false);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            texts.add(out.get(i).text());
        }
        return texts;
    }

    @Test
    void eachPartAloneRanksItsOwnMemoryFirst() {
        assertEquals("relevant", order(new RetrievalWeights(0f, 0f, 1f, 0.995, 3)).get(0));
        assertEquals("recent", order(new RetrievalWeights(1f, 0f, 0f, 0.995, 3)).get(0));
        assertEquals("important", order(new RetrievalWeights(0f, 1f, 0f, 0.995, 3)).get(0));
    }

    @Test
    void weightsChangeTheOrder() {
        assertEquals(List.of("relevant", "important", "recent"), order(new RetrievalWeights(0.5f, 1f, 3f, 0.995, 3)));
        assertEquals(List.of("important", "relevant", "recent"), order(new RetrievalWeights(0.5f, 3f, 1f, 0.995, 3)));
        assertEquals(List.of("recent", "important", "relevant"), order(new RetrievalWeights(3f, 1f, 0.5f, 0.995, 3)));
    }

    @Test
    void scoresAreTheWeightedSumOfMinMaxNormalisedParts() {
        Recall out = new Recall();
        RetrievalWeights w = new RetrievalWeights(1f, 2f, 4f, 0.9, 3);
        new MemoryRanker().rank(constructed(), null, new Array<>(), QUERY, 100, w, out, false);
        // relevant: recency 0, importance 0, relevance 1 -> 4; important: 0 + 2 + 0; recent: 1 + 0 + 0
        assertEquals("relevant", out.get(0).text());
        assertEquals(4f, out.score(0), 1e-5f);
        assertEquals(2f, out.score(1), 1e-5f);
        assertEquals(1f, out.score(2), 1e-5f);
    }

    @Test
    void topKKeepsTheBestAndRecallTouchesThem() {
        MemoryStream s = constructed();
        Recall out = new Recall();
        new MemoryRanker().rank(s, null, new Array<>(), QUERY, 100, RetrievalWeights.DEFAULT.withTopK(1), out, true);
        assertEquals(1, out.size());
        assertEquals(100.0, out.get(0).lastAccessHours());
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i) != out.get(0)) {
                assertTrue(s.get(i).lastAccessHours() < 100.0);
            }
        }
    }

    @Test
    void aMemoryWithoutEmbeddingRanksByRecencyAndImportanceOnly() {
        MemoryStream s = new MemoryStream();
        s.add(MemoryKind.EVENT, "pending", 99, 9); // no embedding yet
        s.add(MemoryKind.EVENT, "embedded", 10, 2).embedding = QUERY.clone();
        Recall out = new Recall();
        new MemoryRanker().rank(s, null, new Array<>(), QUERY, 100, new RetrievalWeights(0f, 0f, 1f, 0.995, 2), out,
                false);
        assertEquals("embedded", out.get(0).text());
        new MemoryRanker().rank(s, null, new Array<>(), QUERY, 100, RetrievalWeights.DEFAULT, out, false);
        assertEquals("pending", out.get(0).text());
    }

    @Test
    void worldKnowledgeIsRankedBesideMemoriesAndFactionFactsOnlyForTheirFaction() {
        WorldKnowledge world = new WorldKnowledge();
        world.add("the guards' password is heron", "guards", 0, 5).embedding = QUERY.clone();
        world.add("the king is dead", 0, 5).embedding = ORTHOGONAL.clone();
        Recall out = new Recall();
        RetrievalWeights relevance = new RetrievalWeights(0f, 0f, 1f, 0.995, 10);
        new MemoryRanker().rank(constructed(), world, new Array<>(), QUERY, 100, relevance, out, false);
        assertEquals(4, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertTrue(!out.get(i).text().contains("password"));
        }
        Array<String> guards = new Array<>();
        guards.add("guards");
        new MemoryRanker().rank(constructed(), world, guards, QUERY, 100, relevance, out, false);
        assertEquals(5, out.size());
        assertTrue(out.get(0).text().contains("password") || out.get(1).text().contains("password"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theTopKAreTheKHighestScoresOfAFullSort(long seed) {
        Random random = new Random(seed);
        MemoryStream s = new MemoryStream();
        for (int i = 0; i < 300; i++) {
            float[] v = {(float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian()};
            io.animata.runtime.text.embed.Vectors.normalize(v);
            s.add(MemoryKind.OBSERVATION, "m" + i, random.nextDouble() * 100, 1 + random.nextInt(10)).embedding = v;
        }
        RetrievalWeights w = new RetrievalWeights(random.nextFloat(), random.nextFloat(), random.nextFloat(), 0.99, 7);
        Recall all = new Recall();
        Recall top = new Recall();
        MemoryRanker ranker = new MemoryRanker();
        ranker.rank(s, null, new Array<>(), QUERY, 100, w.withTopK(300), all, false);
        ranker.rank(s, null, new Array<>(), QUERY, 100, w, top, false);
        assertEquals(7, top.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(all.score(i), top.score(i), 0f);
            if (i > 0) {
                assertTrue(top.score(i - 1) >= top.score(i));
            }
        }
    }

    @Test
    void rankingAllocatesNothingOnceWarm() {
        MemoryStream s = new MemoryStream();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            float[] v = new float[384];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            io.animata.runtime.text.embed.Vectors.normalize(v);
            s.add(MemoryKind.OBSERVATION, "m" + i, i * 0.1, 1 + random.nextInt(10)).embedding = v;
        }
        float[] query = s.get(3).embedding().clone();
        MemoryRanker ranker = new MemoryRanker();
        Recall out = new Recall();
        Array<String> factions = new Array<>();
        for (int i = 0; i < 200; i++) {
            ranker.rank(s, null, factions, query, 60, RetrievalWeights.DEFAULT, out, true);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        long start = System.nanoTime();
        int rounds = 1000;
        for (int i = 0; i < rounds; i++) {
            ranker.rank(s, null, factions, query, 60, RetrievalWeights.DEFAULT, out, true);
        }
        long nanos = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        System.out.printf("ranking 500 memories of 384 floats: %.1f us%n", nanos / 1e3 / rounds);
        assertTrue(allocated < 1024, "ranking allocated " + allocated + " bytes in " + rounds + " rounds");
        assertEquals(5, out.size());
    }
}
