package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.embed.MiniLmEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recall with the real all-MiniLM-L6-v2 embeddings: meaning, not shared words, decides relevance. */
class MiniLmMemoryTest {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load(OnnxSessionConfig.DEFAULT);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void aQuestionAboutWeaponsRecallsTheBlacksmithsSwordFirst() {
        ScriptedLanguageModel model = ScriptedLanguageModel.builder().setReplies(r -> "Mira, at the forge.").build();
        // relevance only, so the equal importance and age of the memories cannot decide
        try (MindFixture f = new MindFixture(model, embedder, b -> b.optWeights(
                new RetrievalWeights(0f, 0f, 1f, 0.995, 3)))) {
            Entity tom = f.npc("tom");
            f.memory.event(tom, "It rained all afternoon", 3);
            f.memory.event(tom, "The blacksmith forged a sword", 3);
            f.memory.event(tom, "The baker's cat had kittens", 3);
            f.memory.event(tom, "Fresh bread was sold at the market", 3);
            f.settle(tom, 20);
            f.memory.say(tom, "Who makes weapons?");
            f.untilReplied(tom, 100);
            Recall recall = MindFixture.mind(tom).recall();
            assertEquals("The blacksmith forged a sword", recall.get(0).text());
            assertTrue(recall.score(0) > recall.score(1));
        }
    }
}
