package io.animata.demo;

import com.badlogic.gdx.utils.Disposable;
import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.gen.BspDungeonGenerator;
import io.animata.core.level.gen.GeneratedLevel;
import io.animata.core.level.gen.ItemPlacer;
import io.animata.core.level.gen.LevelGenerator;
import io.animata.core.level.gen.LevelPipeline;
import io.animata.core.level.gen.MarkerPlacer;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.core.level.play.TopDownPathCheck;
import io.animata.core.level.wfc.Edge;
import io.animata.core.level.wfc.OverlappingModel;
import io.animata.core.level.wfc.WfcSettings;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The demo's dungeons, one per level number: learned from the example dungeons with Wave Function Collapse (or made
 * by BSP rooms and corridors), made whole (every open area of some size is joined to the largest one by a corridor
 * dug through the fewest wall tiles; smaller pockets are filled in), passed through a {@link LevelPipeline} (start
 * and stairs placed far apart, a path check, a minimum path length, bounded retries), and finally made playable by
 * construction: whatever the start cannot reach is walled up, so every tile a bot or a treasure stands on can be
 * reached. Level {@code i} of a run depends only on the
 * run's seed and {@code i}, so a seed replays the same dungeons whatever the timing.
 *
 * <p>Generation takes from tens to a few hundred milliseconds, so a game asks for the next level ahead of time
 * ({@link #prefetch}) on this object's own thread and picks it up when the player gets there: the game thread does
 * not stall on it in realtime mode.
 *
 * <p>Threading: {@link #make} runs on the caller's thread (any); {@link #prefetch} on the level thread;
 * {@link #dispose} (idempotent) stops that thread within two seconds.
 *
 * <pre>{@code
 * DungeonLevels levels = new DungeonLevels(DemoAssets.dungeonLegend(), examples, DungeonLevels.Style.WFC, seed);
 * DungeonLevel first = levels.make(0);
 * Future<DungeonLevel> next = levels.prefetch(1);
 * }</pre>
 */
public final class DungeonLevels implements Disposable, AutoCloseable {
    /** Level width, tiles (metres). */
    public static final int WIDTH = 40;
    /** Level height, tiles (metres). */
    public static final int HEIGHT = 20;
    /** The shortest accepted walk from the start to the stairs, in moves. */
    public static final int MIN_PATH_MOVES = 30;
    /** Open areas smaller than this (tiles) are filled in rather than joined to the rest. */
    public static final int MIN_AREA = 6;

    /** How dungeons are made. Threading: an immutable enum. */
    public enum Style {
        /** Wave Function Collapse (overlapping model, 3 x 3 patterns) learned from the example dungeons. */
        WFC,
        /** BSP rooms and corridors, decorated as densely as the examples. */
        BSP;

        /** @return the name on the command line and the HUD */
        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Legend legend;
    private final Style style;
    private final long seed;
    private final LevelPipeline pipeline;
    /** BSP makes a playable level at every attempt: the fallback when WFC spends its attempts. */
    private final LevelPipeline fallback;
    private final PlayabilityCheck check;
    private final TopDownPathCheck paths;
    private final char wall;
    private final ExecutorService thread;
    private boolean disposed;

    /**
     * Learns the generator from the examples (WFC: a few tens of milliseconds).
     *
     * @param legend a top-down legend with a wall, a floor, a start and a goal tile
     * @param examples example dungeons (markers and all)
     * @param style how dungeons are made
     * @param seed the run's seed
     */
    public DungeonLevels(Legend legend, List<TileGrid> examples, Style style, long seed) {
        if (legend.view() != Legend.View.TOP_DOWN) {
            throw new AnimataException("the demo's dungeons are top-down; the legend is a side view");
        }
        this.legend = legend;
        this.style = style;
        this.seed = seed;
        this.wall = legend.wall();
        this.check = PlayabilityCheck.forLegend(legend);
        this.paths = new TopDownPathCheck(legend);
        LevelConstraints border = LevelConstraints.builder().optBorder(wall).build();
        LevelGenerator bsp = new BspDungeonGenerator(legend, WIDTH, HEIGHT, 6, ItemPlacer.learn(examples, legend));
        LevelGenerator generator = bsp;
        if (style == Style.WFC) {
            List<TileGrid> stripped = examples.stream().map(g -> MarkerPlacer.strip(g, legend)).toList();
            OverlappingModel model = OverlappingModel.builder().addExamples(stripped).setPatternSize(3)
                    .optSymmetry(2).optFrequencyExponent(0.5).build();
            WfcSettings size = WfcSettings.builder().setSize(WIDTH, HEIGHT)
                    .optAnchoredEdges(EnumSet.allOf(Edge.class)).optConstraints(border).build();
            LevelGenerator wfc = LevelGenerator.wfc(model, size);
            generator = attempt -> wfc.generate(attempt).map(this::joinAreas);
        }
        this.pipeline = pipeline(generator, border);
        this.fallback = pipeline(bsp, border);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "animata-demo-levels");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the game renders on the other cores first
            return t;
        });
    }

    private LevelPipeline pipeline(LevelGenerator generator, LevelConstraints border) {
        return LevelPipeline.builder().setLegend(legend).setGenerator(generator).optConstraints(border)
                .optMinPathMoves(MIN_PATH_MOVES).optMaxAttempts(30).optThreads(1).build();
    }

    /** @return how dungeons are made */
    public Style style() {
        return style;
    }

    /** @return what the tiles mean */
    public Legend legend() {
        return legend;
    }

    /**
     * Makes level {@code index} of the run, on the caller's thread.
     *
     * @return the level, playable
     */
    public DungeonLevel make(int index) {
        GeneratedLevel made = pipeline.one(index, seed);
        String name = style.option();
        if (!made.accepted()) {
            made = fallback.one(index, seed);
            name = "bsp (wfc gave up: " + made.rejection().orElse("?") + ")";
            if (!made.accepted()) {
                throw new AnimataException("no playable dungeon for level " + index + ": "
                        + made.rejection().orElse("unknown"));
            }
        }
        TileGrid grid = wallOffUnreachable(made.grid().orElseThrow(), made.playability().path()[0]);
        Playability verdict = check.check(grid);
        if (!verdict.isPlayable()) {
            // walling off only removes floor the start cannot reach, so this would be a bug
            throw new AnimataException("level " + index + " became unplayable: " + verdict);
        }
        return new DungeonLevel(index, made.seed(), name, made.attempts(), grid, legend, verdict);
    }

    /**
     * Starts making level {@code index} on the level thread.
     *
     * @return the level when it is made; {@link Future#get()} throws what {@link #make} threw
     */
    public Future<DungeonLevel> prefetch(int index) {
        if (disposed) {
            throw new IllegalStateException("these DungeonLevels are disposed");
        }
        return thread.submit(() -> make(index));
    }

    /**
     * @return the finished level of a prefetch, waiting for it when it is not done
     * @throws AnimataException when making it failed or the wait was interrupted
     */
    public static DungeonLevel await(Future<DungeonLevel> level) {
        try {
            return level.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("interrupted while waiting for the next dungeon", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof AnimataException a ? a
                    : new AnimataException("making the next dungeon failed: " + cause, cause);
        }
    }

    /** @return whether a person (or a bot) can walk on {@code c} */
    private boolean walkable(char c) {
        return legend.isPassable(c) && !legend.isHazard(c);
    }

    /**
     * Joins the open areas of a level (4-connected walkable tiles): every area of at least {@value #MIN_AREA} tiles,
     * largest first, gets a corridor to the areas joined so far, dug through the fewest wall tiles (a 0-1 breadth-first
     * search that never digs the outer ring); smaller areas are filled with wall. Deterministic.
     *
     * @return the joined level
     */
    TileGrid joinAreas(TileGrid grid) {
        int w = grid.width();
        int h = grid.height();
        char[] cells = grid.cells();
        int n = cells.length;
        int[] area = new int[n];
        Arrays.fill(area, -1);
        List<int[]> areas = new ArrayList<>();
        int[] queue = new int[n];
        for (int s0 = 0; s0 < n; s0++) {
            if (area[s0] >= 0 || !walkable(cells[s0])) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s0;
            area[s0] = areas.size();
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
                for (int j : next) {
                    if (j >= 0 && area[j] < 0 && walkable(cells[j])) {
                        area[j] = areas.size();
                        queue[tail++] = j;
                    }
                }
            }
            areas.add(Arrays.copyOf(queue, tail));
        }
        if (areas.isEmpty()) {
            return grid;
        }
        List<int[]> bySize = new ArrayList<>(areas);
        // largest first; equal sizes in order of their first tile, so the result depends on the grid only
        bySize.sort((a, b) -> a.length != b.length ? b.length - a.length : Integer.compare(a[0], b[0]));
        boolean[] joined = new boolean[n];
        for (int i : bySize.get(0)) {
            joined[i] = true;
        }
        char floor = legend.background();
        int[] cost = new int[n];
        int[] parent = new int[n];
        // a tile is pushed at most once per neighbour (4 times), at either end
        int[] deque = new int[8 * n + 2];
        for (int a = 1; a < bySize.size(); a++) {
            int[] tiles = bySize.get(a);
            if (tiles.length < MIN_AREA) {
                for (int i : tiles) {
                    cells[i] = wall;
                }
                continue;
            }
            int target = area[tiles[0]];
            // 0-1 BFS from every joined tile: stepping onto a wall costs 1 (it is dug), onto open floor 0
            Arrays.fill(cost, Integer.MAX_VALUE);
            int front = 4 * n + 1;
            int back = front;
            for (int i = 0; i < n; i++) {
                if (joined[i]) {
                    cost[i] = 0;
                    parent[i] = -1;
                    deque[back++] = i;
                }
            }
            int reached = -1;
            while (front < back) {
                int i = deque[front++];
                if (area[i] == target) {
                    reached = i;
                    break;
                }
                int x = i % w;
                int y = i / w;
                for (int d = 0; d < 4; d++) {
                    int nx = x + (d == 0 ? 1 : d == 1 ? -1 : 0);
                    int ny = y + (d == 2 ? 1 : d == 3 ? -1 : 0);
                    if (nx < 1 || ny < 1 || nx >= w - 1 || ny >= h - 1) {
                        continue; // the outer ring stays wall
                    }
                    int j = ny * w + nx;
                    char c = cells[j];
                    if (legend.isHazard(c)) {
                        continue;
                    }
                    int step = walkable(c) ? 0 : 1;
                    if (cost[i] + step < cost[j]) {
                        cost[j] = cost[i] + step;
                        parent[j] = i;
                        if (step == 0) {
                            deque[--front] = j;
                        } else {
                            deque[back++] = j;
                        }
                    }
                }
            }
            if (reached < 0) {
                for (int i : tiles) {
                    cells[i] = wall; // walled in by hazards: fill it
                }
                continue;
            }
            for (int i = reached; i >= 0; i = parent[i]) {
                if (!walkable(cells[i])) {
                    cells[i] = floor;
                }
                joined[i] = true;
            }
            for (int i : tiles) {
                joined[i] = true;
            }
        }
        return TileGrid.of(w, h, cells);
    }

    /**
     * @return the grid with every passable tile that the start cannot reach (walking round hazards) made wall, and
     *     every hazard with no reachable neighbour too
     */
    TileGrid wallOffUnreachable(TileGrid grid, int start) {
        int[] dist = paths.distances(grid, start);
        int w = grid.width();
        int h = grid.height();
        char[] cells = grid.cells();
        boolean changed = false;
        for (int i = 0; i < cells.length; i++) {
            char c = cells[i];
            if (dist[i] >= 0 || legend.isSolid(c)) {
                continue;
            }
            boolean keep = false;
            if (legend.isHazard(c)) {
                int x = i % w;
                int y = i / w;
                keep = (x > 0 && dist[i - 1] >= 0) || (x < w - 1 && dist[i + 1] >= 0)
                        || (y > 0 && dist[i - w] >= 0) || (y < h - 1 && dist[i + w] >= 0);
            }
            if (!keep) {
                cells[i] = wall;
                changed = true;
            }
        }
        return changed ? TileGrid.of(w, h, cells) : grid;
    }

    /** Stops the level thread (a level being made is abandoned). Idempotent. */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same as {@link #dispose()}, for try-with-resources. */
    @Override
    public void close() {
        dispose();
    }
}
