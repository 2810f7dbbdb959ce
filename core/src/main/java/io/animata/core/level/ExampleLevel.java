package io.animata.core.level;

import java.util.Objects;

/**
 * A level read from a file, with the name it is reported under (usually its file name).
 *
 * <p>Threading: immutable.
 *
 * @param name where the level came from, for reports and error messages
 * @param grid its tiles
 */
public record ExampleLevel(String name, TileGrid grid) {
    /** @throws NullPointerException when either is null */
    public ExampleLevel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grid, "grid");
    }
}
