package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GbnfGrammar}: the grammar's text, its language against the automaton's, and llama.cpp applying it. */
class GbnfGrammarTest {
    @TempDir
    static Path dir;
    static LlamaCppModel model;

    @BeforeAll
    static void load() {
        Path file = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), TinyLlamaGguf.Config.DEFAULT, 42L, null);
        model = LlamaCppModel.builder().setModelFile(file).optContextLength(256).optParallel(1).optThreads(1).build();
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    /** "yes" or "no", separated by single spaces. */
    static CharAutomaton yesNo() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int s = b.state(false);
        int e = b.state(true);
        b.edge(b.word(s, "ye"), 's', e);
        b.edge(b.word(s, "n"), 'o', e);
        b.edge(e, ' ', s);
        return b.build(s);
    }

    /** Free text (no newlines), then optionally a line {@code ACTION: {"a": "<letters>"}}. */
    static CharAutomaton speechThenAction() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int speech = b.state(true);
        b.otherwise(speech, speech, false);
        int line = b.word(b.word(speech, "\n"), "ACTION: {\"a\": \"");
        int letters = b.state(false);
        for (char c = 'a'; c <= 'z'; c++) {
            b.edge(line, c, letters).edge(letters, c, letters);
        }
        b.edge(b.word(letters, "\""), '}', b.state(true));
        return b.build(speech);
    }

    @Test
    void aSmallAutomatonBecomesOneRulePerStateWithMergedClasses() {
        assertEquals("root ::= [n] s4 | [y] s2\n"
                + "s1 ::= [\\x20] root | \"\"\n"
                + "s2 ::= [e] s3\n"
                + "s3 ::= [s] s1\n"
                + "s4 ::= [o] s1\n", GbnfGrammar.of(yesNo()));
        CharAutomaton.Builder b = CharAutomaton.builder();
        int s = b.state(false);
        int digit = b.state(true);
        for (char c = '0'; c <= '9'; c++) {
            b.edge(s, c, digit);
        }
        b.edge(s, 'x', digit).edge(s, 'y', digit).edge(s, '-', digit).edge(s, ']', digit).edge(s, '\\', digit)
                .edge(s, '"', digit).edge(s, '\u00e9', digit);
        assertEquals("root ::= [\\x22\\x2D0-9\\x5C\\x5Dxy\\xE9] s1\ns1 ::= \"\"\n",
                GbnfGrammar.of(b.build(s)));
    }

    @Test
    void anyOtherCharacterCoversTheBmpWithoutSurrogatesAndTheSupplementaryPlanes() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int text = b.state(true);
        int done = b.state(true);
        b.otherwise(text, text, false).edge(text, '"', done);
        assertEquals("root ::= [\\x20\\x21\\x23-\\uD7FF\\uE000-\\uFFFF\\U00010000-\\U0010FFFF] root | [\\x22] s1"
                + " | \"\"\ns1 ::= \"\"\n", GbnfGrammar.of(b.build(text)));
        CharAutomaton.Builder c = CharAutomaton.builder();
        int any = c.state(true);
        c.otherwise(any, any, true);
        assertEquals("root ::= [\\x00-\\uD7FF\\uE000-\\uFFFF\\U00010000-\\U0010FFFF] root | \"\"\n",
                GbnfGrammar.of(c.build(any)));
    }

    @Test
    void deadStatesAndEdgesIntoThemAreLeftOut() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int s = b.state(false);
        int end = b.state(true);
        int dead = b.state(false);
        b.edge(s, 'a', end).edge(s, 'b', dead).edge(dead, 'c', dead);
        assertEquals("root ::= [a] s1\ns1 ::= \"\"\n", GbnfGrammar.of(b.build(s)));
        CharAutomaton.Builder none = CharAutomaton.builder();
        int only = none.state(false);
        none.edge(only, 'a', only);
        AnimataException e = assertThrows(AnimataException.class, () -> GbnfGrammar.of(none.build(only)));
        assertTrue(e.getMessage().contains("accepts no text"), e.getMessage());
    }

    @Test
    void theCheckFindsWhatLlamaCppWouldIgnore() {
        GbnfGrammar.check(GbnfGrammar.of(speechThenAction()));
        assertTrue(assertThrows(AnimataException.class, () -> GbnfGrammar.check("root ::= [a] s9\n")).getMessage()
                .contains("'s9'"));
        assertTrue(assertThrows(AnimataException.class, () -> GbnfGrammar.check("root ::= [a\n")).getMessage()
                .contains("unclosed"));
        assertTrue(assertThrows(AnimataException.class, () -> GbnfGrammar.check("s1 ::= \"\"\n")).getMessage()
                .contains("no 'root'"));
        assertTrue(assertThrows(AnimataException.class, () -> GbnfGrammar.check("root ::= \"\"\nroot ::= \"\"\n"))
                .getMessage().contains("second time"));
    }

    /** A TextConstraint that is not a CharAutomaton, so that the grammar is made by scanning every char. */
    private static TextConstraint opaque(TextConstraint c) {
        return new TextConstraint() {
            @Override
            public int start() {
                return c.start();
            }

            @Override
            public int next(int state, char ch) {
                return c.next(state, ch);
            }

            @Override
            public boolean canEnd(int state) {
                return c.canEnd(state);
            }

            @Override
            public int stateCount() {
                return c.stateCount();
            }
        };
    }

    private static final char[] ALPHABET = {'a', 'b', 'z', '0', ' ', '"', '\\', ']', '[', '-', '^', '\n', '\t',
        '\u00e9', '\u4e16', '\uffff'};

    static CharAutomaton randomAutomaton(SplittableRandom random) {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int n = random.nextInt(2, 8);
        for (int i = 0; i < n; i++) {
            b.state(random.nextInt(3) == 0);
        }
        for (int s = 0; s < n; s++) {
            for (int k = random.nextInt(0, 5); k > 0; k--) {
                char c = ALPHABET[random.nextInt(ALPHABET.length)];
                if (b.target(s, c) == TextConstraint.REJECT) {
                    b.edge(s, c, random.nextInt(n));
                }
            }
            if (random.nextInt(3) == 0) {
                b.otherwise(s, random.nextInt(n), random.nextBoolean());
            }
        }
        return b.build(0);
    }

    static String randomText(SplittableRandom random) {
        StringBuilder t = new StringBuilder();
        for (int k = random.nextInt(0, 7); k > 0; k--) {
            int pick = random.nextInt(ALPHABET.length + 3);
            if (pick < ALPHABET.length) {
                t.append(ALPHABET[pick]);
            } else if (pick == ALPHABET.length) {
                t.append("\ud83d\ude00"); // a character outside the BMP, as a surrogate pair
            } else if (pick == ALPHABET.length + 1) {
                t.append('\u0001');
            } else {
                t.append('x');
            }
        }
        return t.toString();
    }

    @Test
    void theGrammarAcceptsExactlyTheAutomatonsTextsOnRandomAutomata() {
        SplittableRandom random = new SplittableRandom(20261121L);
        int accepted = 0;
        int checked = 0;
        for (int a = 0; a < 300; a++) {
            CharAutomaton automaton = randomAutomaton(random);
            String grammar;
            try {
                grammar = GbnfGrammar.of(automaton);
            } catch (AnimataException e) {
                continue; // accepts nothing
            }
            assertEquals(grammar, GbnfGrammar.of(opaque(automaton)), "scanning every char gives the same grammar");
            GbnfGrammar.check(grammar);
            Gbnf parsed = Gbnf.parse(grammar);
            for (int k = 0; k < 60; k++) {
                String text = randomText(random);
                int end = automaton.walk(automaton.start(), text);
                boolean expected = end != TextConstraint.REJECT && automaton.canEnd(end);
                assertEquals(expected, parsed.accepts(text), "'" + text + "' in\n" + grammar);
                accepted += expected ? 1 : 0;
                checked++;
            }
        }
        assertTrue(accepted > checked / 50, "some texts are accepted: " + accepted + " of " + checked);
    }

    @Test
    void aLoneSurrogateIsNeverAllowed() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int s = b.state(true);
        b.otherwise(s, s, true);
        Gbnf g = Gbnf.parse(GbnfGrammar.of(b.build(s)));
        assertTrue(g.accepts("a\ud83d\ude00b"));
        assertFalse(g.accepts("a\ud83d"));
        assertFalse(g.accepts("\ude00"));
    }

    @Test
    void llamaCppWritesOnlyTextsOfTheLanguageOverSeedsAndSamplingSettings() {
        SamplingConfig warm = SamplingConfig.builder().optTemperature(1.0f).optTopK(40).optTopP(0.95f).build();
        SamplingConfig hot = SamplingConfig.builder().optTemperature(2.5f).optTopK(0).optTopP(1f)
                .optRepetitionPenalty(1.3f).build();
        SplittableRandom random = new SplittableRandom(7);
        List<TextConstraint> constraints = new ArrayList<>(List.of(yesNo(), speechThenAction()));
        while (constraints.size() < 8) {
            CharAutomaton a = randomAutomaton(random);
            try {
                GbnfGrammar.of(a);
                constraints.add(a);
            } catch (AnimataException e) {
                // accepts nothing: not a request anyone can make
            }
        }
        int ended = 0;
        for (TextConstraint c : constraints) {
            Set<String> texts = new HashSet<>();
            for (SamplingConfig sampling : List.of(SamplingConfig.GREEDY, warm, hot)) {
                for (long seed = 1; seed <= 4; seed++) {
                    GenerationResult r = model.generate(GenerationRequest.prompt("the forge").optMaxTokens(24)
                            .optSampling(sampling).optSeed(seed).optConstraint(c).build(), TextSink.NONE, null);
                    int end = c.walk(c.start(), r.text());
                    String what = "'" + r.text() + "' (" + r.finishReason() + ") for\n" + GbnfGrammar.of(c);
                    assertNotEquals(TextConstraint.REJECT, end, what);
                    if (r.finishReason() == FinishReason.STOP) {
                        assertTrue(c.canEnd(end), "a reply that ended is a whole text of the language: " + what);
                        ended++;
                    }
                    texts.add(r.text());
                }
            }
            assertTrue(texts.size() > 1, "sampling still chooses within the language: " + texts);
        }
        assertTrue(ended > 0, "some replies end where the language lets them");
    }

    /** A recogniser for the GBNF subset {@link GbnfGrammar} writes: rules of {@code [class] rule} and {@code ""}. */
    static final class Gbnf {
        /** Per rule: its classes as code point ranges with their next rule, and whether it may end. */
        private final Map<String, List<Object[]>> rules = new HashMap<>();
        private final Set<String> ends = new HashSet<>();

        static Gbnf parse(String grammar) {
            Gbnf g = new Gbnf();
            for (String line : grammar.split("\n")) {
                int def = line.indexOf(" ::= ");
                String name = line.substring(0, def);
                List<Object[]> alts = new ArrayList<>();
                for (String alt : line.substring(def + 5).split(" \\| ")) {
                    if (alt.equals("\"\"")) {
                        g.ends.add(name);
                        continue;
                    }
                    int close = alt.lastIndexOf("] ");
                    alts.add(new Object[] {ranges(alt.substring(1, close)), alt.substring(close + 2)});
                }
                g.rules.put(name, alts);
            }
            return g;
        }

        private static List<int[]> ranges(String cls) {
            List<Integer> cps = new ArrayList<>();
            List<Boolean> dash = new ArrayList<>();
            for (int i = 0; i < cls.length();) {
                char c = cls.charAt(i);
                if (c == '-') {
                    dash.set(dash.size() - 1, true);
                    i++;
                } else if (c == '\\') {
                    int digits = cls.charAt(i + 1) == 'x' ? 2 : cls.charAt(i + 1) == 'u' ? 4 : 8;
                    cps.add(Integer.parseInt(cls.substring(i + 2, i + 2 + digits), 16));
                    dash.add(false);
                    i += 2 + digits;
                } else {
                    assertTrue(Character.isLetterOrDigit(c) && c < 0x80, "only ASCII letters and digits as they are");
                    cps.add((int) c);
                    dash.add(false);
                    i++;
                }
            }
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < cps.size(); i++) {
                if (dash.get(i)) {
                    out.add(new int[] {cps.get(i), cps.get(i + 1)});
                    i++;
                } else {
                    out.add(new int[] {cps.get(i), cps.get(i)});
                }
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        boolean accepts(String text) {
            String rule = "root";
            for (int i = 0; i < text.length();) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                String next = null;
                for (Object[] alt : rules.get(rule)) {
                    for (int[] r : (List<int[]>) alt[0]) {
                        if (cp >= r[0] && cp <= r[1]) {
                            assertTrue(next == null, "classes of one rule overlap at " + cp);
                            next = (String) alt[1];
                        }
                    }
                }
                if (next == null) {
                    return false;
                }
                rule = next;
            }
            return ends.contains(rule);
        }
    }
}
