package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryStreamTest {

    private static List<String> texts(MemoryStream s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.get(i).text());
        }
        return out;
    }

    @Test
    void aFullStreamForgetsTheLeastImportantOldestFirstAndSparesReflections() {
        MemoryStream s = new MemoryStream();
        s.setCapacity(4);
        s.add(MemoryKind.EVENT, "a", 1, 5);
        s.addReflection("insight", 2, 1, new long[] {1});
        s.add(MemoryKind.EVENT, "b", 3, 2);
        s.add(MemoryKind.EVENT, "c", 4, 2);
        s.add(MemoryKind.EVENT, "d", 5, 1); // full: "b" (2, older than "c") goes; "d" itself is never the one
        assertEquals(List.of("a", "insight", "c", "d"), texts(s));
        s.add(MemoryKind.EVENT, "e", 6, 9);
        assertEquals(List.of("a", "insight", "c", "e"), texts(s));
        assertEquals(2, s.forgotten());
        assertEquals(4, s.waitingForEmbedding().size(), "forgotten memories are not embedded");
        s.setCapacity(2);
        assertEquals(List.of("insight", "e"), texts(s));
        assertThrows(IllegalArgumentException.class, () -> s.setCapacity(1));
    }

    @Test
    void importanceSinceReflectionCountsAllButReflectionsAndRescoringAdjustsIt() {
        MemoryStream s = new MemoryStream();
        Memory m = s.add(MemoryKind.OBSERVATION, "a", 1, 3);
        s.add(MemoryKind.EVENT, "b", 1, 4);
        s.addReflection("r", 2, 9, new long[] {1, 2});
        assertEquals(7, s.importanceSinceReflection());
        s.rescore(m, 8);
        assertEquals(12, s.importanceSinceReflection());
        assertEquals(2.0, s.lastReflectionHours());
        assertThrows(IllegalArgumentException.class, () -> s.add(MemoryKind.REFLECTION, "x", 1, 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void findLocatesEveryMemoryByIdAfterForgetting(long seed) {
        Random random = new Random(seed);
        MemoryStream s = new MemoryStream();
        s.setCapacity(50);
        List<Memory> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(s.add(MemoryKind.EVENT, "m" + i, i, 1 + random.nextInt(10)));
        }
        assertEquals(50, s.size());
        int found = 0;
        for (Memory m : all) {
            Memory f = s.find(m.id());
            if (f != null) {
                assertSame(m, f);
                found++;
            }
        }
        assertEquals(50, found);
        assertNull(s.find(10_000));
    }
}
