package io.animata.core.playtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.io.LegendReader;
import io.animata.core.level.io.LevelFiles;
import io.animata.core.level.io.TextGridReader;
import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A level to playtest: a {@link TileGrid} with its {@link Legend} and a name, seen from the top. Bots start on the
 * tiles tagged {@code start} (bot {@code i} on start {@code i % starts}); a tile is <em>walkable</em> when it is
 * neither solid nor a hazard (the notion {@link io.animata.core.level.play.TopDownPathCheck} walks on).
 *
 * <p>Two coordinate systems meet here. <b>Cells</b> are the level's: column {@code x} from the left, row {@code y}
 * from the top (as in the text file), index {@code y * width + x}; reports use them. <b>World</b> coordinates are
 * Box2D metres with one tile per metre and the level's bottom-left corner at the origin, y up (as
 * {@link io.animata.core.level.export.LevelBodies} builds it); {@link #cellAt} converts.
 *
 * <p>Threading: immutable; share it between threads freely.
 *
 * <pre>{@code
 * PlaytestLevel level = PlaytestLevel.read(Path.of("assets/levels/playtest/open.txt"), null); // legend.json beside it
 * int start = level.starts()[0];
 * }</pre>
 */
public final class PlaytestLevel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final TileGrid grid;
    private final Legend legend;
    private final int[] starts;
    private final boolean[] walkable;

    private PlaytestLevel(String name, TileGrid grid, Legend legend) {
        this.name = name;
        this.grid = grid;
        this.legend = legend;
        if (legend.view() != Legend.View.TOP_DOWN) {
            throw new AnimataException("level '" + name + "': playtest bots move top-down, but the legend's view is "
                    + "side; use a top-down legend (\"view\": \"top-down\")");
        }
        int n = 0;
        for (int i = 0; i < grid.size(); i++) {
            if (legend.isStart(grid.at(i))) {
                n++;
            }
        }
        if (n == 0) {
            throw new AnimataException("level '" + name + "' has no start tile: bots spawn on tiles tagged \"start\";"
                    + " put one on the map (legend tiles: " + legend.describeTiles() + ")");
        }
        this.starts = new int[n];
        this.walkable = new boolean[grid.size()];
        int s = 0;
        for (int i = 0; i < grid.size(); i++) {
            char c = grid.at(i);
            if (legend.isStart(c)) {
                starts[s++] = i;
                if (legend.isSolid(c)) {
                    throw new AnimataException("level '" + name + "': the start tile " + Legend.describe(c)
                            + " is solid; a bot cannot stand in it");
                }
            }
            walkable[i] = legend.isPassable(c) && !legend.isHazard(c);
        }
    }

    /**
     * @param name the level's name in reports
     * @param grid its tiles
     * @param legend what they mean (top-down)
     * @return the level
     * @throws AnimataException when the legend is side-view or the level has no (or a solid) start tile
     */
    public static PlaytestLevel of(String name, TileGrid grid, Legend legend) {
        if (name == null || grid == null || legend == null) {
            throw new IllegalArgumentException("a playtest level needs a name, a grid and a legend");
        }
        return new PlaytestLevel(name, grid, legend);
    }

    /**
     * Reads a level file ({@code .txt} text grid, {@code .tmx} Tiled map or {@code .png} bitmap) with its legend.
     *
     * @param levelFile the level
     * @param legendFile the JSON legend, or null for {@code legend.json} in the level's folder
     * @return the level, named after its file
     * @throws AnimataException naming the file when either cannot be read
     */
    public static PlaytestLevel read(Path levelFile, Path legendFile) {
        Path legendPath = legendFile;
        if (legendPath == null) {
            Path dir = levelFile.toAbsolutePath().getParent();
            legendPath = dir == null ? Path.of("legend.json") : dir.resolve("legend.json");
            if (!Files.exists(legendPath)) {
                throw new AnimataException("No legend for " + levelFile + ": give one with --legend FILE, or put "
                        + "legend.json beside the level");
            }
        }
        Legend legend = LegendReader.read(legendPath);
        TileGrid grid = LevelFiles.read(levelFile, legend);
        String file = levelFile.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return of(dot > 0 ? file.substring(0, dot) : file, grid, legend);
    }

    /**
     * The inverse of {@link #levelText()} and {@link #legendJson()}: how a job carries its level to another thread,
     * process or machine.
     *
     * @throws AnimataException when the text or JSON is invalid
     */
    public static PlaytestLevel parse(String name, String levelText, String legendJson) {
        Legend legend = LegendReader.parse(legendJson, name + " legend");
        return of(name, TextGridReader.parse(levelText, name, legend), legend);
    }

    /** @return the level as text, one row per line (what {@link #parse} reads) */
    public String levelText() {
        return grid.toText();
    }

    /** @return the legend as JSON in the format {@link LegendReader} reads (tags, view, colours) */
    public String legendJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode tiles = root.putObject("tiles");
        ObjectNode colors = JSON.createObjectNode();
        for (char c : legend.tiles()) {
            ArrayNode tags = tiles.putArray(String.valueOf(c));
            legend.tags(c).forEach(tags::add);
            legend.color(c).ifPresent(rgb -> colors.put(String.valueOf(c), String.format(Locale.ROOT, "#%06x", rgb)));
        }
        root.put("view", "top-down");
        if (!colors.isEmpty()) {
            root.set("colors", colors);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AnimataException("Cannot write the legend of level '" + name + "' as JSON", e);
        }
    }

    /** @return the name reports use */
    public String name() {
        return name;
    }

    /** @return the tiles */
    public TileGrid grid() {
        return grid;
    }

    /** @return what the tiles mean */
    public Legend legend() {
        return legend;
    }

    /** @return columns */
    public int width() {
        return grid.width();
    }

    /** @return rows */
    public int height() {
        return grid.height();
    }

    /** @return the start cells, in row-major order (a copy) */
    public int[] starts() {
        return starts.clone();
    }

    /** @return the start cell of bot {@code bot} */
    public int startOf(int bot) {
        return starts[Math.floorMod(bot, starts.length)];
    }

    /** @return whether cell {@code cell} is neither solid nor a hazard */
    public boolean isWalkable(int cell) {
        return walkable[cell];
    }

    /** @return whether cell {@code cell} blocks movement */
    public boolean isSolid(int cell) {
        return legend.isSolid(grid.at(cell));
    }

    /** @return whether the tile of {@code cell} carries {@code tag} */
    public boolean hasTag(int cell, String tag) {
        return legend.hasTag(grid.at(cell), tag);
    }

    /** @return the cell under the world point {@code (x, y)}, or -1 outside the map (or for a non-finite point) */
    public int cellAt(float x, float y) {
        if (!(x >= 0f && y >= 0f && x < grid.width() && y < grid.height())) {
            return -1;
        }
        int column = (int) x;
        int row = grid.height() - 1 - (int) y;
        return row * grid.width() + column;
    }

    /** @return the world x of the centre of {@code cell} */
    public float centreX(int cell) {
        return cell % grid.width() + 0.5f;
    }

    /** @return the world y of the centre of {@code cell} */
    public float centreY(int cell) {
        return grid.height() - 1 - cell / grid.width() + 0.5f;
    }

    @Override
    public String toString() {
        return "PlaytestLevel[" + name + ", " + grid.width() + "x" + grid.height() + "]";
    }
}
