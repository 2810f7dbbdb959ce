package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Crash signatures: the exception class and the top frames, nothing else. */
class CrashLogTest {
    private static RuntimeException thrownHere(String message) {
        return new IllegalStateException(message);
    }

    private static RuntimeException thrownThere(String message) {
        return new IllegalStateException(message);
    }

    @Test
    void theSameCodePathIsOneSignatureWhateverTheMessage() {
        CrashLog log = new CrashLog();
        for (int i = 0; i < 3; i++) {
            log.record(thrownHere("tick " + i), 10 + i, 1f, 2f, 5);
        }
        log.record(thrownThere("elsewhere"), 20, 3f, 4f, 6);
        List<BotResult.Crash> crashes = log.crashes();
        assertEquals(2, crashes.size());
        assertEquals(3, crashes.get(0).count());
        assertEquals(10, crashes.get(0).tick());
        assertEquals("tick 0", crashes.get(0).message());
        assertEquals(1, crashes.get(1).count());
        assertNotEquals(crashes.get(0).signature(), crashes.get(1).signature());
        assertEquals(12, crashes.get(0).signature().length());
    }

    @Test
    void signaturesAreStableStrings() {
        String[] texts = new String[2];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = CrashLog.signatureText(thrownHere("message " + i));
        }
        String text = texts[0];
        assertEquals(text, texts[1]);
        assertEquals(CrashLog.shortId(text), CrashLog.shortId(text));
        assertEquals("java.lang.IllegalStateException", text.substring(0, text.indexOf(' ')));
    }
}
