package io.animata.core.level;

import io.animata.runtime.AnimataException;
import java.util.Arrays;

/**
 * A rectangular level of tiles, one character per tile, as in a text level: row 0 is the top row and x grows to the
 * right. What a character means (solid, hazard, start...) is the {@link Legend}'s business, not the grid's.
 *
 * <p>Threading: immutable, so it can be shared between threads freely. Cells are copied in and out.
 *
 * <pre>{@code
 * TileGrid grid = TileGrid.of("XXXX", "S--G", "XXXX");
 * char c = grid.get(1, 1); // '-'
 * }</pre>
 */
public final class TileGrid {
    private final int width;
    private final int height;
    private final char[] cells;
    private int hash;

    private TileGrid(int width, int height, char[] cells) {
        this.width = width;
        this.height = height;
        this.cells = cells;
    }

    /**
     * @param width columns, at least 1
     * @param height rows, at least 1
     * @param cells {@code width * height} characters, row by row from the top; copied
     * @return the grid
     * @throws AnimataException when the sizes do not match
     */
    public static TileGrid of(int width, int height, char[] cells) {
        if (width < 1 || height < 1) {
            throw new AnimataException("A tile grid needs at least one column and one row, was " + width + "x" + height);
        }
        if (cells.length != width * height) {
            throw new AnimataException("A " + width + "x" + height + " tile grid needs " + width * height
                    + " cells, got " + cells.length);
        }
        return new TileGrid(width, height, cells.clone());
    }

    /**
     * @param rows the rows from the top, all of the same length (for tests and small hand-made levels)
     * @return the grid
     * @throws AnimataException when there are no rows or the rows differ in length
     */
    public static TileGrid of(String... rows) {
        if (rows.length == 0 || rows[0].isEmpty()) {
            throw new AnimataException("A tile grid needs at least one non-empty row");
        }
        int w = rows[0].length();
        char[] cells = new char[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != w) {
                throw new AnimataException("Row " + (y + 1) + " has " + rows[y].length()
                        + " characters, the first row has " + w + ": every row of a level must have the same width");
            }
            rows[y].getChars(0, w, cells, y * w);
        }
        return new TileGrid(w, rows.length, cells);
    }

    /** @return a grid of the given size filled with one character */
    public static TileGrid filled(int width, int height, char c) {
        char[] cells = new char[Math.max(0, width) * Math.max(0, height)];
        Arrays.fill(cells, c);
        return of(width, height, cells);
    }

    /** @return the number of columns */
    public int width() {
        return width;
    }

    /** @return the number of rows */
    public int height() {
        return height;
    }

    /** @return {@code width * height} */
    public int size() {
        return cells.length;
    }

    /** @return whether (x, y) lies on the grid */
    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /**
     * @return the tile at column x, row y (row 0 is the top)
     * @throws IndexOutOfBoundsException outside the grid
     */
    public char get(int x, int y) {
        if (!contains(x, y)) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside the " + width + "x" + height + " grid");
        }
        return cells[y * width + x];
    }

    /** @return the tile at row-major index {@code y * width + x} */
    public char at(int index) {
        return cells[index];
    }

    /** @return a copy of the cells, row by row from the top */
    public char[] cells() {
        return cells.clone();
    }

    /** Copies the cells into {@code out} (at least {@link #size()} long), row by row from the top. */
    public void copyCells(char[] out) {
        System.arraycopy(cells, 0, out, 0, cells.length);
    }

    /** @return row y as a string */
    public String row(int y) {
        return new String(cells, y * width, width);
    }

    /** @return a copy with the tile at (x, y) replaced */
    public TileGrid with(int x, int y, char c) {
        if (!contains(x, y)) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside the " + width + "x" + height + " grid");
        }
        char[] copy = cells.clone();
        copy[y * width + x] = c;
        return new TileGrid(width, height, copy);
    }

    /** @return how many tiles are {@code c} */
    public int count(char c) {
        int n = 0;
        for (char cell : cells) {
            if (cell == c) {
                n++;
            }
        }
        return n;
    }

    /** @return the index of the first tile {@code c} in row-major order, or -1 */
    public int indexOf(char c) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** @return the rows joined by {@code '\n'}, with a final newline: the text-level format */
    public String toText() {
        StringBuilder sb = new StringBuilder(cells.length + height);
        for (int y = 0; y < height; y++) {
            sb.append(cells, y * width, width).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileGrid g && g.width == width && g.height == height && Arrays.equals(g.cells, cells);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * (31 * width + height) + Arrays.hashCode(cells);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return width + "x" + height + " grid\n" + toText();
    }
}
