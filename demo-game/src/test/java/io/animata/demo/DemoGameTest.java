package io.animata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The part of the window game that needs no GL: the lifecycle before a window exists. */
class DemoGameTest {

    @Test
    void aGameThatNeverOpenedReportsNothingAndDisposesSafely() {
        DemoWindow<DemoReport> game = new DemoGame(DemoSettings.defaults()).optFrameLimit(10);
        assertFalse(game.wasCreated());
        assertEquals(0, game.renderedFrames());
        game.dispose();
        game.dispose();
        assertTrue(game.report().isEmpty());
        assertFalse(game.screenshotWritten());
        assertThrows(IllegalArgumentException.class, () -> game.optFrameLimit(-1));
    }
}
