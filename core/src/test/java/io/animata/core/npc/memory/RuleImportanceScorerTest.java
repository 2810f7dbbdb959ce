package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleImportanceScorerTest {
    private final RuleImportanceScorer scorer = new RuleImportanceScorer("Alex");

    @Test
    void smallTalkIsMundaneAndGiftsThreatsAndThePlayerMatterMore() {
        int chat = scorer.score(MemoryKind.DIALOGUE, "Nice weather today");
        int gift = scorer.score(MemoryKind.DIALOGUE, "Here, a gift for you");
        int threat = scorer.score(MemoryKind.DIALOGUE, "I will kill you");
        int named = scorer.score(MemoryKind.DIALOGUE, "Alex is here");
        assertEquals(2, chat);
        assertEquals(4, gift);
        assertEquals(6, threat);
        assertEquals(4, named);
        assertEquals(10, scorer.score(MemoryKind.OBSERVATION, "Alex threatened to kill my daughter and stole the key!"));
        assertEquals(3, scorer.score(MemoryKind.OBSERVATION, "A cart passed by"));
    }

    @Test
    void wordsMatchAtTheirStartOnly() {
        assertEquals(2, scorer.score(MemoryKind.DIALOGUE, "The skill of the weaver")); // "kill" inside "skill"
        assertEquals(6, scorer.score(MemoryKind.DIALOGUE, "They were killed"));
        assertEquals(2, new RuleImportanceScorer().score(MemoryKind.DIALOGUE, "Alex is here"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void scoresStayWithinOneToTen(long seed) {
        Random random = new Random(seed);
        String[] words = {"kill", "gift", "love", "Alex", "!", "bread", "the", "sword", "secret", "coin"};
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            int s = scorer.score(MemoryKind.values()[random.nextInt(MemoryKind.values().length)], text.toString());
            assertTrue(s >= 1 && s <= 10, text + " scored " + s);
        }
    }
}
