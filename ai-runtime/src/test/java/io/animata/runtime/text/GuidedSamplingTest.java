package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sampler under a token constraint: whatever the logits, only allowed tokens come out. */
class GuidedSamplingTest {
    /** Token 0 ends the text; the others are pieces of text. */
    private static final TokenTexts TEXTS = TokenTexts.of("", "y", "e", "s", "yes", "no", "n", "o", "!", "x", "ye",
            "s!", "maybe");

    private static CharAutomaton yesNo() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int start = b.state(false);
        int end = b.state(true);
        b.edge(b.word(start, "yes"), '!', end);
        b.edge(b.word(start, "no"), '!', end);
        return b.build(start);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomLogitsOnlyEverSpellTheLanguage(long seed) {
        TokenMasks masks = new TokenMasks(yesNo(), TEXTS, new int[] {0});
        SplittableRandom random = new SplittableRandom(seed);
        for (SamplingConfig config : new SamplingConfig[] {SamplingConfig.GREEDY, SamplingConfig.DEFAULT,
                SamplingConfig.builder().optTopK(0).optTopP(1f).optTemperature(2f).build(),
                SamplingConfig.builder().optTopK(0).optTopP(0.5f).build()}) {
            TokenGuide guide = new TokenGuide(masks);
            Sampler sampler = new Sampler(config, seed, guide);
            StringBuilder text = new StringBuilder();
            int[] history = new int[64];
            int n = 0;
            for (int step = 0; step < 20; step++) {
                float[] logits = new float[TEXTS.size()];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) random.nextGaussian() * 4f;
                }
                logits[9] = 50f; // "x" is by far the likeliest and never allowed
                int token = sampler.sample(logits, 0, logits.length, history, n);
                assertTrue(guide.allows(token), "token " + token + " after '" + text + "'");
                guide.advance(token);
                if (token == 0) {
                    break;
                }
                history[n++] = token;
                text.append(TEXTS.text(token));
            }
            assertTrue(text.toString().equals("yes!") || text.toString().equals("no!"), config + ": " + text);
            assertTrue(guide.canEnd());
        }
        assertTrue(masks.computedStates() <= yesNo().stateCount());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void aStateWhereNothingFitsAllowsOnlyTheEnd(long seed) {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int start = b.state(false);
        b.edge(start, 'q', b.state(false)); // no token spells "q"
        TokenMasks masks = new TokenMasks(b.build(start), TEXTS, new int[] {0});
        Sampler sampler = new Sampler(SamplingConfig.DEFAULT, seed, new TokenGuide(masks));
        float[] logits = new float[TEXTS.size()];
        logits[0] = -30f;
        assertEquals(0, sampler.sample(logits, 0, logits.length, null, 0));
    }
}
