package io.animata.core.playtest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a playtest found, merged from every bot in bot order (so the same seed gives the same report, byte for byte,
 * on any number of threads or processes): coverage over time, stuck spots, out-of-bounds places, unreachable regions,
 * crashes, per-bot figures and per-cell heatmaps. Written as {@code report.json} by {@link #toJson()}.
 *
 * <p>Cells in the report are {@code [x, y]}: column from the left, row from the top, as in the level's text file.
 * Positions are world metres (y up, one tile per metre). Every finding carries a {@link Replay}: the bot, its seed
 * and the tick, which {@link Playtest#replay} runs again.
 *
 * <p>Threading: immutable in practice (do not change the arrays).
 *
 * @param level the level's size and flood-fill figures
 * @param run the run's settings
 * @param coverage coverage of the reachable cells, and over time
 * @param stuck stuck spots: neighbouring cells where bots got stuck, most events first
 * @param outOfBounds places where bodies left the map or got inside solid tiles, most events first
 * @param unreachableRegions walkable regions sealed off from every start ({@value #SEALED}) and reachable regions no
 *     bot reached in the budget ({@value #UNVISITED}), largest first
 * @param crashes exceptions from the game's hooks, by signature
 * @param totals event counts before deduplication
 * @param bots per-bot figures
 * @param heatmaps per-cell sums over bots, rows from the top
 */
public record PlaytestReport(LevelInfo level, RunInfo run, Coverage coverage, List<Spot> stuck,
        List<Spot> outOfBounds, List<Region> unreachableRegions, List<CrashGroup> crashes, Totals totals,
        List<BotSummary> bots, Heatmaps heatmaps) {
    /** Region kind: walkable, but no start reaches it. */
    public static final String SEALED = "sealed";
    /** Region kind: reachable, but no bot went there. */
    public static final String UNVISITED = "unvisited";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The level. Threading: immutable.
     *
     * @param name its name
     * @param width columns
     * @param height rows
     * @param walkableCells cells that are neither solid nor hazards
     * @param reachableCells walkable cells a start reaches (flood fill)
     * @param starts start tiles
     */
    public record LevelInfo(String name, int width, int height, int walkableCells, int reachableCells, int starts) {
    }

    /**
     * The run. Threading: immutable.
     *
     * @param bots bots
     * @param seed the seed
     * @param settings each bot's settings
     * @param ticksPerBot ticks each bot played
     */
    public record RunInfo(int bots, long seed, PlaytestSettings settings, int ticksPerBot) {
    }

    /**
     * Coverage. Threading: immutable.
     *
     * @param ratio visited reachable cells / reachable cells, in [0, 1]
     * @param visitedCells reachable cells some bot visited
     * @param reachableCells reachable cells
     * @param visitedUnreachableCells cells a bot was in although flood fill says no start reaches them (a body got
     *     through a wall)
     * @param secondsTo50 simulated seconds until half of the reachable cells were visited, null if never
     * @param secondsTo90 the same for 90 %, null if never
     * @param curve coverage over simulated time, every bot counted from the same clock
     */
    public record Coverage(double ratio, int visitedCells, int reachableCells, int visitedUnreachableCells,
            Double secondsTo50, Double secondsTo90, List<CurvePoint> curve) {
    }

    /**
     * A point of the coverage curve. Threading: immutable.
     *
     * @param seconds simulated seconds
     * @param coverage the ratio then
     */
    public record CurvePoint(double seconds, double coverage) {
    }

    /**
     * How to see a finding again: re-run bot {@code bot} (same level, seed and settings) to tick {@code tick}.
     * Threading: immutable.
     *
     * @param bot the bot's index
     * @param botSeed its own seed
     * @param tick the tick the finding happened in
     * @param seconds simulated seconds at the end of that tick
     */
    public record Replay(int bot, long botSeed, int tick, double seconds) {
    }

    /**
     * A place where bots got stuck, or left the map. Threading: immutable.
     *
     * @param kind {@link BotResult#STUCK}, {@link BotResult#OUTSIDE_MAP} or {@link BotResult#INSIDE_SOLID}
     * @param cell the cell with the most events, {@code [x, y]}
     * @param cells every cell of the spot, {@code [x, y]}
     * @param events events in the spot (all bots)
     * @param bots the bots that had one
     * @param x mean world x of the events
     * @param y mean world y of the events
     * @param first the earliest event (lowest tick, then lowest bot)
     */
    public record Spot(String kind, int[] cell, List<int[]> cells, int events, List<Integer> bots, double x,
            double y, Replay first) {
    }

    /**
     * An unreachable region. Threading: immutable.
     *
     * @param kind {@value #SEALED} or {@value #UNVISITED}
     * @param size cells
     * @param cells its cells, {@code [x, y]}
     */
    public record Region(String kind, int size, List<int[]> cells) {
    }

    /**
     * One crash signature over every bot. Threading: immutable.
     *
     * @param signature the signature's short id
     * @param exception the exception class
     * @param message the first occurrence's message
     * @param frames its top stack frames
     * @param count occurrences over all bots
     * @param bots the bots that hit it
     * @param cell the cell of the first occurrence, {@code [x, y]} (null off the map)
     * @param first the first occurrence
     */
    public record CrashGroup(String signature, String exception, String message, List<String> frames, int count,
            List<Integer> bots, int[] cell, Replay first) {
    }

    /**
     * Event counts before deduplication. Threading: immutable.
     *
     * @param stuckEvents stuck events
     * @param outOfBoundsEvents out-of-bounds events
     * @param crashEvents exceptions thrown by hooks
     * @param deaths kills by the game
     */
    public record Totals(int stuckEvents, int outOfBoundsEvents, int crashEvents, int deaths) {
    }

    /**
     * One bot. Threading: immutable.
     *
     * @param bot index
     * @param seed its seed
     * @param coverage its own coverage of the reachable cells
     * @param stuckEvents its stuck events
     * @param outOfBoundsEvents its out-of-bounds events
     * @param crashEvents its exceptions
     * @param deaths its deaths
     * @param respawns its restores
     * @param targets cells it chose to return to
     */
    public record BotSummary(int bot, long seed, double coverage, int stuckEvents, int outOfBoundsEvents,
            int crashEvents, int deaths, int respawns, int targets) {
    }

    /**
     * Per-cell sums over bots, each a list of rows from the top. Threading: immutable in practice.
     *
     * @param visits ticks bots ended in each cell
     * @param held ticks bots pushed in each cell but hardly moved
     * @param reachable 1 where flood fill reaches, 0 elsewhere
     */
    public record Heatmaps(List<int[]> visits, List<int[]> held, List<int[]> reachable) {
    }

    /**
     * Merges the bots' results.
     *
     * @param level the level
     * @param seed the run's seed
     * @param settings the bots' settings
     * @param results one per bot, in bot order
     * @return the report
     */
    public static PlaytestReport merge(PlaytestLevel level, long seed, PlaytestSettings settings,
            List<BotResult> results) {
        Regions regions = Regions.of(level);
        int w = level.width();
        int h = level.height();
        int n = w * h;
        int ticks = settings.ticks();
        int[] first = new int[n];
        java.util.Arrays.fill(first, -1);
        int[] visits = new int[n];
        int[] held = new int[n];
        for (BotResult r : results) {
            for (int i = 0; i < n; i++) {
                int f = r.firstVisit()[i];
                if (f >= 0 && (first[i] < 0 || f < first[i])) {
                    first[i] = f;
                }
                visits[i] += r.visits()[i];
                held[i] += r.heldTicks()[i];
            }
        }
        int walkable = 0;
        for (int i = 0; i < n; i++) {
            if (level.isWalkable(i)) {
                walkable++;
            }
        }
        LevelInfo levelInfo = new LevelInfo(level.name(), w, h, walkable, regions.reachableCount(),
                level.starts().length);
        Coverage coverage = coverage(regions, first, ticks, n);

        List<Spot> stuck = spots(level, results, true);
        List<Spot> bounds = spots(level, results, false);

        List<Region> unreachable = new ArrayList<>();
        for (int[] cells : regions.sealed()) {
            unreachable.add(new Region(SEALED, cells.length, xy(cells, w)));
        }
        boolean[] unvisited = new boolean[n];
        for (int i = 0; i < n; i++) {
            unvisited[i] = regions.isReachable(i) && first[i] < 0;
        }
        for (int[] cells : Regions.components(unvisited, w, h)) {
            unreachable.add(new Region(UNVISITED, cells.length, xy(cells, w)));
        }

        Map<String, CrashBuilder> crashMap = new LinkedHashMap<>();
        int stuckEvents = 0;
        int boundsEvents = 0;
        int crashEvents = 0;
        int deaths = 0;
        List<BotSummary> bots = new ArrayList<>();
        for (BotResult r : results) {
            int own = 0;
            int ownCrashes = 0;
            for (int i = 0; i < n; i++) {
                if (regions.isReachable(i) && r.firstVisit()[i] >= 0) {
                    own++;
                }
            }
            for (BotResult.Crash c : r.crashes()) {
                crashMap.computeIfAbsent(c.signature(), k -> new CrashBuilder()).add(r, c);
                ownCrashes += c.count();
            }
            stuckEvents += r.stuckCount();
            boundsEvents += r.outOfBoundsCount();
            crashEvents += ownCrashes;
            deaths += r.deaths();
            bots.add(new BotSummary(r.bot(), r.seed(), ratio(own, regions.reachableCount()), r.stuckCount(),
                    r.outOfBoundsCount(), ownCrashes, r.deaths(), r.respawns(), r.targets()));
        }
        List<CrashGroup> crashes = new ArrayList<>();
        for (CrashBuilder b : crashMap.values()) {
            crashes.add(b.build(w));
        }
        crashes.sort(Comparator.comparingInt(CrashGroup::count).reversed()
                .thenComparing(CrashGroup::signature));
        int[] reach = new int[n];
        for (int i = 0; i < n; i++) {
            reach[i] = regions.isReachable(i) ? 1 : 0;
        }
        return new PlaytestReport(levelInfo, new RunInfo(results.size(), seed, settings, ticks), coverage, stuck,
                bounds, unreachable, crashes, new Totals(stuckEvents, boundsEvents, crashEvents, deaths), bots,
                new Heatmaps(rows(visits, w, h), rows(held, w, h), rows(reach, w, h)));
    }

    private static Coverage coverage(Regions regions, int[] first, int ticks, int n) {
        int reachable = regions.reachableCount();
        int[] byTick = new int[ticks + 1];
        int visited = 0;
        int leaked = 0;
        for (int i = 0; i < n; i++) {
            if (first[i] < 0) {
                continue;
            }
            if (regions.isReachable(i)) {
                visited++;
                byTick[Math.min(first[i], ticks)]++;
            } else {
                leaked++;
            }
        }
        double dt = PlaytestSettings.TICK_SECONDS;
        Double to50 = null;
        Double to90 = null;
        int step = Math.max(1, (int) Math.ceil(ticks / 100.0));
        List<CurvePoint> curve = new ArrayList<>();
        int cumulative = 0;
        for (int t = 0; t <= ticks; t++) {
            cumulative += byTick[t];
            if (to50 == null && cumulative * 2 >= reachable) {
                to50 = round(t * dt);
            }
            if (to90 == null && cumulative * 10 >= reachable * 9) {
                to90 = round(t * dt);
            }
            if (t % step == 0 || t == ticks) {
                curve.add(new CurvePoint(round(t * dt), ratio(cumulative, reachable)));
            }
        }
        return new Coverage(ratio(visited, reachable), visited, reachable, leaked, to50, to90, curve);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** One event with its bot, for grouping. */
    private record Tagged(BotResult bot, BotResult.Event event) {
    }

    private static List<Spot> spots(PlaytestLevel level, List<BotResult> results, boolean stuck) {
        int w = level.width();
        int h = level.height();
        Map<String, List<Tagged>> byKind = new LinkedHashMap<>();
        for (BotResult r : results) {
            for (BotResult.Event e : stuck ? r.stuck() : r.outOfBounds()) {
                if (e.cell() >= 0) {
                    byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(new Tagged(r, e));
                }
            }
        }
        List<Spot> out = new ArrayList<>();
        for (Map.Entry<String, List<Tagged>> kind : byKind.entrySet()) {
            boolean[] mask = new boolean[w * h];
            for (Tagged t : kind.getValue()) {
                mask[t.event().cell()] = true;
            }
            for (int[] cells : Regions.components(mask, w, h, true)) {
                out.add(spot(kind.getKey(), cells, kind.getValue(), w));
            }
        }
        out.sort(Comparator.comparingInt(Spot::events).reversed().thenComparing(Spot::kind)
                .thenComparingInt(s -> s.cell()[1] * w + s.cell()[0]));
        return out;
    }

    private static Spot spot(String kind, int[] cells, List<Tagged> events, int w) {
        TreeSet<Integer> members = new TreeSet<>();
        for (int c : cells) {
            members.add(c);
        }
        Map<Integer, Integer> perCell = new LinkedHashMap<>();
        TreeSet<Integer> bots = new TreeSet<>();
        Tagged first = null;
        int count = 0;
        double sx = 0;
        double sy = 0;
        for (Tagged t : events) {
            BotResult.Event e = t.event();
            if (!members.contains(e.cell())) {
                continue;
            }
            count++;
            sx += e.x();
            sy += e.y();
            perCell.merge(e.cell(), 1, Integer::sum);
            bots.add(t.bot().bot());
            if (first == null || e.tick() < first.event().tick()
                    || (e.tick() == first.event().tick() && t.bot().bot() < first.bot().bot())) {
                first = t;
            }
        }
        int best = cells[0];
        for (int c : cells) {
            if (perCell.getOrDefault(c, 0) > perCell.getOrDefault(best, 0)) {
                best = c;
            }
        }
        return new Spot(kind, new int[] {best % w, best / w}, xy(cells, w), count, List.copyOf(bots),
                round(sx / count), round(sy / count), replay(first.bot(), first.event().tick()));
    }

    private static Replay replay(BotResult bot, int tick) {
        return new Replay(bot.bot(), bot.seed(), tick, round((tick + 1) * (double) PlaytestSettings.TICK_SECONDS));
    }

    /** Groups one signature over bots. */
    private static final class CrashBuilder {
        BotResult.Crash first;
        BotResult firstBot;
        int count;
        final TreeSet<Integer> bots = new TreeSet<>();

        void add(BotResult bot, BotResult.Crash c) {
            count += c.count();
            bots.add(bot.bot());
            if (first == null || c.tick() < first.tick()) {
                first = c;
                firstBot = bot;
            }
        }

        CrashGroup build(int w) {
            int[] cell = first.cell() < 0 ? null : new int[] {first.cell() % w, first.cell() / w};
            return new CrashGroup(first.signature(), first.exception(), first.message(), first.frames(), count,
                    List.copyOf(bots), cell, replay(firstBot, first.tick()));
        }
    }

    private static List<int[]> xy(int[] cells, int w) {
        List<int[]> out = new ArrayList<>(cells.length);
        for (int c : cells) {
            out.add(new int[] {c % w, c / w});
        }
        return out;
    }

    private static List<int[]> rows(int[] values, int w, int h) {
        List<int[]> out = new ArrayList<>(h);
        for (int y = 0; y < h; y++) {
            out.add(java.util.Arrays.copyOfRange(values, y * w, (y + 1) * w));
        }
        return out;
    }

    /** @return the regions of kind {@value #SEALED} */
    @JsonIgnore
    public List<Region> sealedRegions() {
        return unreachableRegions.stream().filter(r -> r.kind().equals(SEALED)).toList();
    }

    /** @return the report as indented JSON (what {@code report.json} holds) */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new AnimataException("Cannot write the playtest report as JSON: " + e.getMessage(), e);
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
            throw new AnimataException("Cannot write the playtest report " + file + ": " + e.getMessage(), e);
        }
    }
}
