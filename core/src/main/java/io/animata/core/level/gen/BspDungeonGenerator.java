package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Rooms and corridors by binary space partitioning: the level is cut in two, and the halves again, until the pieces
 * are small; each piece gets a room of random size inside it, and the two halves of every cut are joined by an
 * L-shaped corridor between a room of each, so that every room is reachable. Where a corridor meets a room through a
 * one-tile gap, a door goes in (when the legend has a tile tagged "door"). Decorations come from an
 * {@link ItemPlacer}.
 *
 * <p>Threading: immutable; thread-safe.
 */
public final class BspDungeonGenerator implements LevelGenerator {
    private final int width;
    private final int height;
    private final int minLeaf;
    private final char wall;
    private final char floor;
    private final Character door;
    private final ItemPlacer items;

    /**
     * @param legend a top-down legend
     * @param width level width, at least 7
     * @param height level height, at least 7
     * @param minLeaf the smallest piece a cut may leave, at least 5 (a 3x3 room and its walls)
     * @param items the decorations to scatter
     * @throws io.animata.runtime.AnimataException for a side-view legend or a level too small
     */
    public BspDungeonGenerator(Legend legend, int width, int height, int minLeaf, ItemPlacer items) {
        TopDownGenerators.requireTopDown(legend, "The BSP dungeon generator");
        TopDownGenerators.requireSize(width, height, 7, "The BSP dungeon generator");
        if (minLeaf < 5) {
            throw new io.animata.runtime.AnimataException("BSP pieces must be at least 5 tiles (a 3x3 room with its "
                    + "walls), was " + minLeaf);
        }
        this.width = width;
        this.height = height;
        this.minLeaf = minLeaf;
        this.wall = legend.wall();
        this.floor = legend.background();
        Character d = null;
        for (char c : legend.tiles()) {
            if (d == null && legend.hasTag(c, "door") && legend.isPassable(c) && !legend.isHazard(c)) {
                d = c;
            }
        }
        this.door = d;
        this.items = items;
    }

    /** A room: its floor spans [x0, x1) x [y0, y1). */
    private record Room(int x0, int y0, int x1, int y1) {
    }

    @Override
    public Optional<TileGrid> generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        char[] cells = new char[width * height];
        Arrays.fill(cells, wall);
        boolean[] inRoom = new boolean[cells.length];
        // pieces include the wall ring: a piece [x, x+w) holds a room inside [x+1, x+w-1)
        split(cells, inRoom, 0, 0, width, height, rng);
        if (door != null) {
            placeDoors(cells, inRoom, rng);
        }
        items.place(cells, width, height, rng);
        return Optional.of(TileGrid.of(width, height, cells));
    }

    /** Splits the piece, makes rooms in its leaves and joins its halves; @return the rooms made inside it */
    private List<Room> split(char[] cells, boolean[] inRoom, int x, int y, int w, int h, SplittableRandom rng) {
        boolean canCutX = w >= 2 * minLeaf;
        boolean canCutY = h >= 2 * minLeaf;
        if (!canCutX && !canCutY || (w < 3 * minLeaf && h < 3 * minLeaf && rng.nextInt(4) == 0)) {
            return List.of(room(cells, inRoom, x, y, w, h, rng));
        }
        boolean cutX = canCutX && (!canCutY || (w > h ? rng.nextInt(4) != 0 : rng.nextInt(4) == 0));
        List<Room> a;
        List<Room> b;
        if (cutX) {
            int at = minLeaf + rng.nextInt(w - 2 * minLeaf + 1);
            a = split(cells, inRoom, x, y, at, h, rng);
            b = split(cells, inRoom, x + at - 1, y, w - at + 1, h, rng);
        } else {
            int at = minLeaf + rng.nextInt(h - 2 * minLeaf + 1);
            a = split(cells, inRoom, x, y, w, at, rng);
            b = split(cells, inRoom, x, y + at - 1, w, h - at + 1, rng);
        }
        corridor(cells, a.get(rng.nextInt(a.size())), b.get(rng.nextInt(b.size())), rng);
        List<Room> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Room room(char[] cells, boolean[] inRoom, int x, int y, int w, int h, SplittableRandom rng) {
        int maxW = w - 2;
        int maxH = h - 2;
        int rw = Math.max(3, maxW - rng.nextInt(Math.max(1, maxW / 2)));
        int rh = Math.max(3, maxH - rng.nextInt(Math.max(1, maxH / 2)));
        rw = Math.min(rw, maxW);
        rh = Math.min(rh, maxH);
        int rx = x + 1 + rng.nextInt(maxW - rw + 1);
        int ry = y + 1 + rng.nextInt(maxH - rh + 1);
        for (int yy = ry; yy < ry + rh; yy++) {
            for (int xx = rx; xx < rx + rw; xx++) {
                cells[yy * width + xx] = floor;
                inRoom[yy * width + xx] = true;
            }
        }
        return new Room(rx, ry, rx + rw, ry + rh);
    }

    private void corridor(char[] cells, Room a, Room b, SplittableRandom rng) {
        int ax = a.x0() + rng.nextInt(a.x1() - a.x0());
        int ay = a.y0() + rng.nextInt(a.y1() - a.y0());
        int bx = b.x0() + rng.nextInt(b.x1() - b.x0());
        int by = b.y0() + rng.nextInt(b.y1() - b.y0());
        if (rng.nextBoolean()) {
            dig(cells, ax, ay, bx, ay);
            dig(cells, bx, ay, bx, by);
        } else {
            dig(cells, ax, ay, ax, by);
            dig(cells, ax, by, bx, by);
        }
    }

    private void dig(char[] cells, int x0, int y0, int x1, int y1) {
        int dx = Integer.signum(x1 - x0);
        int dy = Integer.signum(y1 - y0);
        int x = x0;
        int y = y0;
        while (true) {
            if (x > 0 && y > 0 && x < width - 1 && y < height - 1) {
                cells[y * width + x] = floor;
            }
            if (x == x1 && y == y1) {
                break;
            }
            x += dx;
            y += dy;
        }
    }

    /** A corridor tile in a one-tile gap (walls on both sides) next to a room tile becomes a door, now and then. */
    private void placeDoors(char[] cells, boolean[] inRoom, SplittableRandom rng) {
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                if (cells[i] != floor || inRoom[i]) {
                    continue;
                }
                boolean gapX = cells[i - 1] == wall && cells[i + 1] == wall
                        && (inRoom[i - width] || inRoom[i + width]);
                boolean gapY = cells[i - width] == wall && cells[i + width] == wall
                        && (inRoom[i - 1] || inRoom[i + 1]);
                if ((gapX || gapY) && rng.nextInt(2) == 0) {
                    cells[i] = door;
                }
            }
        }
    }
}
