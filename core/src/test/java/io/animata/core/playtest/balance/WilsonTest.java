package io.animata.core.playtest.balance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wilson intervals against published and hand-computed values. */
class WilsonTest {

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3 (z = 1.96). */
    @ParameterizedTest
    @CsvSource({
        "81, 263, 0.2553, 0.3662",
        "15, 148, 0.0624, 0.1605",
        "0, 20, 0.0000, 0.1611",
        "1, 29, 0.0061, 0.1718",
    })
    void matchesNewcombesTable(double successes, double n, double lower, double upper) {
        double[] ci = Wilson.interval(successes, n, 1.96);
        assertEquals(lower, ci[0], 1e-4);
        assertEquals(upper, ci[1], 1e-4);
    }

    @Test
    void eightOfTenByHand() {
        // p = 0.8, z^2 = 3.8416, 1 + z^2/n = 1.38416; centre = (0.8 + 0.19208) / 1.38416 = 0.716738
        // half = 1.96 / 1.38416 * sqrt(0.016 + 0.009604) = 0.226581
        double[] ci = Wilson.interval(8, 10, 1.96);
        assertEquals(0.716738 - 0.226581, ci[0], 1e-6);
        assertEquals(0.716738 + 0.226581, ci[1], 1e-6);
    }

    @Test
    void drawsCountAsHalvesAndTheIntervalStaysInside() {
        double[] ci = Wilson.interval(5.5, 10, 1.96);
        assertEquals(0.273666, ci[0], 1e-6);
        assertEquals(0.798580, ci[1], 1e-6);
        double[] all = Wilson.interval95(50, 50);
        assertTrue(all[0] > 0.9 && all[1] == 1.0);
        assertArrayEquals(new double[] {0.0, 1.0}, Wilson.interval95(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval95(11, 10));
    }
}
