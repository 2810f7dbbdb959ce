package io.animata.core.playtest.balance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a balance run found, computed from the matches in match order (the same seed gives the same report on any
 * number of threads or processes). Written as {@code balance.json} by {@link #toJson()}.
 * <ul>
 *   <li>{@link Matrix}: the row configuration's score against the column's (wins plus half the draws, over the
 *       matches between them, on both sides) with its Wilson 95 % interval;</li>
 *   <li>Elo ratings ({@link Elo#fit});</li>
 *   <li>{@link SideAdvantage}: side 0's (the first mover's) score over all matches;</li>
 *   <li>{@link Lengths}: the distribution of match lengths;</li>
 *   <li>{@link Dominance}: which configuration beats which with 95 % confidence (its interval's lower end above
 *       0.5), configurations that beat (or lose to) every other, and cycles of the beats relation
 *       (rock-paper-scissors);</li>
 *   <li>{@code maxImbalance}: the largest {@code |score - 0.5|} over pairs.</li>
 * </ul>
 *
 * <p>Threading: immutable in practice (do not change the arrays).
 *
 * @param seed the run's seed
 * @param matches matches played
 * @param arena the arena
 * @param configs the configurations, in the config file's order (the matrix's rows and columns)
 * @param matrix the win-rate matrix
 * @param elo the Elo ratings, in config order
 * @param sideAdvantage the first mover's advantage
 * @param lengths how long matches lasted
 * @param dominance what beats what
 * @param pairs per pair, with the score on each side
 * @param maxImbalance the largest {@code |score - 0.5|} over pairs
 */
public record BalanceReport(long seed, int matches, ArenaSettings arena, List<UnitConfig> configs, Matrix matrix,
        List<Rating> elo, SideAdvantage sideAdvantage, Lengths lengths, Dominance dominance, List<PairStats> pairs,
        double maxImbalance) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int BINS = 12;
    private static final int MAX_CYCLES = 100;

    /**
     * The win-rate matrix: entry [i][j] is configuration i's score against j; null on the diagonal and for pairs
     * that did not play. Threading: immutable in practice.
     *
     * @param names the configurations, rows and columns
     * @param score the score share
     * @param lower its Wilson 95 % interval's lower end
     * @param upper its upper end
     * @param games matches between i and j
     */
    public record Matrix(List<String> names, Double[][] score, Double[][] lower, Double[][] upper, int[][] games) {
    }

    /**
     * An Elo rating. Threading: immutable.
     *
     * @param name the configuration
     * @param rating its rating (the ratings average 1500)
     */
    public record Rating(String name, double rating) {
    }

    /**
     * Side 0's advantage. Threading: immutable.
     *
     * @param firstMoverScore side 0's score share over all matches
     * @param lower its Wilson 95 % lower end
     * @param upper its upper end
     * @param advantage {@code firstMoverScore - 0.5}
     * @param firstMoverWins matches side 0 won
     * @param secondMoverWins matches side 1 won
     * @param draws draws
     */
    public record SideAdvantage(double firstMoverScore, double lower, double upper, double advantage,
            int firstMoverWins, int secondMoverWins, int draws) {
    }

    /**
     * Match lengths, simulated seconds. Threading: immutable.
     *
     * @param mean mean
     * @param median median
     * @param p10 10th percentile
     * @param p90 90th percentile
     * @param min shortest
     * @param max longest
     * @param draws matches that ran out of time
     * @param histogram counts in equal bins over [0, the arena's maxSeconds]
     */
    public record Lengths(double mean, double median, double p10, double p90, double min, double max, int draws,
            List<Bin> histogram) {
    }

    /**
     * A histogram bin. Threading: immutable.
     *
     * @param from seconds, inclusive
     * @param to seconds, exclusive (the last bin inclusive)
     * @param count matches
     */
    public record Bin(double from, double to, int count) {
    }

    /**
     * What beats what, with 95 % confidence. Threading: immutable.
     *
     * @param beats pairs {@code [winner, loser]} whose score interval lies above 0.5
     * @param dominant configurations that beat every other
     * @param dominated configurations every other beats
     * @param cycles cycles of the beats relation, each from its first configuration in config order (at most
     *     {@value #MAX_CYCLES})
     * @param transitive whether there is no cycle
     */
    public record Dominance(List<List<String>> beats, List<String> dominant, List<String> dominated,
            List<List<String>> cycles, boolean transitive) {
    }

    /**
     * One pair. Threading: immutable.
     *
     * @param a the first configuration
     * @param b the second
     * @param matches matches between them
     * @param aWins a's wins
     * @param bWins b's wins
     * @param draws draws
     * @param aScore a's score share
     * @param lower its Wilson 95 % lower end
     * @param upper its upper end
     * @param aScoreFirst a's score share in the matches where a was side 0 (null when none)
     * @param aScoreSecond a's score share where a was side 1 (null when none)
     */
    public record PairStats(String a, String b, int matches, int aWins, int bWins, int draws, double aScore,
            double lower, double upper, Double aScoreFirst, Double aScoreSecond) {
    }

    /**
     * Analyses the matches.
     *
     * @param config the configurations
     * @param seed the run's seed
     * @param jobs the matches, in match order
     * @param results their results, in the same order
     * @return the report
     */
    public static BalanceReport analyse(BalanceConfig config, long seed, List<MatchJob> jobs,
            List<MatchResult> results) {
        if (jobs.size() != results.size()) {
            throw new IllegalArgumentException(jobs.size() + " matches but " + results.size() + " results");
        }
        List<UnitConfig> configs = config.configs();
        int n = configs.size();
        List<String> names = configs.stream().map(UnitConfig::name).toList();
        double[][] score = new double[n][n];
        double[][] games = new double[n][n];
        int[][] wins = new int[n][n];
        int[][] draws = new int[n][n];
        // per ordered (a, b): a's score and games when a was side 0
        double[][] firstScore = new double[n][n];
        int[][] firstGames = new int[n][n];
        int side0Wins = 0;
        int side1Wins = 0;
        int drawCount = 0;
        double[] lengths = new double[results.size()];
        for (int k = 0; k < jobs.size(); k++) {
            MatchJob job = jobs.get(k);
            MatchResult r = results.get(k);
            int a = job.first();
            int b = job.second();
            double s0 = r.winner() == 0 ? 1.0 : r.winner() == 1 ? 0.0 : 0.5;
            score[a][b] += s0;
            score[b][a] += 1 - s0;
            games[a][b]++;
            games[b][a]++;
            firstScore[a][b] += s0;
            firstGames[a][b]++;
            if (r.winner() == 0) {
                wins[a][b]++;
                side0Wins++;
            } else if (r.winner() == 1) {
                wins[b][a]++;
                side1Wins++;
            } else {
                draws[a][b]++;
                draws[b][a]++;
                drawCount++;
            }
            lengths[k] = r.seconds();
        }

        Double[][] share = new Double[n][n];
        Double[][] lower = new Double[n][n];
        Double[][] upper = new Double[n][n];
        int[][] gameCounts = new int[n][n];
        double maxImbalance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gameCounts[i][j] = (int) games[i][j];
                if (i == j || games[i][j] == 0) {
                    continue;
                }
                share[i][j] = round(score[i][j] / games[i][j]);
                double[] ci = Wilson.interval95(score[i][j], games[i][j]);
                lower[i][j] = round(ci[0]);
                upper[i][j] = round(ci[1]);
                maxImbalance = Math.max(maxImbalance, Math.abs(score[i][j] / games[i][j] - 0.5));
            }
        }

        double[] ratings = Elo.fit(score, games);
        List<Rating> elo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            elo.add(new Rating(names.get(i), Math.round(ratings[i] * 10.0) / 10.0));
        }

        int total = results.size();
        double s0 = side0Wins + 0.5 * drawCount;
        double[] sideCi = Wilson.interval95(s0, total);
        SideAdvantage side = new SideAdvantage(round(s0 / total), round(sideCi[0]), round(sideCi[1]),
                round(s0 / total - 0.5), side0Wins, side1Wins, drawCount);

        List<PairStats> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (games[i][j] == 0) {
                    continue;
                }
                double[] ci = Wilson.interval95(score[i][j], games[i][j]);
                int secondGames = firstGames[j][i];
                Double asFirst = firstGames[i][j] == 0 ? null : round(firstScore[i][j] / firstGames[i][j]);
                Double asSecond = secondGames == 0 ? null : round(1 - firstScore[j][i] / secondGames);
                pairs.add(new PairStats(names.get(i), names.get(j), (int) games[i][j], wins[i][j], wins[j][i],
                        draws[i][j], round(score[i][j] / games[i][j]), round(ci[0]), round(ci[1]), asFirst,
                        asSecond));
            }
        }
        return new BalanceReport(seed, total, config.arena(), configs,
                new Matrix(names, share, lower, upper, gameCounts), elo, side,
                lengths(lengths, config.arena().maxSeconds(), drawCount), dominance(names, lower), pairs,
                round(maxImbalance));
    }

    private static Lengths lengths(double[] values, double maxSeconds, int draws) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        int[] counts = new int[BINS];
        double width = maxSeconds / BINS;
        for (double v : sorted) {
            counts[Math.min(BINS - 1, (int) (v / width))]++;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin(round(b * width), round((b + 1) * width), counts[b]));
        }
        return new Lengths(round(sum / sorted.length), quantile(sorted, 0.5), quantile(sorted, 0.1),
                quantile(sorted, 0.9), sorted[0], sorted[sorted.length - 1], draws, bins);
    }

    /** @return the q-quantile by linear interpolation between order statistics */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return round(sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo));
    }

    /** Beats: i beats j when the lower end of i's score interval against j is above 0.5. */
    static Dominance dominance(List<String> names, Double[][] lower) {
        int n = names.size();
        boolean[][] beats = new boolean[n][n];
        List<List<String>> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && lower[i][j] != null && lower[i][j] > 0.5) {
                    beats[i][j] = true;
                    edges.add(List.of(names.get(i), names.get(j)));
                }
            }
        }
        List<String> dominant = new ArrayList<>();
        List<String> dominated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean all = true;
            boolean none = true;
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    all &= beats[i][j];
                    none &= beats[j][i];
                }
            }
            if (all) {
                dominant.add(names.get(i));
            }
            if (none) {
                dominated.add(names.get(i));
            }
        }
        List<List<String>> cycles = new ArrayList<>();
        for (int start = 0; start < n && cycles.size() < MAX_CYCLES; start++) {
            int[] path = new int[n];
            boolean[] onPath = new boolean[n];
            path[0] = start;
            onPath[start] = true;
            cycles(beats, start, path, 1, onPath, names, cycles);
        }
        return new Dominance(edges, dominant, dominated, cycles, cycles.isEmpty());
    }

    /** Depth-first search for simple cycles through {@code start} whose other nodes are all after it. */
    private static void cycles(boolean[][] beats, int start, int[] path, int length, boolean[] onPath,
            List<String> names, List<List<String>> out) {
        int last = path[length - 1];
        for (int next = start; next < beats.length && out.size() < MAX_CYCLES; next++) {
            if (!beats[last][next]) {
                continue;
            }
            if (next == start) {
                if (length >= 2) {
                    List<String> cycle = new ArrayList<>();
                    for (int k = 0; k < length; k++) {
                        cycle.add(names.get(path[k]));
                    }
                    out.add(List.copyOf(cycle));
                }
            } else if (!onPath[next]) {
                onPath[next] = true;
                path[length] = next;
                cycles(beats, start, path, length + 1, onPath, names, out);
                onPath[next] = false;
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** @return the report as indented JSON (what {@code balance.json} holds) */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new AnimataException("Cannot write the balance report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #toJson()} to {@code file}.
     *
     * @throws AnimataException naming the file when it cannot be written
     */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnimataException("Cannot write the balance report " + file + ": " + e.getMessage(), e);
        }
    }
}
