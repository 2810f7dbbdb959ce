package io.animata.core.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.animata.runtime.text.ChatRole;
import org.junit.jupiter.api.Test;

class MemoryComponentTest {

    @Test
    void keepsTheMostRecentTurnsOldestFirst() {
        MemoryComponent m = new MemoryComponent().setCapacity(3);
        for (int i = 0; i < 5; i++) {
            m.add(i % 2 == 0 ? ChatRole.USER : ChatRole.ASSISTANT, "t" + i);
        }
        assertEquals(3, m.size());
        assertEquals("t2", m.text(0));
        assertEquals(ChatRole.USER, m.role(0));
        assertEquals("t4", m.text(2));
        assertEquals(2, m.forgotten());
        assertThrows(IndexOutOfBoundsException.class, () -> m.text(3));
    }

    @Test
    void shrinkingKeepsTheNewestAndResetEmpties() {
        MemoryComponent m = new MemoryComponent();
        for (int i = 0; i < 6; i++) {
            m.add(ChatRole.USER, "t" + i);
        }
        m.setCapacity(2);
        assertEquals(2, m.size());
        assertEquals("t4", m.text(0));
        assertEquals(4, m.forgotten());
        m.reset();
        assertEquals(0, m.size());
        assertEquals(MemoryComponent.DEFAULT_CAPACITY, m.capacity());
    }
}
