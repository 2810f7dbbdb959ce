package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StopStringMatcherTest {

    private static final class Collect implements TextSink {
        final StringBuilder text = new StringBuilder();
        final List<String> pieces = new ArrayList<>();

        @Override
        public void onText(CharSequence piece) {
            text.append(piece);
            pieces.add(piece.toString());
        }
    }

    @Test
    void stopStringSplitOverTokensEndsTheReplyBeforeIt() {
        StopStringMatcher m = new StopStringMatcher(List.of("<|im_end|>"));
        Collect out = new Collect();
        assertFalse(m.accept("Hello", out));
        assertFalse(m.accept(" there<|im", out));
        assertEquals("Hello there", out.text.toString(), "the possible start of the stop string is held back");
        assertTrue(m.accept("_end|> and more", out));
        assertTrue(m.accept("ignored", out));
        m.flush(out);
        assertEquals("Hello there", out.text.toString());
        assertTrue(m.stopped());
    }

    @Test
    void heldBackTextThatTurnsOutNotToBeAStopIsPassedOn() {
        StopStringMatcher m = new StopStringMatcher(List.of("\nUser:"));
        Collect out = new Collect();
        m.accept("Fine.\nUs", out);
        assertEquals("Fine.", out.text.toString());
        m.accept("ually, yes", out);
        assertEquals("Fine.\nUsually, yes", out.text.toString());
        m.accept("\n", out);
        m.flush(out);
        assertEquals("Fine.\nUsually, yes\n", out.text.toString(), "flush passes on the held-back tail");
        assertFalse(m.stopped());
    }

    @Test
    void theEarliestOfSeveralStopStringsWins() {
        StopStringMatcher m = new StopStringMatcher(List.of("END", "ST"));
        Collect out = new Collect();
        assertTrue(m.accept("abcSTxEND", out));
        assertEquals("abc", out.text.toString());
    }

    @Test
    void withoutStopStringsEverythingPassesAtOnce() {
        StopStringMatcher m = new StopStringMatcher(List.of());
        Collect out = new Collect();
        m.accept("a", out);
        m.accept("", out);
        m.accept("b", out);
        assertEquals(List.of("a", "b"), out.pieces);
    }

    /** Any split of a text into pieces gives the same output as the whole text at once. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void outputDoesNotDependOnWhereTokensSplit(long seed) {
        Random random = new Random(seed);
        String alphabet = "ab<|>_\n";
        List<String> stops = List.of("<|a|>", "\nb", "aab");
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = reference(text.toString(), stops);
            StopStringMatcher m = new StopStringMatcher(stops);
            Collect out = new Collect();
            int at = 0;
            while (at < text.length()) {
                int end = Math.min(text.length(), at + 1 + random.nextInt(4));
                m.accept(text.substring(at, end), out);
                at = end;
            }
            m.flush(out);
            assertEquals(expected, out.text.toString(), "text " + text);
        }
    }

    private static String reference(String text, List<String> stops) {
        int cut = text.length();
        for (String s : stops) {
            int at = text.indexOf(s);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return text.substring(0, cut);
    }
}
