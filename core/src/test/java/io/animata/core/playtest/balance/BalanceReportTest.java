package io.animata.core.playtest.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis of hand-made match results. */
class BalanceReportTest {
    private static UnitConfig unit(String name) {
        return new UnitConfig(name, 2, 50, 5, 1, 2, 1, "charge");
    }

    private static final BalanceConfig CONFIG = new BalanceConfig(ArenaSettings.DEFAULT,
            List.of(unit("rock"), unit("paper"), unit("scissors")));

    /** 60 matches per pair, 30 on each side; the stronger one wins {@code strong} of them. */
    private static BalanceReport report(int strongWins, boolean cycle) {
        List<MatchJob> jobs = new ArrayList<>();
        List<MatchResult> results = new ArrayList<>();
        int[][] pairs = cycle ? new int[][] {{1, 0}, {2, 1}, {0, 2}} : new int[][] {{0, 1}, {0, 2}, {1, 2}};
        for (int[] pair : pairs) {
            for (int k = 0; k < 60; k++) {
                boolean strongFirst = k % 2 == 0;
                int first = strongFirst ? pair[0] : pair[1];
                int second = strongFirst ? pair[1] : pair[0];
                int index = jobs.size();
                jobs.add(new MatchJob(index, index, first, second, CONFIG.configs().get(first),
                        CONFIG.configs().get(second), CONFIG.arena()));
                boolean strongWon = k < strongWins;
                int winner = strongWon == strongFirst ? 0 : 1;
                results.add(new MatchResult(index, winner, 10 + k % 10, 1, 1, 0.5, 0.5));
            }
        }
        return BalanceReport.analyse(CONFIG, 1, jobs, results);
    }

    @Test
    void theMatrixHoldsScoresAndIntervals() {
        BalanceReport r = report(45, false);
        BalanceReport.Matrix m = r.matrix();
        assertNull(m.score()[0][0]);
        assertEquals(0.75, m.score()[0][1], 1e-9);
        assertEquals(0.25, m.score()[1][0], 1e-9);
        double[] ci = Wilson.interval95(45, 60);
        assertEquals(ci[0], m.lower()[0][1], 1e-6);
        assertEquals(ci[1], m.upper()[0][1], 1e-6);
        assertEquals(60, m.games()[0][1]);
        assertEquals(0.25, r.maxImbalance(), 1e-9);
    }

    @Test
    void aTransitiveOrderHasADominantAndADominatedConfiguration() {
        BalanceReport r = report(45, false);
        assertEquals(List.of("rock"), r.dominance().dominant());
        assertEquals(List.of("scissors"), r.dominance().dominated());
        assertTrue(r.dominance().transitive());
        assertTrue(r.elo().get(0).rating() > r.elo().get(1).rating());
        assertTrue(r.elo().get(1).rating() > r.elo().get(2).rating());
    }

    @Test
    void rockPaperScissorsIsACycle() {
        BalanceReport r = report(50, true);
        assertFalse(r.dominance().transitive());
        assertEquals(List.of(List.of("rock", "scissors", "paper")), r.dominance().cycles());
        assertTrue(r.dominance().dominant().isEmpty() && r.dominance().dominated().isEmpty());
        for (BalanceReport.Rating rating : r.elo()) {
            assertEquals(1500, rating.rating(), 0.1);
        }
    }

    @Test
    void sideAdvantageAndLengths() {
        // the strong side wins the matches k < 45 of 60 and is side 0 when k is even
        BalanceReport r = report(45, false);
        BalanceReport.SideAdvantage side = r.sideAdvantage();
        int firstWins = 3 * (23 + 8);  // strong first and won (k even < 45: 23), weak first and won (k odd >= 45: 8)
        assertEquals(firstWins, side.firstMoverWins());
        assertEquals(180 - firstWins, side.secondMoverWins());
        assertEquals(firstWins / 180.0, side.firstMoverScore(), 1e-6);
        assertEquals(side.firstMoverScore() - 0.5, side.advantage(), 1e-6);
        BalanceReport.Lengths l = r.lengths();
        assertEquals(14.5, l.mean(), 1e-9);
        assertEquals(14.5, l.median(), 1e-9);
        assertEquals(10, l.min(), 1e-9);
        assertEquals(19, l.max(), 1e-9);
        assertEquals(180, l.histogram().stream().mapToInt(BalanceReport.Bin::count).sum());
        BalanceReport.PairStats p = r.pairs().get(0);
        assertEquals(23 / 30.0, p.aScoreFirst(), 1e-6);
        assertEquals(22 / 30.0, p.aScoreSecond(), 1e-6);
    }

    @Test
    void quantilesInterpolate() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(2.5, BalanceReport.quantile(sorted, 0.5), 1e-9);
        assertEquals(1.3, BalanceReport.quantile(sorted, 0.1), 1e-9);
        assertEquals(4, BalanceReport.quantile(sorted, 1.0), 1e-9);
    }
}
