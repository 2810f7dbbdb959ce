package io.animata.runtime.text.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.animata.runtime.onnx.OnnxRuntimeLibrary;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        embedder = MiniLmEmbedder.load(OnnxSessionConfig.DEFAULT);
        System.out.printf("all-MiniLM-L6-v2 loaded in %.0f ms on %s%n", (System.nanoTime() - start) / 1e6,
                embedder.device());
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsHaveUnitLengthAndTheModelsSize() {
        float[][] v = embedder.embed(List.of("The guard keeps the gate.", "A short one", ""));
        assertEquals(3, v.length);
        for (float[] x : v) {
            assertEquals(MiniLmEmbedder.DIMENSIONS, x.length);
            assertEquals(1.0, Vectors.dot(x, x), 1e-4);
        }
    }

    @Test
    void aRelatedSentenceRanksAboveUnrelatedOnes() {
        float[][] v = embedder.embed(List.of("who makes weapons?", "the blacksmith forged a sword", "it rained",
                "the baker sold bread at the market", "a cat slept by the fire"));
        float related = Vectors.dot(v[0], v[1]);
        for (int i = 2; i < v.length; i++) {
            assertTrue(related > Vectors.dot(v[0], v[i]) + 0.1f,
                    "sword " + related + " vs text " + i + " " + Vectors.dot(v[0], v[i]));
        }
    }

    @Test
    void aBatchGivesTheSameVectorsAsOneTextAtATime() {
        List<String> texts = List.of("the blacksmith forged a sword",
                "Tom gave the player a loaf of bread because they helped him carry flour to the mill",
                "it rained");
        float[][] batched = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embed(List.of(texts.get(i)))[0];
            assertEquals(1.0, Vectors.dot(single, batched[i]), 1e-5, texts.get(i));
        }
    }

    @Test
    void sameVectorsAsLangchain4jsOwnModel() {
        OnnxRuntimeLibrary.environment();
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        List<String> texts = List.of("the blacksmith forged a sword", "Who makes weapons in this village?");
        float[][] ours = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = reference.embed(texts.get(i)).content().vector();
            assertEquals(1.0, Vectors.cosine(theirs, ours[i]), 1e-5, texts.get(i));
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> embedder.embed(List.of()));
        assertThrows(IllegalArgumentException.class, () -> embedder.embed(java.util.Arrays.asList("a", null)));
    }

}
