package io.animata.core.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowExecutorTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void everyRowRunsExactlyOnce(int threads) {
        try (RowExecutor rows = RowExecutor.create(threads)) {
            for (int height : new int[] {0, 1, 2, 7, 513}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, height));
                rows.forEachRow(height, runs::incrementAndGet);
                for (int y = 0; y < height; y++) {
                    assertEquals(1, runs.get(y), "row " + y + " of " + height);
                }
            }
            assertEquals(threads, rows.parallelism());
        }
    }

    @Test
    void aRowsFailureReachesTheCaller() {
        try (RowExecutor rows = RowExecutor.create(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rows.forEachRow(100, y -> {
                if (y == 57) {
                    throw new IllegalStateException("row 57 broke");
                }
            }));
            assertEquals("row 57 broke", e.getMessage());
        }
    }

    @Test
    void closingTwiceIsFineAndAClosedExecutorRefusesWork() {
        RowExecutor rows = RowExecutor.create(2);
        rows.close();
        rows.close();
        assertThrows(IllegalStateException.class, () -> rows.forEachRow(10, y -> { }));
        assertThrows(IllegalArgumentException.class, () -> RowExecutor.create(0));
    }
}
