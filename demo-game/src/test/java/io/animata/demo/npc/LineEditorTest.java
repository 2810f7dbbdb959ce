package io.animata.demo.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The typing state machine: open, type, backspace, send, cancel, and the opening key's character. */
class LineEditorTest {

    @Test
    void typingOnlyHappensWhileOpenAndEnterSendsTheTrimmedLine() {
        LineEditor editor = new LineEditor();
        assertFalse(editor.type('x'), "closed: nothing is typed");
        assertEquals("", editor.submit());

        assertTrue(editor.open(2, 't'));
        assertTrue(editor.isOpen());
        assertEquals(2, editor.target());
        assertFalse(editor.type('t'), "the T that opened the line is not typed");
        for (char c : " Hi there ".toCharArray()) {
            editor.type(c);
        }
        assertEquals(" Hi there ", editor.text().toString());
        assertEquals("Hi there", editor.submit());
        assertFalse(editor.isOpen());
        assertEquals("", editor.text().toString());
        assertEquals(2, editor.target(), "the target is kept for the caller");
    }

    @Test
    void onlyTheFirstCharacterAfterOpeningIsDropped() {
        LineEditor editor = new LineEditor();
        editor.open(0, 't');
        assertTrue(editor.type('W'), "another first character is typed");
        assertTrue(editor.type('t'));
        assertEquals("Wt", editor.text().toString());

        LineEditor enter = new LineEditor();
        enter.open(0, (char) 0);
        assertTrue(enter.type('t'), "Enter opens without dropping anything");
        assertEquals("t", enter.text().toString());
    }

    @Test
    void escCancelsWithoutSayingAnythingAndTheNextLineStartsEmpty() {
        LineEditor editor = new LineEditor();
        editor.open(1, 't');
        editor.type('x');
        editor.type('y');
        editor.cancel();
        assertFalse(editor.isOpen());
        assertEquals("", editor.submit(), "nothing to send once cancelled");
        assertTrue(editor.open(1, (char) 0));
        assertEquals("", editor.text().toString());
        assertFalse(editor.open(0, (char) 0), "a line already open stays open");
        assertEquals(1, editor.target());
    }

    @Test
    void backspaceControlCharactersAndTheLengthLimit() {
        LineEditor editor = new LineEditor();
        editor.open(0, (char) 0);
        assertFalse(editor.backspace(), "nothing to remove");
        editor.type('a');
        editor.type('b');
        assertTrue(editor.backspace());
        assertEquals("a", editor.text().toString());
        assertFalse(editor.type('\r'));
        assertFalse(editor.type('\b'));
        assertFalse(editor.type((char) 27));
        assertEquals("a", editor.text().toString());
        for (int i = 0; i < LineEditor.MAX_LENGTH + 10; i++) {
            editor.type('z');
        }
        assertEquals(LineEditor.MAX_LENGTH, editor.text().length());
        assertEquals("", blankSubmit());
        assertThrows(IllegalArgumentException.class, () -> new LineEditor().open(-1, 't'));
    }

    private static String blankSubmit() {
        LineEditor editor = new LineEditor();
        editor.open(0, (char) 0);
        editor.type(' ');
        editor.type(' ');
        return editor.submit();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 4L})
    void randomKeysKeepTheTextEqualToAPlainModel(long seed) {
        Random random = new Random(seed);
        LineEditor editor = new LineEditor();
        StringBuilder model = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < 2000; i++) {
            int op = random.nextInt(10);
            if (op == 0) {
                boolean opened = editor.open(random.nextInt(5), (char) 0);
                assertEquals(!open, opened);
                if (opened) {
                    model.setLength(0);
                }
                open = true;
            } else if (op == 1) {
                assertEquals(open ? model.toString().strip() : "", editor.submit());
                model.setLength(0);
                open = false;
            } else if (op == 2) {
                editor.cancel();
                model.setLength(0);
                open = false;
            } else if (op == 3) {
                editor.backspace();
                if (open && model.length() > 0) {
                    model.setLength(model.length() - 1);
                }
            } else {
                char c = (char) (random.nextInt(40) == 0 ? 10 : 32 + random.nextInt(95));
                editor.type(c);
                if (open && c >= 32 && model.length() < LineEditor.MAX_LENGTH) {
                    model.append(c);
                }
            }
            assertEquals(open, editor.isOpen());
            assertEquals(open ? model.toString() : "", editor.text().toString());
        }
    }
}
