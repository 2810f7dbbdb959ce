package io.animata.core.level.testing;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.io.LegendReader;
import io.animata.core.level.io.LevelFiles;
import java.nio.file.Path;
import java.util.List;

/** The example levels shipped in {@code assets/levels/}, read from the repository root. */
public final class Examples {
    private Examples() {
    }

    /** @return {@code assets/levels/<set>} */
    public static Path dir(String set) {
        String root = System.getProperty("animata.root");
        Path base = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        return base.resolve("assets").resolve("levels").resolve(set);
    }

    /** @return the set's legend */
    public static Legend legend(String set) {
        return LegendReader.read(dir(set).resolve("legend.json"));
    }

    /** @return the set's levels */
    public static List<ExampleLevel> levels(String set) {
        return LevelFiles.readDirectory(dir(set), legend(set));
    }
}
