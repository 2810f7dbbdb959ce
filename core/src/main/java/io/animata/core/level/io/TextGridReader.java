package io.animata.core.level.io;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text level: one line per row, one character per tile, every row the same width (UTF-8; Windows line
 * endings and blank lines at the end are accepted). With a {@link Legend}, every character must be one of its tiles.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class TextGridReader {
    private TextGridReader() {
    }

    /**
     * @param file a text level
     * @param legend the tiles it may use
     * @return the level
     * @throws AnimataException naming the file, line and column of the first problem (missing or empty file,
     *     ragged rows, unknown character, invalid UTF-8)
     */
    public static TileGrid read(Path file, Legend legend) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AnimataException("Level file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new AnimataException("Cannot read level file " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AnimataException(file + " is not UTF-8 text: a text level has one character per tile", e);
        }
        return parse(text, file.toString(), legend);
    }

    /**
     * @param text the level's text
     * @param source the name used in error messages
     * @param legend the tiles it may use, or null to accept any character
     * @return the level
     * @throws AnimataException naming {@code source}, line and column of the first problem
     */
    public static TileGrid parse(String text, String source, Legend legend) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a UTF-8 byte-order mark some editors write
        }
        String[] lines = text.split("\n", -1);
        List<String> rows = new ArrayList<>(lines.length);
        for (String line : lines) {
            rows.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        // blank lines at the end are the file's last newline (or an editor's), not rows
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        if (rows.isEmpty()) {
            throw new AnimataException(source + " is empty: a text level needs at least one row of tiles");
        }
        int width = rows.get(0).length();
        if (width == 0) {
            throw new AnimataException(source + " line 1 is blank: a text level starts with its top row of tiles");
        }
        char[] cells = new char[width * rows.size()];
        for (int y = 0; y < rows.size(); y++) {
            String row = rows.get(y);
            if (row.length() != width) {
                String what = row.isEmpty() ? "is blank" : "has " + row.length() + " characters";
                throw new AnimataException(source + " line " + (y + 1) + " " + what + ", line 1 has " + width
                        + ": every row of a level must have the same width (ragged rows)");
            }
            for (int x = 0; x < width; x++) {
                char c = row.charAt(x);
                if (legend != null && !legend.contains(c)) {
                    throw new AnimataException(source + " line " + (y + 1) + ", column " + (x + 1) + ": character "
                            + Legend.describe(c) + " is not in the legend (its tiles: " + legend.describeTiles()
                            + "); add it to the legend or fix the level");
                }
                cells[y * width + x] = c;
            }
        }
        return TileGrid.of(width, rows.size(), cells);
    }
}
