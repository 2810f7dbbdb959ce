package io.animata.demo;

import io.animata.core.playtest.PlaytestReport;
import java.util.List;

/**
 * What a playtest of a dungeon found, per tile, ready to draw as an overlay: a heat value for every tile a bot
 * visited (how long bots spent there, on a log scale), the tiles no bot reached and those no start can reach, and
 * the spots where bots got stuck. Cells are grid indices {@code row * width + x}, row 0 at the top (as in
 * {@link DungeonLevel}).
 *
 * <p>Threading: immutable in practice (the accessors hand out no arrays); made on the playtest thread, read on the
 * game thread.
 */
public final class CoverageMap {
    /** Tile kind: solid, or a hazard: not part of the coverage. */
    public static final byte NONE = 0;
    /** Tile kind: reachable from the start, and some bot was there. */
    public static final byte VISITED = 1;
    /** Tile kind: reachable from the start, but no bot got there in the time given. */
    public static final byte UNVISITED = 2;
    /** Tile kind: walkable, but sealed off from every start. */
    public static final byte SEALED = 3;

    private final int levelIndex;
    private final int width;
    private final int height;
    private final float[] heat;
    private final byte[] kind;
    private final int[] stuckCells;
    private final double coverage;
    private final int visitedCells;
    private final int reachableCells;
    private final int unvisitedCells;
    private final int sealedCells;
    private final int bots;
    private final float seconds;

    private CoverageMap(int levelIndex, PlaytestReport report) {
        this.levelIndex = levelIndex;
        this.width = report.level().width();
        this.height = report.level().height();
        int n = width * height;
        this.heat = new float[n];
        this.kind = new byte[n];
        List<int[]> visits = report.heatmaps().visits();
        List<int[]> reachable = report.heatmaps().reachable();
        int most = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                most = Math.max(most, visits.get(y)[x]);
            }
        }
        double scale = Math.log1p(most);
        int unvisited = 0;
        int visited = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cell = y * width + x;
                int v = visits.get(y)[x];
                if (v > 0) {
                    heat[cell] = (float) Math.max(0.05, Math.log1p(v) / scale); // a single tick still shows
                }
                if (reachable.get(y)[x] == 1) {
                    kind[cell] = v > 0 ? VISITED : UNVISITED;
                    if (v > 0) {
                        visited++;
                    } else {
                        unvisited++;
                    }
                }
            }
        }
        int sealed = 0;
        for (PlaytestReport.Region r : report.unreachableRegions()) {
            if (r.kind().equals(PlaytestReport.SEALED)) {
                for (int[] xy : r.cells()) {
                    kind[xy[1] * width + xy[0]] = SEALED;
                    sealed++;
                }
            }
        }
        this.stuckCells = new int[report.stuck().size()];
        for (int i = 0; i < stuckCells.length; i++) {
            int[] xy = report.stuck().get(i).cell();
            stuckCells[i] = xy[1] * width + xy[0];
        }
        this.coverage = report.coverage().ratio();
        this.visitedCells = visited;
        this.reachableCells = report.coverage().reachableCells();
        this.unvisitedCells = unvisited;
        this.sealedCells = sealed;
        this.bots = report.run().bots();
        this.seconds = report.run().settings().seconds();
    }

    /**
     * @param levelIndex the dungeon the playtest played
     * @param report what it found
     * @return the overlay's data
     */
    public static CoverageMap of(int levelIndex, PlaytestReport report) {
        return new CoverageMap(levelIndex, report);
    }

    /** @return the dungeon the playtest played */
    public int levelIndex() {
        return levelIndex;
    }

    /** @return tiles across */
    public int width() {
        return width;
    }

    /** @return tiles up */
    public int height() {
        return height;
    }

    /**
     * @return in (0, 1] for a visited tile (1 where bots spent the most time; log scale), 0 for any other tile
     */
    public float heat(int cell) {
        return heat[cell];
    }

    /** @return {@link #NONE}, {@link #VISITED}, {@link #UNVISITED} or {@link #SEALED} */
    public byte kind(int cell) {
        return kind[cell];
    }

    /** @return stuck spots (each the tile of its spot with the most events) */
    public int stuckCount() {
        return stuckCells.length;
    }

    /** @return the tile of stuck spot {@code i} */
    public int stuckCell(int i) {
        return stuckCells[i];
    }

    /** @return visited reachable tiles over reachable tiles, in [0, 1] */
    public double coverage() {
        return coverage;
    }

    /** @return reachable tiles some bot visited */
    public int visitedCells() {
        return visitedCells;
    }

    /** @return tiles the start reaches (flood fill) */
    public int reachableCells() {
        return reachableCells;
    }

    /** @return reachable tiles no bot visited */
    public int unvisitedCells() {
        return unvisitedCells;
    }

    /** @return walkable tiles sealed off from the start */
    public int sealedCells() {
        return sealedCells;
    }

    /** @return bots that played */
    public int bots() {
        return bots;
    }

    /** @return simulated seconds each bot played */
    public float seconds() {
        return seconds;
    }

    /** Appends a one-line summary for the HUD or a log, without allocating beyond the builder's growth. */
    public StringBuilder appendSummary(StringBuilder sb) {
        sb.append("coverage ");
        HudText.appendFixed(sb, coverage * 100.0, 1).append(" % of ").append(reachableCells).append(" tiles (")
                .append(bots).append(" bots x ").append(Math.round(seconds)).append(" s), ").append(stuckCells.length)
                .append(stuckCells.length == 1 ? " stuck spot, " : " stuck spots, ").append(unvisitedCells)
                .append(" unvisited, ").append(sealedCells).append(" sealed");
        return sb;
    }

    @Override
    public String toString() {
        return appendSummary(new StringBuilder("CoverageMap[dungeon ").append(levelIndex + 1).append(": "))
                .append(']').toString();
    }
}
