package io.animata.core.npc.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineSentimentTest {
    private final LineSentiment sentiment = RelationRules.defaults().sentiment();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thank you, friend. Your blades are wonderful.|1|false",
        "Please, could you help me?|1|false",
        "You stupid old fool.|-1|false",
        "Open the door or I will kill you.|-1|true",
        "I won't hurt you, I promise.|1|false",
        "You are not kind.|-1|false",
        "Where is the door?|0|false",
        "THANKS!!!|1|false",
    })
    void readsTheToneOfALine(String line, int sign, boolean threat) {
        LineSentiment.Reading r = sentiment.read(line);
        if (sign == 0) {
            assertEquals(0f, r.score(), 1e-6, line);
        } else {
            assertEquals(sign, (int) Math.signum(r.score()), line + " read " + r.score());
            assertTrue(Math.abs(r.score()) >= RelationRules.defaults().sentimentThreshold(), line + " read " + r);
        }
        assertEquals(threat, r.threat(), line);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3"})
    void scoresStayWithinMinusOneAndOne(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] words = {"thanks", "idiot", "please", "hate", "not", "door", "kill", "friend", "love", "scum"};
        for (int i = 0; i < 200; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = random.nextInt(30); w >= 0; w--) {
                line.append(words[random.nextInt(words.length)]).append(' ');
            }
            float s = sentiment.read(line).score();
            assertTrue(s >= -1 && s <= 1, line + " -> " + s);
        }
        assertFalse(sentiment.read("").threat());
    }
}
