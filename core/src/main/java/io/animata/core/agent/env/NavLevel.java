package io.animata.core.agent.env;

import io.animata.core.agent.TileSource;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A level of the {@code nav} task as a tile map, read from a text grid (so level generators can feed it): one line
 * per row, the first line at the top, one character per 1 m tile:
 * <pre>
 * '#' wall       'o' obstacle (a round post in the tile's centre)
 * '.' floor      'S' floor where an episode may start      'G' floor where the goal may be
 * </pre>
 * Everything outside the map is wall. A level made by {@code io.animata.core.level} (a generated dungeon) becomes a
 * nav level with {@link #of(String, TileGrid, Legend)}. Tile {@code (0, 0)} is the bottom-left one ({@link TileSource} convention);
 * world coordinates are metres with the map's bottom-left corner at the origin, so tile {@code (x, y)} spans
 * {@code [x, x + 1] x [y, y + 1]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NavLevel implements TileSource {
    /** Tile code of floor (including start and goal tiles). */
    public static final int FLOOR = 0;
    /** Tile code of a wall. */
    public static final int WALL = 1;
    /** Tile code of an obstacle post. */
    public static final int OBSTACLE = 2;

    private static final List<NavLevel> BUILT_IN = List.of(
            parse("open", String.join("\n",
                    "################",
                    "#S.....o......G#",
                    "#..............#",
                    "#...o......o...#",
                    "#..............#",
                    "#......##......#",
                    "#......##......#",
                    "#..............#",
                    "#...o......o...#",
                    "#..............#",
                    "#G......o.....S#",
                    "################")),
            parse("pillars", String.join("\n",
                    "################",
                    "#S.............#",
                    "#..o..o..o..o..#",
                    "#..............#",
                    "#..o..o..o..o..#",
                    "#..............#",
                    "#..o..o..o..o..#",
                    "#..............#",
                    "#..o..o..o..o..#",
                    "#.............G#",
                    "################")),
            parse("walls", String.join("\n",
                    "################",
                    "#S.............#",
                    "#..............#",
                    "#...#####......#",
                    "#..............#",
                    "#.........###..#",
                    "#..o...........#",
                    "#......o.......#",
                    "#...###......o.#",
                    "#..............#",
                    "#.............G#",
                    "################")),
            parse("rooms", String.join("\n",
                    "################",
                    "#S.....#.......#",
                    "#......#.......#",
                    "#..o...........#",
                    "#......#...o...#",
                    "#......#.......#",
                    "###.#######..###",
                    "#..............#",
                    "#....o.....o...#",
                    "#.............G#",
                    "################")));

    private final String name;
    private final int width;
    private final int height;
    private final int[] tiles;
    private final int[] starts;
    private final int[] goals;
    private final int walkableCount;

    private NavLevel(String name, int width, int height, int[] tiles, int[] starts, int[] goals) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.tiles = tiles;
        this.starts = starts;
        this.goals = goals;
        int walkable = 0;
        for (int t : tiles) {
            if (t == FLOOR) {
                walkable++;
            }
        }
        this.walkableCount = walkable;
    }

    /**
     * Reads a level.
     *
     * @param name the level's name, for messages and reports
     * @param text the grid: rows of equal length of {@code # . S G o}; blank lines at the ends are ignored
     * @return the level
     * @throws AnimataException when a row's length differs, a character is unknown, or there is no floor
     */
    public static NavLevel parse(String name, String text) {
        if (text == null) {
            throw new AnimataException("nav level '" + name + "': the text is null");
        }
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            rows.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        while (!rows.isEmpty() && rows.get(0).isBlank()) {
            rows.remove(0);
        }
        if (rows.isEmpty()) {
            throw new AnimataException("nav level '" + name + "' is empty: give rows of '#', '.', 'S', 'G', 'o'");
        }
        int height = rows.size();
        int width = rows.get(0).length();
        int[] tiles = new int[width * height];
        List<Integer> starts = new ArrayList<>();
        List<Integer> goals = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            String row = rows.get(r);
            if (row.length() != width) {
                throw new AnimataException("nav level '" + name + "': row " + (r + 1) + " has " + row.length()
                        + " tiles but row 1 has " + width + " (every row must be as long as the first)");
            }
            int y = height - 1 - r;
            for (int x = 0; x < width; x++) {
                char c = row.charAt(x);
                int cell = y * width + x;
                switch (c) {
                    case '#' -> tiles[cell] = WALL;
                    case 'o' -> tiles[cell] = OBSTACLE;
                    case '.' -> tiles[cell] = FLOOR;
                    case 'S' -> starts.add(cell);
                    case 'G' -> goals.add(cell);
                    default -> throw new AnimataException(String.format(Locale.ROOT,
                            "nav level '%s': unknown tile '%c' at row %d, column %d (use # wall, . floor, S start, "
                                    + "G goal, o obstacle)", name, c, r + 1, x + 1));
                }
            }
        }
        NavLevel level = new NavLevel(name, width, height, tiles, toArray(starts), toArray(goals));
        if (level.walkableCount == 0) {
            throw new AnimataException("nav level '" + name + "' has no floor tile");
        }
        return level;
    }

    /**
     * Reads a level made or loaded by {@code io.animata.core.level} (a generated dungeon, an example level), so that
     * nav agents can play in it. The legend's tags decide: a solid tile is a wall; a hazard that is not solid (spikes)
     * is an obstacle post, which agents steer round; a start or goal tile is floor where an episode may start or the
     * goal may be; every other tile (floor, doors, items) is floor. The grid's row 0 is its top row, as in a text
     * level; here it becomes the top row too ({@code y = height - 1}).
     *
     * @param name the level's name, for messages and reports
     * @param grid the level; it must have at least one floor tile
     * @param legend what the grid's characters mean
     * @return the level
     * @throws AnimataException when the grid has no floor tile
     */
    public static NavLevel of(String name, TileGrid grid, Legend legend) {
        if (grid == null || legend == null) {
            throw new IllegalArgumentException("grid and legend are required");
        }
        int width = grid.width();
        int height = grid.height();
        int[] tiles = new int[width * height];
        List<Integer> starts = new ArrayList<>();
        List<Integer> goals = new ArrayList<>();
        for (int row = 0; row < height; row++) {
            int y = height - 1 - row;
            for (int x = 0; x < width; x++) {
                char c = grid.get(x, row);
                int cell = y * width + x;
                if (legend.isSolid(c)) {
                    tiles[cell] = WALL;
                } else if (legend.isHazard(c)) {
                    tiles[cell] = OBSTACLE;
                } else {
                    tiles[cell] = FLOOR;
                    if (legend.isStart(c)) {
                        starts.add(cell);
                    } else if (legend.isGoal(c)) {
                        goals.add(cell);
                    }
                }
            }
        }
        NavLevel level = new NavLevel(name, width, height, tiles, toArray(starts), toArray(goals));
        if (level.walkableCount == 0) {
            throw new AnimataException("nav level '" + name + "' has no floor tile");
        }
        return level;
    }

    private static int[] toArray(List<Integer> cells) {
        Collections.sort(cells);
        int[] a = new int[cells.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = cells.get(i);
        }
        return a;
    }

    /** @return the built-in arenas: {@code open}, {@code pillars}, {@code walls}, {@code rooms} */
    public static List<NavLevel> builtIns() {
        return BUILT_IN;
    }

    /**
     * @param name a built-in arena's name
     * @return that arena
     * @throws AnimataException when there is none of that name (the message lists them)
     */
    public static NavLevel builtIn(String name) {
        for (NavLevel level : BUILT_IN) {
            if (level.name.equals(name)) {
                return level;
            }
        }
        List<String> names = new ArrayList<>();
        BUILT_IN.forEach(l -> names.add(l.name));
        throw new AnimataException("no built-in nav level '" + name + "'; there are " + names);
    }

    /** @return the level's name */
    public String name() {
        return name;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int tileAt(int x, int y) {
        return tiles[y * width + x];
    }

    /** @return whether an agent can stand on tile {@code (x, y)}; false off the map */
    public boolean isWalkable(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && tiles[y * width + x] == FLOOR;
    }

    /** @return the number of walkable tiles */
    public int walkableCount() {
        return walkableCount;
    }

    /** @return the {@code S} tiles as cell indices {@code y * width + x}, ascending (a copy; may be empty) */
    public int[] starts() {
        return starts.clone();
    }

    /** @return the {@code G} tiles as cell indices {@code y * width + x}, ascending (a copy; may be empty) */
    public int[] goals() {
        return goals.clone();
    }

    int startCount() {
        return starts.length;
    }

    int start(int i) {
        return starts[i];
    }

    int goalCount() {
        return goals.length;
    }

    int goal(int i) {
        return goals[i];
    }

    /** @return the level as text, the format {@link #parse} reads */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (int y = height - 1; y >= 0; y--) {
            for (int x = 0; x < width; x++) {
                int cell = y * width + x;
                char c = switch (tiles[cell]) {
                    case WALL -> '#';
                    case OBSTACLE -> 'o';
                    default -> contains(starts, cell) ? 'S' : contains(goals, cell) ? 'G' : '.';
                };
                text.append(c);
            }
            if (y > 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static boolean contains(int[] sorted, int cell) {
        return java.util.Arrays.binarySearch(sorted, cell) >= 0;
    }

    @Override
    public String toString() {
        return "NavLevel[" + name + ", " + width + "x" + height + "]";
    }
}
