package io.animata.core.playtest.balance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a balance run compares: two or more {@link UnitConfig}s and the {@link ArenaSettings}. Read from JSON:
 * <pre>{@code
 * {
 *   "arena": {"width": 24, "height": 14, "maxSeconds": 60},          // optional
 *   "configs": [
 *     {"name": "knights", "units": 4, "hp": 120, "damage": 14, "range": 0.6, "speed": 2.2, "cooldown": 1.0,
 *      "controller": "charge"},
 *     {"name": "archers", "units": 4, "hp": 60, "damage": 9, "range": 6, "speed": 2.6, "cooldown": 1.0,
 *      "controller": "kite"}
 *   ]
 * }
 * }</pre>
 *
 * <p>Threading: immutable.
 *
 * @param arena the arena (null in JSON for {@link ArenaSettings#DEFAULT})
 * @param configs the configurations, at least two, names unique
 */
public record BalanceConfig(ArenaSettings arena, List<UnitConfig> configs) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** @throws AnimataException when there are fewer than two configurations or two share a name */
    public BalanceConfig {
        if (arena == null) {
            arena = ArenaSettings.DEFAULT;
        }
        if (configs == null || configs.size() < 2) {
            throw new AnimataException("a balance run needs at least two configurations in \"configs\", had "
                    + (configs == null ? 0 : configs.size()));
        }
        if (configs.size() > 64) {
            throw new AnimataException("a balance run compares at most 64 configurations, had " + configs.size());
        }
        Set<String> names = new HashSet<>();
        for (UnitConfig c : configs) {
            if (!names.add(c.name())) {
                throw new AnimataException("two configurations are named '" + c.name() + "': names must be unique");
            }
        }
        configs = List.copyOf(configs);
    }

    /**
     * @param file a balance configuration JSON file
     * @return the configuration
     * @throws AnimataException naming the file (and the line and column of malformed JSON, or the bad field)
     */
    public static BalanceConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AnimataException("Balance config " + file + " does not exist", e);
        } catch (IOException e) {
            throw new AnimataException("Cannot read balance config " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * @param json the configuration's JSON
     * @param source the name used in error messages
     * @return the configuration
     * @throws AnimataException naming {@code source} when it is not a valid configuration
     */
    public static BalanceConfig parse(String json, String source) {
        try {
            return JSON.readValue(json, BalanceConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof AnimataException ? cause.getMessage() : e.getOriginalMessage();
            throw new AnimataException(source + ": " + why, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new AnimataException(source + where + ": not a valid balance config: " + e.getOriginalMessage(), e);
        }
    }
}
