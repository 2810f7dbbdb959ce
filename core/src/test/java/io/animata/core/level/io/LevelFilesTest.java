package io.animata.core.level.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheLevelsOfADirectoryByNameAndSkipsOtherFiles() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "#G\n");
        Files.writeString(dir.resolve("a.txt"), "#S\n");
        Files.writeString(dir.resolve("legend.json"), "{}");
        Files.writeString(dir.resolve("notes.md"), "hi");
        List<ExampleLevel> levels = LevelFiles.readDirectory(dir, TestLevels.dungeonLegend());
        assertEquals(List.of(new ExampleLevel("a.txt", TileGrid.of("#S")), new ExampleLevel("b.txt",
                TileGrid.of("#G"))), levels);
    }

    @Test
    void aDirectoryWithoutLevelsIsExplained() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> LevelFiles.readDirectory(dir, TestLevels.dungeonLegend()));
        assertTrue(e.getMessage().contains("holds no example level"), e.getMessage());
        AnimataException missing = assertThrows(AnimataException.class,
                () -> LevelFiles.readDirectory(dir.resolve("nope"), TestLevels.dungeonLegend()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
