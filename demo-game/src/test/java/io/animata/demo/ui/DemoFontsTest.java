package io.animata.demo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DemoFontsTest {

    @Test
    void theTextScaleIsAWholeNumberThatGrowsWithTheWindowAndNeverDropsBelowOne() {
        assertEquals(1, DemoFonts.unit(0f));
        assertEquals(1, DemoFonts.unit(480f));
        assertEquals(1, DemoFonts.unit(719f));
        assertEquals(2, DemoFonts.unit(720f));
        assertEquals(3, DemoFonts.unit(1080f));
        assertEquals(4, DemoFonts.unit(1440f));
        assertEquals(6, DemoFonts.unit(2160f));
    }
}
