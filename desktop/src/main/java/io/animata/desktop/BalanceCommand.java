package io.animata.desktop;

import io.animata.core.playtest.balance.Balance;
import io.animata.core.playtest.balance.BalanceConfig;
import io.animata.core.playtest.balance.BalanceJobType;
import io.animata.core.playtest.balance.BalanceReport;
import io.animata.core.playtest.jobs.JobRunner;
import io.animata.desktop.balance.BalanceChart;
import io.animata.desktop.balance.BalancePage;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata balance}: plays M matches of the built-in arena game between two or more configurations (unit stats
 * and controllers, from a JSON config) in parallel headless worlds, and writes {@code balance.json},
 * {@code matrix.png} and {@code balance.html}; prints a summary and, last,
 * {@code RESULT matches=... max_imbalance=... matches_per_s=...}. {@code --emit-jobs FILE} writes the matches'
 * job requests for a run elsewhere instead, and {@code --results FILE} makes the report from the answers of such a
 * run.
 *
 * <p>Threading: runs on the caller's thread; matches run on the job runner's threads or processes.
 */
@Command(name = "balance",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Balance bots: play many matches of the built-in two-sided arena game between configurations and report "
                    + "a win-rate matrix with Wilson 95%% intervals, Elo ratings, the first mover's advantage, match "
                    + "lengths, and dominant configurations and cycles.",
            "Writes balance.json, matrix.png and balance.html.",
            "Last line: RESULT matches=.. max_imbalance=.. matches_per_s=..",
        })
public final class BalanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The configurations (JSON), e.g. assets/balance/arena.json.")
    Path config;

    @Option(names = "--matches", paramLabel = "M", defaultValue = "300",
            description = "Matches in all, spread round-robin over the pairs, sides swapped each round "
                    + "(default: ${DEFAULT-VALUE}).")
    int matches;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (made if missing); required unless "
            + "--emit-jobs.")
    Path out;

    @Mixin
    JobRunOptions jobs;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        if (matches < 1) {
            throw new ParameterException(spec.commandLine(), "--matches must be at least 1, was " + matches);
        }
        jobs.validate(spec.commandLine());
        if (out == null && !jobs.emitOnly()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintWriter o = spec.commandLine().getOut();
        BalanceConfig cfg = BalanceConfig.read(config);
        Balance balance = Balance.builder().setConfig(cfg).optMatches(matches).optSeed(seed).build();
        if (jobs.emitOnly()) {
            return jobs.emit(new BalanceJobType(), balance.jobs(), o);
        }
        o.printf(Locale.ROOT, "balance of %s: %d matches over %d pairs, seed %d, %s%n",
                String.join(", ", cfg.configs().stream().map(c -> c.name()).toList()), matches,
                balance.pairs().size(), seed, jobs.describe(matches));
        o.flush();
        long started = System.nanoTime();
        BalanceReport report;
        if (jobs.fromResults()) {
            report = balance.report(jobs.readResults(new BalanceJobType(), matches));
        } else {
            try (JobRunner runner = jobs.newRunner(matches)) {
                report = run(balance, runner);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new AnimataException("Cannot create the output directory " + out + ": " + e.getMessage(), e);
        }
        report.write(out.resolve("balance.json"));
        BalanceChart.write(report, out.resolve("matrix.png"));
        BalancePage.write(report, out.resolve("balance.html"));

        for (BalanceReport.PairStats p : report.pairs()) {
            o.printf(Locale.ROOT, "%s vs %s: %d-%d (%d draws), score %.3f [%.3f, %.3f]%n", p.a(), p.b(), p.aWins(),
                    p.bWins(), p.draws(), p.aScore(), p.lower(), p.upper());
        }
        StringBuilder elo = new StringBuilder("elo:");
        for (BalanceReport.Rating r : report.elo()) {
            elo.append(String.format(Locale.ROOT, " %s %.0f", r.name(), r.rating()));
        }
        o.println(elo);
        BalanceReport.SideAdvantage side = report.sideAdvantage();
        o.printf(Locale.ROOT, "first mover scores %.3f [%.3f, %.3f]; match length median %.1f s (10-90%%: %.1f-%.1f),"
                + " %d draws%n", side.firstMoverScore(), side.lower(), side.upper(), report.lengths().median(),
                report.lengths().p10(), report.lengths().p90(), report.lengths().draws());
        BalanceReport.Dominance d = report.dominance();
        o.printf(Locale.ROOT, "dominant: %s; dominated: %s; cycles: %s%n", list(d.dominant()), list(d.dominated()),
                d.cycles().isEmpty() ? "none" : d.cycles().stream().map(c -> String.join(" > ", c) + " > " + c.get(0))
                        .toList());
        o.printf(Locale.ROOT, "wrote %s: balance.json, matrix.png, balance.html; %d matches in %.2f s%n", out,
                matches, seconds);
        o.printf(Locale.ROOT, "RESULT matches=%d max_imbalance=%.4f matches_per_s=%.1f first_mover_score=%.4f "
                + "cycles=%d dominant=%d configs=%d%n", report.matches(), report.maxImbalance(), matches / seconds,
                side.firstMoverScore(), d.cycles().size(), d.dominant().size(), cfg.configs().size());
        o.flush();
        return 0;
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private BalanceReport run(Balance balance, JobRunner runner) {
        if (noProgress) {
            return balance.run(runner, null);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar bar = ProgressBars.on(err, "matches", matches).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).build()) {
            return balance.run(runner, done -> bar.stepTo(done));
        }
    }
}
