package io.animata.desktop.balance;

import io.animata.core.playtest.balance.BalanceReport;
import io.animata.core.playtest.balance.UnitConfig;
import io.animata.desktop.html.Html;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code balance.html} of {@code animata balance}: the verdict (imbalance, dominance, cycles, first mover), the
 * picture, and tables of the matrix with intervals, Elo, pairs by side, match lengths and the configurations.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class BalancePage {
    private BalancePage() {
    }

    /**
     * @param report the balance report
     * @param file where to write
     * @throws io.animata.runtime.AnimataException naming the file when it cannot be written
     */
    public static void write(BalanceReport report, Path file) {
        Html page = new Html("Balance");
        page.h(1, "Balance of " + String.join(", ", report.matrix().names()));
        BalanceReport.SideAdvantage side = report.sideAdvantage();
        BalanceReport.Dominance d = report.dominance();
        page.note(String.format(Locale.ROOT, "%d matches in the built-in arena (%.0f x %.0f m, draw after %.0f s), "
                + "seed %d; each pair plays on both sides in turn.", report.matches(), report.arena().width(),
                report.arena().height(), report.arena().maxSeconds(), report.seed()));
        page.table(List.of("max |score - 0.5|", "first mover's score", "95% interval", "dominant", "dominated",
                "cycles"), List.of(List.of(f3(report.maxImbalance()), f3(side.firstMoverScore()),
                "[" + f3(side.lower()) + ", " + f3(side.upper()) + "]", names(d.dominant()), names(d.dominated()),
                d.transitive() ? "none" : String.valueOf(d.cycles().size()))));
        for (List<String> cycle : d.cycles()) {
            page.p("Cycle: " + String.join(" beats ", cycle) + " beats " + cycle.get(0)
                    + " (each with 95% confidence).");
        }
        page.img("matrix.png", "win-rate matrix");

        page.h(2, "Win rates (row against column)");
        BalanceReport.Matrix m = report.matrix();
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(m.names());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.names().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(m.names().get(i));
            for (int j = 0; j < m.names().size(); j++) {
                Double s = m.score()[i][j];
                row.add(s == null ? "-" : f3(s) + " [" + f3(m.lower()[i][j]) + ", " + f3(m.upper()[i][j]) + "] n="
                        + m.games()[i][j]);
            }
            rows.add(row);
        }
        page.table(header, rows);

        page.h(2, "Elo");
        List<List<String>> elo = new ArrayList<>();
        for (BalanceReport.Rating r : report.elo()) {
            elo.add(List.of(r.name(), String.format(Locale.ROOT, "%.1f", r.rating())));
        }
        page.table(List.of("configuration", "rating"), elo);

        page.h(2, "Pairs");
        List<List<String>> pairs = new ArrayList<>();
        for (BalanceReport.PairStats p : report.pairs()) {
            pairs.add(List.of(p.a() + " vs " + p.b(), String.valueOf(p.matches()), String.valueOf(p.aWins()),
                    String.valueOf(p.bWins()), String.valueOf(p.draws()), f3(p.aScore()),
                    "[" + f3(p.lower()) + ", " + f3(p.upper()) + "]", p.aScoreFirst() == null ? "-"
                            : f3(p.aScoreFirst()), p.aScoreSecond() == null ? "-" : f3(p.aScoreSecond())));
        }
        page.table(List.of("pair", "matches", "first wins", "second wins", "draws", "first's score", "95% interval",
                "as side 0", "as side 1"), pairs);

        page.h(2, "Match lengths");
        BalanceReport.Lengths l = report.lengths();
        page.table(List.of("mean", "median", "10%", "90%", "shortest", "longest", "draws"), List.of(List.of(
                f1(l.mean()), f1(l.median()), f1(l.p10()), f1(l.p90()), f1(l.min()), f1(l.max()),
                String.valueOf(l.draws()))));

        page.h(2, "Configurations");
        List<List<String>> configs = new ArrayList<>();
        for (UnitConfig c : report.configs()) {
            configs.add(List.of(c.name(), String.valueOf(c.units()), f1(c.hp()), f1(c.damage()), f1(c.range()),
                    f1(c.speed()), f1(c.cooldown()), c.controller()));
        }
        page.table(List.of("name", "units", "hp", "damage", "range", "speed", "cooldown", "controller"), configs);
        page.note("A score is wins plus half the draws over the matches played. Beats: the score's Wilson 95% "
                + "interval lies above 0.5.");
        page.write(file);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
