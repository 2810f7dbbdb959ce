package io.animata.desktop.playtest;

import io.animata.core.playtest.BotResult;
import io.animata.core.playtest.PlaytestReport;
import io.animata.desktop.html.Html;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html} of {@code animata playtest}: the summary, {@code coverage.png} and {@code stuck.png}, and one
 * table per kind of finding, each with the command that replays it.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class PlaytestPage {
    private static final int CELLS_SHOWN = 12;

    private PlaytestPage() {
    }

    /**
     * @param report the playtest's report
     * @param replayCommand the command that replays a finding, with {@code BOT:TICK} where the bot and tick go
     * @param file where to write
     * @throws io.animata.runtime.AnimataException naming the file when it cannot be written
     */
    public static void write(PlaytestReport report, String replayCommand, Path file) {
        Html page = new Html("Playtest: " + report.level().name());
        page.h(1, "Playtest: " + report.level().name());
        PlaytestReport.Coverage c = report.coverage();
        page.note(String.format(Locale.ROOT, "%d bots x %.0f simulated seconds, seed %d, controller %s; level %d x %d,"
                + " %d walkable cells, %d reachable from the start by flood fill.", report.run().bots(),
                report.run().settings().seconds(), report.run().seed(), report.run().settings().controller(),
                report.level().width(), report.level().height(), report.level().walkableCells(),
                report.level().reachableCells()));
        page.table(List.of("coverage", "50% after", "90% after", "stuck spots", "out of bounds",
                "unreachable regions", "crashes"), List.of(List.of(
                String.format(Locale.ROOT, "%.1f%%", 100 * c.ratio()), seconds(c.secondsTo50()),
                seconds(c.secondsTo90()), String.valueOf(report.stuck().size()),
                String.valueOf(report.outOfBounds().size()), String.valueOf(report.unreachableRegions().size()),
                String.valueOf(report.crashes().size()))));
        if (c.visitedUnreachableCells() > 0) {
            page.p(c.visitedUnreachableCells() + " cells were visited although flood fill says no start reaches them:"
                    + " a body got through a wall.");
        }
        page.h(2, "Coverage");
        page.img("coverage.png", "coverage heatmap of " + report.level().name());
        page.h(2, "Stuck spots, out of bounds, crashes");
        page.img("stuck.png", "stuck heatmap of " + report.level().name());

        page.h(2, "Stuck spots");
        if (report.stuck().isEmpty()) {
            page.note("No bot got stuck.");
        } else {
            page.table(List.of("cell", "cells", "events", "bots", "first: bot", "tick", "replay"),
                    spots(report.stuck(), replayCommand));
        }
        page.h(2, "Out of bounds");
        if (report.outOfBounds().isEmpty()) {
            page.note("No body left the map or got inside a wall.");
        } else {
            List<List<String>> rows = spots(report.outOfBounds(), replayCommand);
            List<List<String>> withKind = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = new ArrayList<>(rows.get(i));
                String kind = report.outOfBounds().get(i).kind();
                row.add(0, kind.equals(BotResult.OUTSIDE_MAP) ? "left the map (last cell)" : "inside a solid tile");
                withKind.add(row);
            }
            page.table(List.of("what", "cell", "cells", "events", "bots", "first: bot", "tick", "replay"),
                    withKind);
        }
        page.h(2, "Unreachable regions");
        if (report.unreachableRegions().isEmpty()) {
            page.note("Every walkable cell is reachable, and some bot reached each.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (PlaytestReport.Region r : report.unreachableRegions()) {
                rows.add(List.of(r.kind().equals(PlaytestReport.SEALED) ? "sealed off (flood fill)"
                        : "reachable, no bot went there", String.valueOf(r.size()), cells(r.cells())));
            }
            page.table(List.of("kind", "cells", "where"), rows);
        }
        page.h(2, "Crashes");
        if (report.crashes().isEmpty()) {
            page.note("The game's code threw no exception.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (PlaytestReport.CrashGroup g : report.crashes()) {
                rows.add(List.of(g.signature(), g.exception(), g.message(), String.valueOf(g.count()),
                        g.cell() == null ? "off the map" : "[" + g.cell()[0] + ", " + g.cell()[1] + "]",
                        String.valueOf(g.first().bot()), String.valueOf(g.first().tick()),
                        replay(replayCommand, g.first())));
            }
            page.table(List.of("signature", "exception", "message", "count", "cell", "first: bot", "tick", "replay"),
                    rows);
            for (PlaytestReport.CrashGroup g : report.crashes()) {
                page.p(g.signature() + ": " + g.exception());
                page.pre(String.join("\n", g.frames()));
            }
        }
        page.h(2, "Bots");
        List<List<String>> bots = new ArrayList<>();
        for (PlaytestReport.BotSummary b : report.bots()) {
            bots.add(List.of(String.valueOf(b.bot()), Long.toString(b.seed()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * b.coverage()), String.valueOf(b.stuckEvents()),
                    String.valueOf(b.outOfBoundsEvents()), String.valueOf(b.crashEvents()),
                    String.valueOf(b.deaths()), String.valueOf(b.targets())));
        }
        page.table(List.of("bot", "seed", "coverage", "stuck", "out of bounds", "exceptions", "deaths", "targets"),
                bots);
        page.note("Cells are [x, y]: column from the left, row from the top, as in the level's text. A replay runs the "
                + "bot again from the start to the end of that tick and prints what happened then.");
        page.write(file);
    }

    private static List<List<String>> spots(List<PlaytestReport.Spot> spots, String replayCommand) {
        List<List<String>> rows = new ArrayList<>();
        for (PlaytestReport.Spot s : spots) {
            rows.add(List.of("[" + s.cell()[0] + ", " + s.cell()[1] + "]", cells(s.cells()),
                    String.valueOf(s.events()), s.bots().toString(), String.valueOf(s.first().bot()),
                    String.valueOf(s.first().tick()), replay(replayCommand, s.first())));
        }
        return rows;
    }

    /** @return the replay command of one finding */
    public static String replay(String replayCommand, PlaytestReport.Replay at) {
        return replayCommand.replace("BOT:TICK", at.bot() + ":" + at.tick());
    }

    private static String cells(List<int[]> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(CELLS_SHOWN, cells.size()); i++) {
            sb.append(i == 0 ? "" : " ").append('[').append(cells.get(i)[0]).append(", ").append(cells.get(i)[1])
                    .append(']');
        }
        if (cells.size() > CELLS_SHOWN) {
            sb.append(" ... (").append(cells.size()).append(" in all)");
        }
        return sb.toString();
    }

    private static String seconds(Double s) {
        return s == null ? "never" : String.format(Locale.ROOT, "%.1f s", s);
    }
}
