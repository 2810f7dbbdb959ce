package io.animata.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.playtest.BotResult;
import io.animata.core.playtest.Playtest;
import io.animata.core.playtest.PlaytestJobType;
import io.animata.core.playtest.PlaytestLevel;
import io.animata.core.playtest.PlaytestReport;
import io.animata.core.playtest.PlaytestSettings;
import io.animata.core.playtest.jobs.JobRunner;
import io.animata.desktop.playtest.PlaytestImages;
import io.animata.desktop.playtest.PlaytestPage;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata playtest}: exploration bots play a level headless and report what is broken. Reads the level (text
 * grid, TMX or bitmap) and its legend, runs {@code --bots} Go-Explore bots for {@code --seconds} simulated seconds
 * each on threads (or {@code --workers} child processes), and writes {@code report.json}, {@code coverage.png},
 * {@code stuck.png} and {@code report.html}; prints a summary and, last,
 * {@code RESULT coverage=... stuck=... out_of_bounds=... unreachable_regions=... crashes=...}. With
 * {@code --replay BOT:TICK} it replays one bot to one tick instead and prints what happened then; with
 * {@code --emit-jobs FILE} it writes the bots' job requests for a run elsewhere, and {@code --results FILE} makes the
 * report from the answers of such a run.
 *
 * <p>Threading: runs on the caller's thread; bots run on the job runner's threads or processes.
 */
@Command(name = "playtest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Playtest a level with exploration bots: coverage, stuck spots, bodies that leave the map, unreachable "
                    + "regions and crashes of the game's code, with pictures.",
            "Each bot is a Go-Explore explorer (archive of visited cells, return to a promising one, explore from "
                    + "it) in its own headless Box2D world, steered by the nav heuristic or a trained nav policy. "
                    + "Writes report.json, coverage.png, stuck.png and report.html.",
            "Last line: RESULT coverage=.. stuck=.. out_of_bounds=.. unreachable_regions=.. crashes=..",
        })
public final class PlaytestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--level", paramLabel = "FILE", required = true,
            description = "The level: a text grid (.txt), a Tiled map (.tmx) or a bitmap (.png).")
    Path level;

    @Option(names = "--legend", paramLabel = "FILE",
            description = "The legend (JSON: solid, hazard, start, goal, sticky, ... per character); "
                    + "default: legend.json beside the level.")
    Path legend;

    @Option(names = "--bots", paramLabel = "N", defaultValue = "8", description = "Bots (default: ${DEFAULT-VALUE}).")
    int bots;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60",
            description = "Simulated seconds per bot (default: ${DEFAULT-VALUE}).")
    float seconds;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (made if missing); required unless "
            + "--replay or --emit-jobs.")
    Path out;

    @Option(names = "--controller", paramLabel = "NAME", defaultValue = "heuristic",
            description = "What steers bots back to the cells they choose: heuristic (the scripted nav heuristic) "
                    + "or policy (a trained nav policy, see --policy) (default: ${DEFAULT-VALUE}).")
    String controller;

    @Option(names = "--policy", paramLabel = "FILE", defaultValue = "assets/models/nav/policy.onnx",
            description = "The nav policy for --controller policy (policy.json beside it) "
                    + "(default: ${DEFAULT-VALUE}).")
    Path policy;

    @Option(names = "--stuck-window", paramLabel = "S", defaultValue = "3",
            description = "Seconds a bot must push without leaving a small disc to count as stuck "
                    + "(default: ${DEFAULT-VALUE}).")
    float stuckWindow;

    @Option(names = "--stuck-epsilon", paramLabel = "M", defaultValue = "0.25",
            description = "The disc's radius, metres (default: ${DEFAULT-VALUE}).")
    float stuckEpsilon;

    @Option(names = "--replay", paramLabel = "BOT:TICK",
            description = "Replay bot BOT to the end of tick TICK (same level, seed and settings) and print its "
                    + "position and what happened then, with stack traces, instead of playtesting.")
    String replay;

    @Mixin
    JobRunOptions jobs;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() {
        validate();
        long started = System.nanoTime();
        PrintWriter o = spec.commandLine().getOut();
        PlaytestLevel playLevel = PlaytestLevel.read(level, legend);
        PlaytestSettings.Builder sb = PlaytestSettings.builder().optSeconds(seconds).optStuckWindowSeconds(stuckWindow)
                .optStuckEpsilon(stuckEpsilon);
        if (controller.equalsIgnoreCase(PlaytestSettings.POLICY)) {
            sb.optPolicy(policy.toString());
        }
        Playtest playtest = Playtest.builder().setLevel(playLevel).optBots(bots).optSeed(seed)
                .optSettings(sb.build()).build();
        if (replay != null) {
            return replay(playtest, o);
        }
        if (jobs.emitOnly()) {
            return jobs.emit(new PlaytestJobType(), playtest.jobs(), o);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // the pictures are drawn off-screen
        }
        o.printf(Locale.ROOT, "playtest of %s (%dx%d, %d reachable cells): %d bots x %.0f s, seed %d, %s, %s%n",
                playLevel.name(), playLevel.width(), playLevel.height(),
                io.animata.core.playtest.Regions.of(playLevel).reachableCount(), bots, seconds, seed,
                playtest.settings().controller(), jobs.describe(bots));
        o.flush();
        PlaytestReport report;
        if (jobs.fromResults()) {
            report = playtest.report(jobs.readResults(new PlaytestJobType(), bots));
        } else {
            try (JobRunner runner = jobs.newRunner(bots)) {
                report = run(playtest, runner);
            }
        }
        double playSeconds = (System.nanoTime() - started) / 1e9;

        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new AnimataException("Cannot create the output directory " + out + ": " + e.getMessage(), e);
        }
        String replayCommand = replayCommand();
        writeJson(report, replayCommand, out.resolve("report.json"));
        PlaytestImages.write(PlaytestImages.coverage(report, playLevel), out.resolve("coverage.png"));
        PlaytestImages.write(PlaytestImages.stuck(report, playLevel), out.resolve("stuck.png"));
        PlaytestPage.write(report, replayCommand, out.resolve("report.html"));
        double total = (System.nanoTime() - started) / 1e9;

        summary(o, report, replayCommand);
        long ticks = (long) bots * report.run().ticksPerBot();
        o.printf(Locale.ROOT, "wrote %s: report.json, coverage.png, stuck.png, report.html; %d bot-ticks in %.2f s "
                + "(%.0f ticks/s, %.0fx real time), total %.2f s%n", out, ticks, playSeconds, ticks / playSeconds,
                ticks * PlaytestSettings.TICK_SECONDS / playSeconds, total);
        PlaytestReport.Coverage c = report.coverage();
        long sealed = report.sealedRegions().size();
        o.printf(Locale.ROOT, "RESULT coverage=%.4f stuck=%d out_of_bounds=%d unreachable_regions=%d crashes=%d "
                + "sealed_regions=%d unvisited_regions=%d seconds_to_50=%s seconds_to_90=%s bots=%d "
                + "stuck_events=%d out_of_bounds_events=%d ticks_per_s=%.0f%n", c.ratio(), report.stuck().size(),
                report.outOfBounds().size(), report.unreachableRegions().size(), report.crashes().size(), sealed,
                report.unreachableRegions().size() - sealed, seconds(c.secondsTo50()), seconds(c.secondsTo90()), bots,
                report.totals().stuckEvents(), report.totals().outOfBoundsEvents(), ticks / playSeconds);
        o.flush();
        return 0;
    }

    private void validate() {
        if (bots < 1) {
            throw new ParameterException(spec.commandLine(), "--bots must be at least 1, was " + bots);
        }
        if (!(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be positive, was " + seconds);
        }
        jobs.validate(spec.commandLine());
        if (!controller.equalsIgnoreCase(PlaytestSettings.HEURISTIC)
                && !controller.equalsIgnoreCase(PlaytestSettings.POLICY)) {
            throw new ParameterException(spec.commandLine(), "--controller must be heuristic or policy, was "
                    + controller);
        }
        if (out == null && replay == null && !jobs.emitOnly()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        if (replay != null && !replay.matches("\\d+:\\d+")) {
            throw new ParameterException(spec.commandLine(), "--replay takes BOT:TICK, e.g. 3:417, was " + replay);
        }
    }

    private PlaytestReport run(Playtest playtest, JobRunner runner) {
        if (noProgress) {
            return playtest.run(runner, null);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar bar = ProgressBars.on(err, "bots", bots).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).build()) {
            IntConsumer progress = done -> bar.stepTo(done);
            return playtest.run(runner, progress);
        }
    }

    /** @return the command that replays a finding of this run, with {@code BOT:TICK} to fill in */
    String replayCommand() {
        List<String> c = new ArrayList<>();
        c.add("./animata playtest --level " + level);
        if (legend != null) {
            c.add("--legend " + legend);
        }
        c.add("--bots " + bots);
        c.add(String.format(Locale.ROOT, "--seconds %s", trim(seconds)));
        c.add("--seed " + seed);
        if (controller.equalsIgnoreCase(PlaytestSettings.POLICY)) {
            c.add("--controller policy --policy " + policy);
        }
        if (stuckWindow != 3f) {
            c.add("--stuck-window " + trim(stuckWindow));
        }
        if (stuckEpsilon != 0.25f) {
            c.add("--stuck-epsilon " + trim(stuckEpsilon));
        }
        c.add("--replay BOT:TICK");
        return String.join(" ", c);
    }

    private static String trim(float v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v);
    }

    private static void writeJson(PlaytestReport report, String replayCommand, Path file) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(report.toJson());
            root.put("replayCommand", replayCommand);
            Files.writeString(file, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnimataException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void summary(PrintWriter o, PlaytestReport report, String replayCommand) {
        PlaytestReport.Coverage c = report.coverage();
        o.printf(Locale.ROOT, "coverage %.1f%% (%d of %d reachable cells); 50%% after %s, 90%% after %s%n",
                100 * c.ratio(), c.visitedCells(), c.reachableCells(), seconds(c.secondsTo50()) + " s",
                seconds(c.secondsTo90()) + " s");
        for (PlaytestReport.Spot s : report.stuck()) {
            o.printf(Locale.ROOT, "stuck: %d events at [%d, %d] (%d cells, bots %s); replay: %s%n", s.events(),
                    s.cell()[0], s.cell()[1], s.cells().size(), s.bots(), PlaytestPage.replay(replayCommand,
                            s.first()));
        }
        for (PlaytestReport.Spot s : report.outOfBounds()) {
            o.printf(Locale.ROOT, "out of bounds: %d events, %s at [%d, %d]; replay: %s%n", s.events(),
                    s.kind().equals(BotResult.OUTSIDE_MAP) ? "left the map from" : "inside the solid tile",
                    s.cell()[0], s.cell()[1], PlaytestPage.replay(replayCommand, s.first()));
        }
        for (PlaytestReport.Region r : report.unreachableRegions()) {
            int[] first = r.cells().get(0);
            o.printf(Locale.ROOT, "unreachable: %s region of %d cells from [%d, %d]%n", r.kind(), r.size(), first[0],
                    first[1]);
        }
        for (PlaytestReport.CrashGroup g : report.crashes()) {
            o.printf(Locale.ROOT, "crash %s: %dx %s: %s at %s; replay: %s%n", g.signature(), g.count(),
                    g.exception(), g.message(), g.cell() == null ? "off the map" : "[" + g.cell()[0] + ", "
                            + g.cell()[1] + "]", PlaytestPage.replay(replayCommand, g.first()));
        }
    }

    private int replay(Playtest playtest, PrintWriter o) {
        int colon = replay.indexOf(':');
        int bot = Integer.parseInt(replay.substring(0, colon));
        int tick = Integer.parseInt(replay.substring(colon + 1));
        Playtest.Replay r = Playtest.replay(playtest.job(bot), tick);
        PlaytestLevel l = playtest.level();
        BotResult soFar = r.soFar();
        o.printf(Locale.ROOT, "replay of bot %d (seed %d) of %s to the end of tick %d (%.1f s): position (%.3f, %.3f)"
                + " m, %s%n", bot, soFar.seed(), l.name(), tick, (tick + 1) * PlaytestSettings.TICK_SECONDS, r.x(),
                r.y(), r.cell() < 0 ? "off the map" : "cell [" + r.cell() % l.width() + ", " + r.cell() / l.width()
                        + "]");
        int stuck = 0;
        int bounds = 0;
        for (BotResult.Event e : soFar.stuck()) {
            if (e.tick() == tick) {
                stuck++;
                o.printf(Locale.ROOT, "tick %d: stuck at (%.3f, %.3f)%n", tick, e.x(), e.y());
            }
        }
        for (BotResult.Event e : soFar.outOfBounds()) {
            if (e.tick() == tick) {
                bounds++;
                o.printf(Locale.ROOT, "tick %d: %s at (%.3f, %.3f)%n", tick, e.kind(), e.x(), e.y());
            }
        }
        for (Throwable t : r.errors()) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            o.printf(Locale.ROOT, "tick %d: the game's code threw:%n%s", tick, trace);
        }
        o.printf(Locale.ROOT, "RESULT replay_bot=%d tick=%d x=%.3f y=%.3f crashes=%d stuck=%d out_of_bounds=%d%n",
                bot, tick, r.x(), r.y(), r.errors().size(), stuck, bounds);
        o.flush();
        return 0;
    }

    private static String seconds(Double s) {
        return s == null ? "never" : String.format(Locale.ROOT, "%.1f", s);
    }
}
