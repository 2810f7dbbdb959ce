package io.animata.demo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MenuLayoutTest {

    @Test
    void eachRowsMiddleIsThatRowAndOutsideIsNone() {
        MenuLayout layout = new MenuLayout();
        assertEquals(-1, layout.itemAt(0f, 0f), "not laid out yet");
        layout.update(1280f, 720f, 6, 400f, 50f, 80f);
        assertEquals(380f, layout.height());
        assertEquals(550f, layout.top());
        assertEquals(440f, layout.rowLeft());
        for (int row = 0; row < 6; row++) {
            assertEquals(row, layout.itemAt(640f, layout.rowBottom(row) + 25f));
            assertEquals(row, layout.itemAt(441f, layout.rowBottom(row) + 1f));
        }
        assertEquals(-1, layout.itemAt(640f, layout.top() - 10f), "the heading");
        assertEquals(-1, layout.itemAt(640f, layout.rowBottom(5) - 1f), "below the last row");
        assertEquals(-1, layout.itemAt(439f, layout.rowBottom(0) + 25f), "left of the rows");
        assertEquals(-1, layout.itemAt(840f, layout.rowBottom(0) + 25f), "right of the rows");
        assertThrows(IllegalArgumentException.class, () -> layout.update(10f, 10f, 2, 0f, 10f, 0f));
    }
}
