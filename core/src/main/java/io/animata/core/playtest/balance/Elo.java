package io.animata.core.playtest.balance;

import java.util.Arrays;

/**
 * Elo ratings. {@link #expected} and {@link #update} are the classic rule ({@code E = 1 / (1 + 10^((Rb - Ra)/400))},
 * {@code Ra' = Ra + K (S - E)}); {@link #fit} rates everyone at once from a table of results by maximum likelihood
 * (the Bradley–Terry model on the Elo scale, fitted with Hunter's MM iterations), so the ratings do not depend on the
 * order the matches were played in. A draw counts half a win to each side, and every pair gets one virtual draw (a
 * weak prior), so a configuration that won or lost everything still has a finite rating. Ratings average 1500.
 *
 * <p>Threading: stateless.
 */
public final class Elo {
    /** The mean rating of a fit. */
    public static final double MEAN = 1500.0;
    private static final int ITERATIONS = 10_000;

    private Elo() {
    }

    /** @return the score player a is expected to make against b (in [0, 1]) */
    public static double expected(double ratingA, double ratingB) {
        return 1.0 / (1.0 + Math.pow(10.0, (ratingB - ratingA) / 400.0));
    }

    /**
     * @param ratingA a's rating before the game
     * @param ratingB b's rating
     * @param scoreA a's score: 1 win, 0.5 draw, 0 loss
     * @param k the K-factor
     * @return a's rating after the game
     */
    public static double update(double ratingA, double ratingB, double scoreA, double k) {
        return ratingA + k * (scoreA - expected(ratingA, ratingB));
    }

    /**
     * Maximum-likelihood ratings.
     *
     * @param score {@code score[i][j]}: points i made against j (wins plus half the draws)
     * @param games {@code games[i][j] == games[j][i]}: games between i and j
     * @return one rating per player, averaging {@link #MEAN}
     */
    public static double[] fit(double[][] score, double[][] games) {
        int n = score.length;
        double[] w = new double[n];
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    // one virtual draw per pair: half a point each
                    w[i] += score[i][j] + 0.5;
                    g[i][j] = games[i][j] + 1.0;
                }
            }
        }
        double[] gamma = new double[n];
        Arrays.fill(gamma, 1.0);
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        sum += g[i][j] / (gamma[i] + gamma[j]);
                    }
                }
                next[i] = w[i] / sum;
            }
            double logMean = 0;
            for (int i = 0; i < n; i++) {
                logMean += Math.log(next[i]);
            }
            logMean /= n;
            for (int i = 0; i < n; i++) {
                double v = Math.exp(Math.log(next[i]) - logMean);
                change = Math.max(change, Math.abs(v - gamma[i]) / gamma[i]);
                gamma[i] = v;
            }
            if (change < 1e-13) {
                break;
            }
        }
        double[] ratings = new double[n];
        for (int i = 0; i < n; i++) {
            ratings[i] = MEAN + 400.0 * Math.log10(gamma[i]);
        }
        return ratings;
    }
}
