package io.animata.demo.critters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.demo.DemoWindow;
import org.junit.jupiter.api.Test;

/** The part of the critters window game that needs no GL: the lifecycle before a window exists. */
class CritterGameTest {

    @Test
    void aGameThatNeverOpenedReportsNothingAndDisposesSafely() {
        DemoWindow<CritterReport> game = new CritterGame(CritterSettings.defaults()).optFrameLimit(10);
        assertFalse(game.wasCreated());
        game.dispose();
        game.dispose();
        assertTrue(game.report().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> game.optFrameLimit(-1));
    }
}
