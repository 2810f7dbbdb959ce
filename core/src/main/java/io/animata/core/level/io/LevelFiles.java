package io.animata.core.level.io;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads example levels by file type: {@code .txt} text levels, {@code .tmx} Tiled maps, {@code .png} bitmaps.
 *
 * <p>Threading: stateless; thread-safe.
 *
 * <pre>{@code
 * Legend legend = LegendReader.read(Path.of("assets/levels/dungeon/legend.json"));
 * List<ExampleLevel> examples = LevelFiles.readDirectory(Path.of("assets/levels/dungeon"), legend);
 * }</pre>
 */
public final class LevelFiles {
    private LevelFiles() {
    }

    /** @return whether {@code file}'s name ends in an extension this class reads */
    public static boolean isLevelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".tmx") || name.endsWith(".png");
    }

    /**
     * @param file a {@code .txt}, {@code .tmx} or {@code .png} level
     * @param legend the tiles it may use
     * @return the level
     * @throws AnimataException for an unknown extension or an invalid file
     */
    public static TileGrid read(Path file, Legend legend) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return TextGridReader.read(file, legend);
        } else if (name.endsWith(".tmx")) {
            return TmxReader.read(file, legend);
        } else if (name.endsWith(".png")) {
            return BitmapReader.read(file, legend);
        }
        throw new AnimataException(file + ": unknown level format; use .txt (text), .tmx (Tiled) or .png (bitmap)");
    }

    /**
     * @param dir a directory of levels (not searched below); other files (the legend, notes) are skipped
     * @param legend the tiles they may use
     * @return the levels, by file name
     * @throws AnimataException when the directory is missing or holds no level, or a level is invalid
     */
    public static List<ExampleLevel> readDirectory(Path dir, Legend legend) {
        if (!Files.isDirectory(dir)) {
            throw new AnimataException("Example directory " + dir + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(LevelFiles::isLevelFile).sorted().toList();
        } catch (IOException e) {
            throw new AnimataException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new AnimataException(dir + " holds no example level (.txt, .tmx or .png)");
        }
        List<ExampleLevel> out = new ArrayList<>(files.size());
        for (Path f : files) {
            out.add(new ExampleLevel(f.getFileName().toString(), read(f, legend)));
        }
        return out;
    }
}
