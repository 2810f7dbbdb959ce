package io.animata.core.playtest.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Elo ratings against hand-computed values. */
class EloTest {

    @Test
    void theClassicUpdate() {
        // E = 1 / (1 + 10^(100/400)) = 0.359935; 1500 + 32 (1 - 0.359935) = 1520.482
        assertEquals(0.359935, Elo.expected(1500, 1600), 1e-6);
        assertEquals(1520.482080, Elo.update(1500, 1600, 1.0, 32), 1e-6);
        assertEquals(1600 + 32 * (0.5 - 0.640065), Elo.update(1600, 1500, 0.5, 32), 1e-5);
        assertEquals(0.5, Elo.expected(1234, 1234), 1e-12);
    }

    @Test
    void twoPlayersFitTheirScoreShare() {
        // A scores 75 of 100; with the prior's virtual draw 75.5 of 101: the ratings differ by
        // 400 log10(75.5 / 25.5) = 377.126 and average 1500
        double[][] score = {{0, 75}, {25, 0}};
        double[][] games = {{0, 100}, {100, 0}};
        double[] r = Elo.fit(score, games);
        assertEquals(1594.281354, r[0], 1e-4);
        assertEquals(1405.718646, r[1], 1e-4);
    }

    @Test
    void evenResultsRateEveryoneAtTheMean() {
        double[][] score = {{0, 10, 5}, {10, 0, 7.5}, {5, 7.5, 0}};
        double[][] games = {{0, 20, 10}, {20, 0, 15}, {10, 15, 0}};
        for (double r : Elo.fit(score, games)) {
            assertEquals(1500, r, 1e-6);
        }
    }

    @Test
    void theFitSolvesTheLikelihoodEquations() {
        // a beats b 70 of 100, b beats c 60 of 100, a beats c 80 of 100
        double[][] score = {{0, 70, 80}, {30, 0, 60}, {20, 40, 0}};
        double[][] games = {{0, 100, 100}, {100, 0, 100}, {100, 100, 0}};
        double[] r = Elo.fit(score, games);
        assertTrue(r[0] > r[1] && r[1] > r[2]);
        assertEquals(1500, (r[0] + r[1] + r[2]) / 3, 1e-6);
        for (int i = 0; i < 3; i++) {
            double points = 0;
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    points += score[i][j] + 0.5;
                    expected += (games[i][j] + 1) * Elo.expected(r[i], r[j]);
                }
            }
            assertEquals(points, expected, 1e-6);
        }
    }
}
