package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.utils.Array;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.embed.MiniLmEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The figures in the README: all-MiniLM-L6-v2's load time, embedding time per text one at a time and in batches of
 * 16, and recall over 500 memories (copying the candidates on the game thread, scoring them on the worker). Prints a
 * RESULT line. Run with {@code -Pslow}.
 */
@Tag("slow")
class MemoryTimingsTest {
    private static final String[] SUBJECTS = {"The blacksmith", "Tom", "A guard", "The player", "A merchant", "Mira"};
    private static final String[] VERBS = {"forged", "sold", "stole", "found", "lost", "repaired", "gave away"};
    private static final String[] OBJECTS = {"a sword near the old mill", "the key to the cellar", "three loaves of "
            + "bread", "a ruby ring", "the bridge rope", "a lantern at the gate", "a barrel of apples"};

    private static String sentence(Random random) {
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                + OBJECTS[random.nextInt(OBJECTS.length)] + " on day " + (1 + random.nextInt(30)) + ".";
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    @Test
    void loadEmbedAndRecallTimes() {
        Random random = new Random(42);
        long start = System.nanoTime();
        MiniLmEmbedder embedder = MiniLmEmbedder.load(OnnxSessionConfig.DEFAULT);
        double loadMs = (System.nanoTime() - start) / 1e6;
        try {
            for (int i = 0; i < 5; i++) {
                embedder.embed(List.of(sentence(random)));
                embedder.embed(List.of(sentence(random), sentence(random)));
            }
            int rounds = 7;
            int batch = 16;
            double[] single = new double[rounds];
            double[] batched = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    texts.add(sentence(random));
                }
                long t0 = System.nanoTime();
                for (String t : texts) {
                    embedder.embed(List.of(t));
                }
                single[r] = (System.nanoTime() - t0) / 1e6 / batch;
                long t1 = System.nanoTime();
                embedder.embed(texts);
                batched[r] = (System.nanoTime() - t1) / 1e6 / batch;
            }

            MemoryStream stream = new MemoryStream();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                texts.add(sentence(random));
            }
            for (int from = 0; from < texts.size(); from += 32) {
                List<String> chunk = texts.subList(from, Math.min(texts.size(), from + 32));
                float[][] v = embedder.embed(chunk);
                for (int i = 0; i < chunk.size(); i++) {
                    stream.add(MemoryKind.OBSERVATION, chunk.get(i), (from + i) * 0.1, 1 + random.nextInt(10))
                            .embedding = v[i];
                }
            }
            float[] query = embedder.embed(List.of("Who makes weapons?"))[0];
            MemoryRanker.Candidates candidates = new MemoryRanker.Candidates();
            Recall recall = new Recall();
            Array<String> factions = new Array<>();
            int reps = 2000;
            double[] gather = new double[9];
            double[] score = new double[9];
            for (int r = 0; r < gather.length; r++) {
                long g = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    MemoryRanker.gather(stream, null, factions, candidates);
                }
                gather[r] = (System.nanoTime() - g) / 1e3 / reps;
                long s = System.nanoTime();
                for (int i = 0; i < reps / 4; i++) {
                    MemoryRanker.score(candidates, query, 60.0, RetrievalWeights.DEFAULT);
                }
                score[r] = (System.nanoTime() - s) / 1e3 / (reps / 4);
            }
            MemoryRanker.deliver(candidates, recall, 60.0, false);
            assertEquals(5, recall.size());
            assertEquals(500, candidates.count());

            double singleMs = median(single);
            double batchedMs = median(batched);
            System.out.printf(Locale.ROOT, "RESULT embedder_load_ms=%.0f embed_single_ms_per_text=%.2f "
                    + "embed_batched16_ms_per_text=%.2f recall500_gather_us=%.1f recall500_score_us=%.1f cores=%d%n",
                    loadMs, singleMs, batchedMs, median(gather), median(score),
                    Runtime.getRuntime().availableProcessors());
            assertTrue(batchedMs < singleMs, "a batch of 16 should cost less per text than one at a time: "
                    + batchedMs + " vs " + singleMs + " ms");
        } finally {
            embedder.close();
        }
        embedder.close(); // idempotent
        AnimataException closed = assertThrows(AnimataException.class, () -> embedder.embed(List.of("hello")));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
