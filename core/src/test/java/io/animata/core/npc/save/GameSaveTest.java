package io.animata.core.npc.save;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The save document: round trip, versions and migrations, damaged files, and crashes mid-write. */
class GameSaveTest {
    @TempDir
    Path dir;

    private static GameSave withCounters(CounterSection counters) {
        return new GameSave().register("counters", counters);
    }

    @Test
    void aPluggedInSectionRoundTrips() {
        CounterSection out = new CounterSection();
        out.values.putAll(Map.of("trust", 7, "fear", -2));
        Path file = dir.resolve("slot.json");
        withCounters(out).save(file);
        CounterSection in = new CounterSection();
        GameSave.LoadReport report = withCounters(in).load(file);
        assertEquals(out.values, in.values);
        assertEquals(file.toAbsolutePath(), report.file());
        assertFalse(report.fromBackup());
        assertEquals(List.of("counters"), report.loaded());
        assertEquals(2, in.preparedFromVersion);
    }

    @Test
    void eachSaveKeepsThePreviousOneAsTheBackupAndLeavesNoTemporaryFiles() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("day", 1);
        withCounters(c).save(file);
        assertFalse(Files.exists(SaveFiles.backupOf(file)));
        c.values.put("day", 2);
        withCounters(c).save(file);
        c.values.put("day", 3);
        withCounters(c).save(file);
        assertTrue(Files.readString(SaveFiles.backupOf(file)).contains("\"day\" : 2"));
        assertTrue(Files.readString(file).contains("\"day\" : 3"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("slot.json", "slot.json.bak"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void aWriterThatDiesHalfWayLeavesTheLastGoodSave() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("gold", 10);
        GameSave save = withCounters(c);
        save.save(file);
        byte[] good = Files.readAllBytes(file);
        for (int i = 0; i < 20000; i++) {
            c.values.put("k" + i, i); // big enough for several chunks
        }
        ObjectNode snapshot = save.snapshot();
        byte[] bytes = save.json().writeValueAsBytes(snapshot);
        assertTrue(bytes.length > 3 * 64 * 1024);
        AnimataException crash = assertThrows(AnimataException.class, () -> SaveFiles.write(file, bytes,
                (temp, written, total) -> {
                    if (written >= total / 2) {
                        throw new IOException("simulated crash after " + written + " of " + total + " bytes");
                    }
                }));
        assertTrue(crash.getMessage().contains("simulated crash") && crash.getMessage().contains("slot.json"));
        assertArrayEquals(good, Files.readAllBytes(file));
        CounterSection loaded = new CounterSection();
        withCounters(loaded).load(file);
        assertEquals(Map.of("gold", 10), loaded.values);
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnoredByLoadAndRemovedByTheNextSave() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("gold", 10);
        withCounters(c).save(file);
        byte[] full = Files.readAllBytes(file);
        Path leftover = dir.resolve(".slot.json.12345.tmp");
        Files.write(leftover, Arrays.copyOf(full, full.length / 2)); // a crashed writer's half file
        CounterSection loaded = new CounterSection();
        withCounters(loaded).load(file);
        assertEquals(Map.of("gold", 10), loaded.values);
        withCounters(c).save(file);
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aTruncatedSaveFallsBackToTheBackupAndSaysSo() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("gold", 10);
        withCounters(c).save(file);
        c.values.put("gold", 20);
        withCounters(c).save(file);
        byte[] full = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(full, full.length - 7)); // the disk lost the end
        CounterSection loaded = new CounterSection();
        GameSave.LoadReport report = withCounters(loaded).load(file);
        assertTrue(report.fromBackup());
        assertEquals(SaveFiles.backupOf(file.toAbsolutePath()), report.file());
        assertTrue(report.saveProblem().contains("damaged"), report.saveProblem());
        assertEquals(Map.of("gold", 10), loaded.values);
    }

    @Test
    void aDamagedSaveNeverReplacesAGoodBackup() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("gold", 10);
        withCounters(c).save(file);
        withCounters(c).save(file);
        byte[] goodBackup = Files.readAllBytes(SaveFiles.backupOf(file));
        Files.writeString(file, "{\"format\": \"animata-save\", \"vers"); // the disk lost the end
        c.values.put("gold", 30);
        withCounters(c).save(file);
        assertArrayEquals(goodBackup, Files.readAllBytes(SaveFiles.backupOf(file)));
        CounterSection loaded = new CounterSection();
        withCounters(loaded).load(file);
        assertEquals(Map.of("gold", 30), loaded.values);
    }

    @Test
    void garbageInBothFilesIsAnErrorNamingEachFileAndItsProblem() throws IOException {
        Path file = dir.resolve("slot.json");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        Files.writeString(SaveFiles.backupOf(file), "{\"format\": \"animata-save\", \"version\": 1}");
        CounterSection loaded = new CounterSection();
        loaded.values.put("untouched", 1);
        AnimataException e = assertThrows(AnimataException.class, () -> withCounters(loaded).load(file));
        assertTrue(e.getMessage().contains("slot.json is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("slot.json.bak is damaged: \"sections\" is missing"), e.getMessage());
        assertEquals(Map.of("untouched", 1), loaded.values);
    }

    @Test
    void trailingGarbageAfterTheDocumentIsDamage() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("gold", 10);
        withCounters(c).save(file);
        Files.writeString(file, Files.readString(file) + "}{\"half\": ");
        AnimataException e = assertThrows(AnimataException.class, () -> withCounters(new CounterSection()).load(file));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("no backup"), e.getMessage());
    }

    @Test
    void aMissingSaveSaysWhichFile() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> withCounters(new CounterSection()).load(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json does not exist"), e.getMessage());
    }

    @Test
    void aSaveFromANewerGameIsRefusedWithoutFallingBack() throws IOException {
        CounterSection c = new CounterSection();
        Path file = dir.resolve("slot.json");
        c.values.put("gold", 10);
        withCounters(c).save(file);
        withCounters(c).save(file); // a good backup exists
        Files.writeString(file, "{\"format\": \"animata-save\", \"version\": 99, \"sections\": {}}");
        AnimataException e = assertThrows(AnimataException.class, () -> withCounters(new CounterSection()).load(file));
        assertTrue(e.getMessage().contains("newer version of the game") && e.getMessage().contains("99"),
                e.getMessage());
        Files.writeString(file, "{\"format\": \"animata-save\", \"version\": 1, \"sections\": {\"counters\": "
                + "{\"version\": 3, \"data\": {}}}}");
        e = assertThrows(AnimataException.class, () -> withCounters(new CounterSection()).load(file));
        assertTrue(e.getMessage().contains("section 'counters' in version 3"), e.getMessage());
    }

    @Test
    void anOlderDocumentIsMigratedAndAnOlderSectionIsGivenItsVersion() throws IOException {
        Path file = dir.resolve("old.json");
        // version 0 kept the sections at the top level
        Files.writeString(file, "{\"format\": \"animata-save\", \"version\": 0, \"counters\": {\"gold\": 4}}");
        CounterSection loaded = new CounterSection();
        AnimataException none = assertThrows(AnimataException.class, () -> withCounters(loaded).load(file));
        assertTrue(none.getMessage().contains("no migration from version 0 to 1"), none.getMessage());
        GameSave save = withCounters(loaded).addMigration(0, doc -> {
            ObjectNode sections = doc.putObject("sections");
            ObjectNode counters = sections.putObject("counters");
            counters.put("version", 1);
            counters.set("data", doc.remove("counters"));
            return doc;
        });
        GameSave.LoadReport report = save.load(file);
        assertEquals(0, report.fileVersion());
        assertEquals(1, loaded.preparedFromVersion);
        assertEquals(Map.of("gold", 40), loaded.values);
    }

    @Test
    void aSectionWithBadDataAppliesNothingAtAll() throws IOException {
        CounterSection first = new CounterSection();
        CounterSection second = new CounterSection();
        first.values.put("a", 1);
        second.values.put("b", 2);
        Path file = dir.resolve("slot.json");
        new GameSave().register("first", first).register("second", second).save(file);
        Files.writeString(file, Files.readString(file).replace("\"b\" : 2", "\"b\" : \"two\""));
        first.values.put("a", 100);
        AnimataException e = assertThrows(AnimataException.class,
                () -> new GameSave().register("first", first).register("second", second).load(file));
        assertTrue(e.getMessage().contains("section 'second'") && e.getMessage().contains("'b' is not a whole number"),
                e.getMessage());
        assertEquals(Map.of("a", 100), first.values, "the first section must not be half-loaded");
    }

    @Test
    void unknownAndMissingSectionsAreReported() {
        CounterSection c = new CounterSection();
        c.values.put("x", 1);
        Path file = dir.resolve("slot.json");
        new GameSave().register("old-system", c).save(file);
        GameSave.LoadReport report = new GameSave().register("counters", new CounterSection()).load(file);
        assertEquals(List.of("counters"), report.absent());
        assertEquals(List.of("old-system"), report.ignored());
    }

    @Test
    void keysAreCheckedAndUnique() {
        GameSave save = new GameSave().register("a", new CounterSection());
        assertThrows(IllegalArgumentException.class, () -> save.register("a", new CounterSection()));
        assertThrows(IllegalArgumentException.class, () -> save.register("no spaces", new CounterSection()));
        assertThrows(IllegalArgumentException.class, () -> save.addMigration(GameSave.VERSION, d -> d));
    }

    @Test
    void aWriterProcessKilledMidWriteLeavesALoadableSave() throws Exception {
        Path file = dir.resolve("slot.json");
        CounterSection c = new CounterSection();
        c.values.put("gold", 10);
        withCounters(c).save(file);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                SlowSaveWriter.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            String first = new String(writer.getInputStream().readNBytes(SlowSaveWriter.STARTED.length()),
                    StandardCharsets.UTF_8);
            assertEquals(SlowSaveWriter.STARTED, first, "the writer did not start writing");
            writer.destroyForcibly(); // like a power cut for this process: no finally, no cleanup
            assertTrue(writer.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            writer.destroyForcibly();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "the killed writer should have left its partial temporary file");
        }
        CounterSection loaded = new CounterSection();
        GameSave.LoadReport report = withCounters(loaded).load(file);
        assertFalse(report.fromBackup());
        assertEquals(Map.of("gold", 10), loaded.values);
    }
}
