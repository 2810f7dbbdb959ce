package io.animata.core.npc.save;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A game save holding NPC state: one versioned JSON document whose sections are registered under keys (NPC memories,
 * relationships, story progress, the game's own state), written atomically with a backup of the previous save
 * ({@link SaveFiles}).
 *
 * <pre>
 * {"format": "animata-save", "version": 1, "savedAt": "2026-11-21T12:00:00Z",
 *  "sections": {"npc-memory": {"version": 1, "data": {...}}, "relationships": {"version": 2, "data": {...}}}}
 * </pre>
 *
 * <p>Loading reads the whole file, checks the format and version (an older version is brought up to date by the
 * registered {@link SaveMigration}s; a newer one is refused), lets every registered section {@link
 * SaveSection#prepare prepare} its state, and only then applies them all: a save is loaded whole or not at all. When
 * the save is damaged (cut short, not JSON, wrong structure, a section's data invalid) the backup is loaded instead
 * and the {@link LoadReport} says so; when both are damaged the error names each file and its problem.
 *
 * <pre>{@code
 * GameSave save = new GameSave();
 * save.register(MemorySaveSection.KEY, memorySystem.saveSection());
 * save.register("relationships", relationshipSection);
 * save.save(Path.of("saves/slot1.json"));                 // atomic; slot1.json.bak keeps the previous one
 * LoadReport report = save.load(Path.of("saves/slot1.json"));
 * }</pre>
 *
 * <p>Threading: {@link #save}, {@link #snapshot} and {@link #load} on the game thread (the sections read and write
 * game state). To keep the disk off the game thread, take a {@link #snapshot} there and {@link #write} it from
 * another thread (a job).
 */
public final class GameSave {
    /** The document's format name. */
    public static final String FORMAT = "animata-save";
    /** The document version this code writes and reads. */
    public static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(GameSave.class.getName());

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, SaveSection> sections = new LinkedHashMap<>();
    private final Map<Integer, SaveMigration> migrations = new LinkedHashMap<>();

    /**
     * Registers a section.
     *
     * @param key its name in the document (letters, digits, '-', '_', '.')
     * @throws IllegalArgumentException when the key is taken or malformed
     */
    public GameSave register(String key, SaveSection section) {
        if (key == null || !key.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("a save section key is letters, digits, '-', '_' and '.', was '" + key
                    + "'");
        }
        if (section == null) {
            throw new IllegalArgumentException("section '" + key + "' is null");
        }
        if (sections.putIfAbsent(key, section) != null) {
            throw new IllegalArgumentException("a save section is already registered under '" + key + "'");
        }
        return this;
    }

    /** @return the registered keys, in registration order */
    public List<String> keys() {
        return List.copyOf(sections.keySet());
    }

    /**
     * Registers the step that turns a document of version {@code from} into version {@code from + 1}.
     */
    public GameSave addMigration(int from, SaveMigration migration) {
        if (from < 0 || from >= VERSION) {
            throw new IllegalArgumentException("a migration starts from a version below " + VERSION + ", was " + from);
        }
        if (migration == null) {
            throw new IllegalArgumentException("migration is null");
        }
        migrations.put(from, migration);
        return this;
    }

    /** @return the mapper sections are given */
    public ObjectMapper json() {
        return json;
    }

    /** @return the whole document for the current state, to {@link #write} on any thread. Game thread. */
    public ObjectNode snapshot() {
        ObjectNode doc = json.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("savedAt", Instant.now().toString());
        ObjectNode all = doc.putObject("sections");
        for (Map.Entry<String, SaveSection> e : sections.entrySet()) {
            ObjectNode section = all.putObject(e.getKey());
            section.put("version", e.getValue().version());
            JsonNode data = e.getValue().save(json);
            if (data == null) {
                throw new AnimataException("save section '" + e.getKey() + "' wrote no data (null)");
            }
            section.set("data", data);
        }
        return doc;
    }

    /**
     * Writes a snapshot atomically to {@code file}, the previous save kept as {@code file.bak} (unless it is damaged:
     * then the backup stays as it is). Any thread.
     *
     * @throws AnimataException when the file cannot be written (the previous save stays as it was)
     */
    public void write(ObjectNode snapshot, Path file) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new AnimataException("cannot write the save " + file + " as JSON: " + e.getOriginalMessage(), e);
        }
        SaveFiles.write(file, bytes, this::isComplete);
    }

    /** Whether a file is a complete save document (so it may become the backup); reads it whole. */
    private boolean isComplete(Path file) {
        try {
            JsonNode root = json.readTree(file.toFile());
            return root != null && FORMAT.equals(root.path("format").asText(null)) && root.path("sections").isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** Takes a snapshot and writes it. Game thread. */
    public void save(Path file) {
        write(snapshot(), file);
    }

    /**
     * Loads {@code file} (or, when it is missing or damaged, its backup) into every registered section.
     *
     * @return which file was loaded, and what was in it
     * @throws AnimataException when neither file can be loaded (naming each file and its problem), or the save was
     *     written by a newer version of the game
     */
    public LoadReport load(Path file) {
        Path main = file.toAbsolutePath();
        Path backup = SaveFiles.backupOf(main);
        String mainProblem;
        try {
            return apply(main, prepare(main), null);
        } catch (NewerVersionException e) {
            throw e;
        } catch (AnimataException e) {
            mainProblem = e.getMessage();
        }
        if (!Files.isRegularFile(backup)) {
            throw new AnimataException(mainProblem + (Files.isRegularFile(main) ? "; and there is no backup " + backup
                    + " to fall back to" : ""));
        }
        try {
            LoadReport report = apply(backup, prepare(backup), mainProblem);
            LOG.log(Level.WARNING, "loaded the backup " + backup + " because " + mainProblem);
            return report;
        } catch (NewerVersionException e) {
            throw e;
        } catch (AnimataException e) {
            throw new AnimataException("no loadable save: " + mainProblem + "; and the backup: " + e.getMessage(), e);
        }
    }

    /** A document read and every section prepared: applying it cannot fail half-way on bad data. */
    private record Prepared(List<Runnable> steps, List<String> loaded, List<String> absent, List<String> ignored,
            int fileVersion) {
    }

    private Prepared prepare(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnimataException("the save " + file + " does not exist");
        }
        JsonNode root;
        try {
            root = json.readTree(SaveFiles.read(file));
        } catch (IOException e) {
            throw new AnimataException("the save " + file + " is damaged (not complete JSON, perhaps cut short): "
                    + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new AnimataException("the save " + file + " is damaged: it is not a JSON object");
        }
        ObjectNode doc = (ObjectNode) root;
        if (!FORMAT.equals(doc.path("format").asText(null))) {
            throw new AnimataException("the save " + file + " is not an Animata save: its \"format\" is "
                    + doc.path("format") + ", expected \"" + FORMAT + "\"");
        }
        JsonNode v = doc.get("version");
        if (v == null || !v.isInt()) {
            throw new AnimataException("the save " + file + " is damaged: \"version\" is missing or not a whole number");
        }
        int fileVersion = v.intValue();
        if (fileVersion > VERSION) {
            throw new NewerVersionException("the save " + file + " was written by a newer version of the game (save "
                    + "format " + fileVersion + "; this one reads up to " + VERSION + "): update the game to load it");
        }
        for (int at = fileVersion; at < VERSION; at++) {
            SaveMigration step = migrations.get(at);
            if (step == null) {
                throw new AnimataException("the save " + file + " has the old format " + fileVersion + " and no "
                        + "migration from version " + at + " to " + (at + 1) + " is registered (GameSave.addMigration)");
            }
            doc = step.migrate(doc);
            doc.put("version", at + 1);
        }
        JsonNode all = doc.get("sections");
        if (all == null || !all.isObject()) {
            throw new AnimataException("the save " + file + " is damaged: \"sections\" is missing or not an object");
        }
        List<Runnable> steps = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, SaveSection> e : sections.entrySet()) {
            JsonNode section = all.get(e.getKey());
            if (section == null) {
                absent.add(e.getKey());
                continue;
            }
            JsonNode sv = section.get("version");
            if (!section.isObject() || sv == null || !sv.isInt() || !section.has("data")) {
                throw new AnimataException("the save " + file + " is damaged: section '" + e.getKey() + "' needs a "
                        + "whole-number \"version\" and \"data\"");
            }
            if (sv.intValue() > e.getValue().version()) {
                throw new NewerVersionException("the save " + file + " has section '" + e.getKey() + "' in version "
                        + sv.intValue() + ", newer than this game reads (" + e.getValue().version() + ")");
            }
            try {
                Runnable step = e.getValue().prepare(section.get("data"), sv.intValue(), json);
                steps.add(step == null ? () -> { } : step);
            } catch (AnimataException | IllegalArgumentException | IllegalStateException problem) {
                throw new AnimataException("the save " + file + " has invalid data in section '" + e.getKey() + "': "
                        + problem.getMessage(), problem);
            }
            loaded.add(e.getKey());
        }
        List<String> ignored = new ArrayList<>();
        for (Iterator<String> names = all.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!sections.containsKey(name)) {
                ignored.add(name);
            }
        }
        return new Prepared(steps, loaded, absent, ignored, fileVersion);
    }

    private static LoadReport apply(Path file, Prepared prepared, String mainProblem) {
        for (Runnable step : prepared.steps) {
            step.run();
        }
        return new LoadReport(file, mainProblem != null, mainProblem, prepared.fileVersion, List.copyOf(prepared.loaded),
                List.copyOf(prepared.absent), List.copyOf(prepared.ignored));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A save from a newer game: never fall back to an older backup silently. */
    private static final class NewerVersionException extends AnimataException {
        private static final long serialVersionUID = 1L;

        NewerVersionException(String message) {
            super(message);
        }
    }

    /**
     * What {@link #load} did.
     *
     * @param file the file loaded
     * @param fromBackup whether it is the backup, because the save itself could not be loaded
     * @param saveProblem why the save itself could not be loaded (null when it was)
     * @param fileVersion the document version found in the file (before migration)
     * @param loaded sections read from the file
     * @param absent registered sections the file has no data for (left as they were)
     * @param ignored sections in the file that nothing is registered for
     */
    public record LoadReport(Path file, boolean fromBackup, String saveProblem, int fileVersion, List<String> loaded,
            List<String> absent, List<String> ignored) {
    }
}
