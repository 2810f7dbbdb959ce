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

    /** The trie walk that builds a mask gives exactly what walking every token's text on its own gives. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void masksFromTheTrieMatchWalkingEveryToken(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "ACTION:{}\" actionyes!";
        String[] texts = new String[400];
        for (int i = 0; i < texts.length; i++) {
            int n = random.nextInt(7); // some empty, some repeated
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts[i] = b.toString();
        }
        texts[5] = texts[6];
        CharAutomaton.Builder b = CharAutomaton.builder();
        String marker = "ACTION:";
        int[] free = new int[marker.length()];
        for (int k = 0; k < free.length; k++) {
            free[k] = b.state(true);
        }
        int open = b.state(false);
        int end = b.state(true);
        for (int k = 0; k < free.length; k++) {
            b.edgeIgnoreCase(free[k], marker.charAt(k), k + 1 < free.length ? free[k + 1] : open);
            if (k > 0) {
                b.edgeIgnoreCase(free[k], 'A', free[1]);
            }
            b.otherwise(free[k], free[0], true);
        }
        b.edge(b.word(open, "{\"action\""), '}', end);
        CharAutomaton automaton = b.build(free[0]);
        TokenTexts vocabulary = TokenTexts.of(texts);
        TokenMasks masks = new TokenMasks(automaton, vocabulary, new int[] {3});
        for (int state = 0; state < automaton.stateCount(); state++) {
            long[] mask = masks.mask(state);
            boolean stuck = !anyAllowed(automaton, state, texts);
            for (int t = 0; t < texts.length; t++) {
                boolean expected = t == 3 ? automaton.canEnd(state) || stuck
                        : !texts[t].isEmpty() && automaton.walk(state, texts[t]) != TextConstraint.REJECT;
                assertEquals(expected, (mask[t >>> 6] >>> t & 1L) != 0,
                        "state " + state + ", token " + t + " '" + texts[t] + "'");
            }
        }
    }

    private static boolean anyAllowed(CharAutomaton a, int state, String[] texts) {
        for (int t = 0; t < texts.length; t++) {
            if (t == 3 ? a.canEnd(state) : !texts[t].isEmpty() && a.walk(state, texts[t]) != TextConstraint.REJECT) {
                return true;
            }
        }
        return false;
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
