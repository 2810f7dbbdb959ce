package io.animata.core.npc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Who an NPC is, as data a designer writes: name, role, traits, speaking style, knowledge, goals, and the
 * in-character lines it says when its language model cannot answer. Loaded from JSON ({@link #load}, with the field
 * names of this record) or taken from the built-in ones ({@link #builtIn}); {@link PersonaComponent#set} puts it on
 * an entity.
 *
 * <pre>{@code
 * { "name": "Mira", "role": "the village blacksmith", "traits": ["gruff", "honest"],
 *   "speakingStyle": "short, plain sentences", "knowledge": "...", "goals": "...",
 *   "fallbackLines": ["Hm. Ask me again, traveller."],
 *   "refusalLines": ["No. That I won't do."] }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name what the NPC is called; required
 * @param role what it is in the world, e.g. "the village blacksmith"
 * @param traits a few words of character
 * @param speakingStyle how it talks
 * @param knowledge what it knows
 * @param goals what it wants
 * @param fallbackLines what it says when the model fails (server down); a generic line when empty
 * @param refusalLines what it says instead of acting when the game refuses the action its reply proposed (not
 *     allowed, or a precondition fails); a generic line when empty
 */
public record Persona(String name, String role, List<String> traits, String speakingStyle, String knowledge,
        String goals, List<String> fallbackLines, List<String> refusalLines) {
    /** The built-in personas, for {@link #builtIn} and {@code animata chat --npc}. */
    public static final List<String> BUILT_IN = List.of("mira", "tom", "guard");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Fills missing lists and texts with empty ones; requires a name. */
    public Persona {
        if (name == null || name.isBlank()) {
            throw new AnimataException("a persona needs a \"name\"");
        }
        role = role == null ? "" : role;
        traits = traits == null ? List.of() : List.copyOf(traits);
        speakingStyle = speakingStyle == null ? "" : speakingStyle;
        knowledge = knowledge == null ? "" : knowledge;
        goals = goals == null ? "" : goals;
        fallbackLines = fallbackLines == null ? List.of() : List.copyOf(fallbackLines);
        refusalLines = refusalLines == null ? List.of() : List.copyOf(refusalLines);
    }

    /** A persona with no refusal lines (the generic one is used). */
    public Persona(String name, String role, List<String> traits, String speakingStyle, String knowledge,
            String goals, List<String> fallbackLines) {
        this(name, role, traits, speakingStyle, knowledge, goals, fallbackLines, List.of());
    }

    /**
     * Reads a persona from JSON text.
     *
     * @param source where the text came from, for errors
     * @throws AnimataException naming the source and the problem (unknown field, missing name, not JSON)
     */
    public static Persona parse(String json, String source) {
        try {
            return JSON.readValue(json, Persona.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof AnimataException ? e.getCause() : e;
            String why = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new AnimataException("persona " + source + " is not valid: " + why
                    + "; fields are name, role, traits, speakingStyle, knowledge, goals, fallbackLines,"
                    + " refusalLines", e);
        }
    }

    /**
     * Reads a persona JSON file.
     *
     * @throws AnimataException when the file is missing or not a valid persona
     */
    public static Persona load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnimataException("persona file not found: " + file.toAbsolutePath());
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new AnimataException("cannot read persona file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param id one of {@link #BUILT_IN}, any case
     * @throws AnimataException for another id, listing the built-in ones
     */
    public static Persona builtIn(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (!BUILT_IN.contains(key)) {
            throw new AnimataException("no built-in persona '" + id + "'; built in: " + String.join(", ", BUILT_IN)
                    + " (or give a persona JSON file)");
        }
        String resource = "/animata/personas/" + key + ".json";
        try (InputStream in = Persona.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AnimataException("built-in persona resource missing from the jar: " + resource);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new AnimataException("cannot read built-in persona " + resource + ": " + e.getMessage(), e);
        }
    }
}
