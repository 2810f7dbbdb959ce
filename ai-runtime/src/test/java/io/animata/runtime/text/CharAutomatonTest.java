package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CharAutomatonTest {

    /** "yes" or "no", then the end; or a quoted string of anything but quotes. */
    private static CharAutomaton yesNoOrQuoted() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int start = b.state(false);
        int end = b.state(true);
        b.edge(b.word(start, "yes"), '!', end);
        b.edge(b.word(start, "no"), '!', end);
        int open = b.state(false);
        b.edge(start, '"', open);
        b.otherwise(open, open, false);
        b.edge(open, '"', end);
        return b.build(start);
    }

    @Test
    void acceptsItsLanguageAndRefusesTheRest() {
        CharAutomaton a = yesNoOrQuoted();
        for (String ok : new String[] {"yes!", "no!", "\"\"", "\"anything at all {}\""}) {
            int s = a.walk(a.start(), ok);
            assertTrue(s != TextConstraint.REJECT && a.canEnd(s), ok);
        }
        for (String bad : new String[] {"ye!", "yes", "maybe", "no!!", "\"two\nlines\""}) {
            int s = a.walk(a.start(), bad);
            assertFalse(s != TextConstraint.REJECT && a.canEnd(s), bad);
        }
        assertEquals(TextConstraint.REJECT, a.next(a.start(), 'x'));
        assertFalse(a.canEnd(a.start()));
    }

    @Test
    void wordsShareTheirPrefix() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int start = b.state(false);
        int give = b.word(start, "give");
        int giveItem = b.word(start, "give_item");
        assertEquals(give, b.word(start, "give"), "the same word ends in the same state");
        assertEquals(giveItem, b.word(give, "_item"));
        assertEquals(1 + 9, b.stateCount(), "give_item's path reuses give's four states");
    }

    @Test
    void refusesANonDeterministicEdgeAndUnknownStates() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int s = b.state(false);
        int t = b.state(true);
        int u = b.state(true);
        b.edge(s, 'a', t);
        b.edge(s, 'a', t); // the same edge again is fine
        assertThrows(IllegalArgumentException.class, () -> b.edge(s, 'a', u));
        assertThrows(IllegalArgumentException.class, () -> b.edge(s, 'b', 7));
        assertThrows(IllegalArgumentException.class, () -> b.build(9));
    }

    @Test
    void ignoreCaseEdgesTakeBothCasesAndControlCharactersNeedLeave() {
        CharAutomaton.Builder b = CharAutomaton.builder();
        int s = b.state(true);
        int t = b.state(true);
        b.edgeIgnoreCase(s, 'a', t).edgeIgnoreCase(s, ':', t);
        b.otherwise(t, t, false);
        CharAutomaton a = b.build(s);
        assertEquals(t, a.next(s, 'a'));
        assertEquals(t, a.next(s, 'A'));
        assertEquals(t, a.next(s, ':'));
        assertEquals(t, a.next(t, 'z'));
        assertEquals(TextConstraint.REJECT, a.next(t, '\n'));
    }
}
