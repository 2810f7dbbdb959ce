package io.animata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HUD numbers read as {@code String.format} writes them, without allocating. */
class HudTextTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 99L})
    void hudNumbersMatchStringFormat(long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(7));
            int decimals = random.nextInt(4);
            sb.setLength(0);
            HudText.appendFixed(sb, value, decimals);
            String expected = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (expected.matches("-0\\.?0*")) {
                expected = expected.substring(1); // no "-0.00" on a HUD
            }
            // String.format rounds half-even on the decimal expansion, Math.round half-up on the binary value
            if (!expected.equals(sb.toString())) {
                double step = Math.pow(10, -decimals);
                assertEquals(Double.parseDouble(expected), Double.parseDouble(sb.toString()), step * 1.001,
                        value + " with " + decimals + " decimals");
            }
        }
    }

    @Test
    void hudNumbersHandleOddValues() {
        assertEquals("12.50", HudText.appendFixed(new StringBuilder(), 12.5, 2).toString());
        assertEquals("0", HudText.appendFixed(new StringBuilder(), 0.2, 0).toString());
        assertEquals("3.05", HudText.appendFixed(new StringBuilder(), 3.049999, 2).toString());
        assertEquals("-", HudText.appendFixed(new StringBuilder(), Double.NaN, 1).toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, Long.MIN_VALUE, 0x0123456789abcdefL, -2043327217307625864L})
    void seedsReadAsSixteenHexDigits(long seed) {
        assertEquals(String.format(Locale.ROOT, "%016x", seed), HudText.appendHex(new StringBuilder(), seed).toString());
    }
}
