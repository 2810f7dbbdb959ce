package io.animata.core.playtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stuck detector on scripted motion. */
class StuckDetectorTest {

    /** @return the tick (from 0) of the first detection, or -1 */
    private static int firstDetection(StuckDetector d, float[] xs, float[] ys, boolean[] pushed) {
        for (int t = 0; t < xs.length; t++) {
            if (d.update(xs[t], ys[t], pushed[t])) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void aBodyThatPushesAndStaysPutIsStuckWhenTheWindowIsFull() {
        StuckDetector d = new StuckDetector(10, 0.25f, 0.8f);
        float[] xs = new float[30];
        float[] ys = new float[30];
        boolean[] pushed = new boolean[30];
        for (int t = 0; t < 30; t++) {
            xs[t] = t < 5 ? t * 0.3f : 1.5f + 0.01f * (t % 2);  // moves, then jitters by a centimetre
            ys[t] = 2f;
            pushed[t] = true;
        }
        // positions 4..13 are the first full window within 0.25 m of the latest? 4 is at 1.2, so 5..14: tick 14
        assertEquals(14, firstDetection(d, xs, ys, pushed));
        // the window starts over: the next detection is a full window later
        int next = -1;
        for (int t = 15; t < 30; t++) {
            if (d.update(xs[t], ys[t], true)) {
                next = t;
                break;
            }
        }
        assertEquals(24, next);
    }

    @Test
    void aBodyThatMovesIsNeverStuck() {
        StuckDetector d = new StuckDetector(10, 0.25f, 0.8f);
        for (int t = 0; t < 1000; t++) {
            // a slow circle of radius 1 m: 0.1 m per tick
            assertFalse(d.update((float) Math.cos(t * 0.1), (float) Math.sin(t * 0.1), true), "tick " + t);
        }
    }

    @Test
    void aBodyNobodyPushesIsNotStuck() {
        StuckDetector d = new StuckDetector(10, 0.25f, 0.8f);
        for (int t = 0; t < 100; t++) {
            // pushed on 7 of every 10 ticks: under the 80 % needed
            assertFalse(d.update(3f, 3f, t % 10 < 7), "tick " + t);
        }
        StuckDetector idle = new StuckDetector(10, 0.25f, 0.8f);
        for (int t = 0; t < 100; t++) {
            assertFalse(idle.update(3f, 3f, false));
        }
    }

    @Test
    void exactlyTheActingShareCounts() {
        StuckDetector d = new StuckDetector(10, 0.25f, 0.8f);
        int detected = -1;
        for (int t = 0; t < 20 && detected < 0; t++) {
            if (d.update(3f, 3f, t % 5 != 0)) { // 8 of every 10 ticks
                detected = t;
            }
        }
        assertEquals(9, detected);
    }

    @Test
    void oscillatingWiderThanEpsilonIsNotStuckButInsideIs() {
        StuckDetector wide = new StuckDetector(10, 0.25f, 0.8f);
        StuckDetector narrow = new StuckDetector(10, 0.25f, 0.8f);
        int narrowAt = -1;
        for (int t = 0; t < 40; t++) {
            float swing = t % 2 == 0 ? 0f : 1f;
            assertFalse(wide.update(5f + 0.3f * swing, 5f, true), "tick " + t);
            if (narrow.update(5f + 0.2f * swing, 5f, true) && narrowAt < 0) {
                narrowAt = t;
            }
        }
        assertEquals(9, narrowAt);
    }

    @Test
    void resetForgetsTheWindow() {
        StuckDetector d = new StuckDetector(5, 0.25f, 1f);
        for (int t = 0; t < 4; t++) {
            assertFalse(d.update(0f, 0f, true));
        }
        d.reset();
        for (int t = 0; t < 4; t++) {
            assertFalse(d.update(0f, 0f, true));
        }
        assertEquals(true, d.update(0f, 0f, true));
    }

    /** On seeded random walks it agrees with checking every window by brute force. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void agreesWithABruteForceCheck(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int window = 8;
        StuckDetector d = new StuckDetector(window, 0.25f, 0.75f);
        int n = 400;
        float[] xs = new float[n];
        float[] ys = new float[n];
        boolean[] pushed = new boolean[n];
        float x = 0;
        float y = 0;
        int since = 0;
        for (int t = 0; t < n; t++) {
            x += (float) (random.nextDouble() - 0.5) * 0.12f;
            y += (float) (random.nextDouble() - 0.5) * 0.12f;
            xs[t] = x;
            ys[t] = y;
            pushed[t] = random.nextInt(10) < 9;
            boolean got = d.update(x, y, pushed[t]);
            since++;
            boolean expected = false;
            if (since >= window) {
                int acting = 0;
                boolean inside = true;
                for (int k = t - window + 1; k <= t; k++) {
                    acting += pushed[k] ? 1 : 0;
                    float dx = xs[k] - x;
                    float dy = ys[k] - y;
                    inside &= dx * dx + dy * dy <= 0.25f * 0.25f;
                }
                expected = inside && acting >= 6;
            }
            assertEquals(expected, got, "tick " + t);
            if (got) {
                since = 0;
            }
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new StuckDetector(1, 0.25f, 0.8f));
        assertThrows(IllegalArgumentException.class, () -> new StuckDetector(5, 0f, 0.8f));
        assertThrows(IllegalArgumentException.class, () -> new StuckDetector(5, 0.2f, 0f));
    }
}
