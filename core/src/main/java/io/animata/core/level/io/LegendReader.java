package io.animata.core.level.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.level.Legend;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Legend} from JSON in the Video Game Level Corpus style, with optional Animata fields:
 * <pre>{@code
 * {
 *   "tiles":  { "X": ["solid", "ground"], "-": ["passable", "empty"], "S": ["passable", "start"],
 *               "G": ["passable", "goal"], "^": ["passable", "hazard"], "H": ["passable", "climbable"] },
 *   "view":   "side",                          // or "top-down" (the default)
 *   "jump":   { "height": 4, "length": 4 },    // side view, in tiles
 *   "colors": { "X": "#5a3d2b", "-": "#9fd3ff" }
 * }
 * }</pre>
 * Every legend must have a tile tagged "start" and one tagged "goal": every playability check needs them.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class LegendReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("tiles", "view", "jump", "colors");

    private LegendReader() {
    }

    /**
     * @param file a legend JSON file
     * @return the legend
     * @throws AnimataException naming the file (and line and column for malformed JSON) when it cannot be read or
     *     is not a valid legend
     */
    public static Legend read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AnimataException("Legend file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new AnimataException("Cannot read legend file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * @param json the legend's JSON text
     * @param source the name used in error messages (a file name)
     * @return the legend
     * @throws AnimataException when it is not a valid legend
     */
    public static Legend parse(String json, String source) {
        if (json.isBlank()) {
            throw new AnimataException(source + " is empty: a legend is a JSON object such as "
                    + "{\"tiles\": {\"X\": [\"solid\"], \"-\": [\"passable\"], \"S\": [\"start\"], \"G\": [\"goal\"]}}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new AnimataException(source + where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new AnimataException(source + ": a legend must be a JSON object with a \"tiles\" object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new AnimataException(source + ": unknown field \"" + f + "\"; a legend has "
                        + "\"tiles\" and optionally \"view\", \"jump\" and \"colors\"");
            }
        }
        JsonNode tiles = root.get("tiles");
        if (tiles == null || !tiles.isObject() || tiles.isEmpty()) {
            throw new AnimataException(source + ": \"tiles\" must be a non-empty object mapping each tile character "
                    + "to its tags, e.g. \"tiles\": {\"X\": [\"solid\"]}");
        }
        Legend.Builder b = Legend.builder();
        for (Map.Entry<String, JsonNode> e : tiles.properties()) {
            char c = tileChar(e.getKey(), source, "tiles");
            JsonNode tagsNode = e.getValue();
            List<String> tags = new ArrayList<>();
            if (tagsNode.isTextual()) {
                tags.add(tagsNode.asText());
            } else if (tagsNode.isArray()) {
                for (JsonNode t : tagsNode) {
                    if (!t.isTextual()) {
                        throw new AnimataException(source + ": tiles." + e.getKey() + ": tags must be strings, found "
                                + t);
                    }
                    tags.add(t.asText());
                }
            } else {
                throw new AnimataException(source + ": tiles." + e.getKey()
                        + " must be a list of tags such as [\"solid\", \"ground\"], found " + tagsNode);
            }
            if (tags.contains("solid") && tags.contains("passable")) {
                throw new AnimataException(source + ": tile " + Legend.describe(c)
                        + " is tagged both \"solid\" and \"passable\": keep one");
            }
            b.addTile(c, tags);
        }
        JsonNode view = root.get("view");
        if (view != null) {
            String v = view.asText("").toLowerCase(Locale.ROOT);
            b.setView(switch (v) {
                case "top-down", "topdown", "top" -> Legend.View.TOP_DOWN;
                case "side", "side-view", "platformer" -> Legend.View.SIDE;
                default -> throw new AnimataException(source + ": \"view\" must be \"top-down\" or \"side\", was "
                        + view);
            });
        }
        JsonNode jump = root.get("jump");
        if (jump != null) {
            if (!jump.isObject() || !jump.path("height").isInt() || !jump.path("length").isInt()) {
                throw new AnimataException(source + ": \"jump\" must be an object of whole tiles such as "
                        + "{\"height\": 4, \"length\": 4}, was " + jump);
            }
            try {
                b.optJump(new Legend.Jump(jump.get("height").asInt(), jump.get("length").asInt()));
            } catch (AnimataException ex) {
                throw new AnimataException(source + ": " + ex.getMessage(), ex);
            }
        }
        JsonNode colors = root.get("colors");
        if (colors != null) {
            if (!colors.isObject()) {
                throw new AnimataException(source + ": \"colors\" must map tile characters to \"#rrggbb\"");
            }
            for (Map.Entry<String, JsonNode> e : colors.properties()) {
                char c = tileChar(e.getKey(), source, "colors");
                b.optColor(c, parseColor(e.getValue().asText(""), source, e.getKey()));
            }
        }
        Legend legend;
        try {
            legend = b.build();
        } catch (AnimataException ex) {
            throw new AnimataException(source + ": " + ex.getMessage(), ex);
        }
        legend.requireStartAndGoal(source);
        return legend;
    }

    private static char tileChar(String key, String source, String field) {
        if (key.length() != 1) {
            throw new AnimataException(source + ": " + field + " key \"" + key
                    + "\" must be exactly one character (one character is one tile)");
        }
        char c = key.charAt(0);
        if (c == '\n' || c == '\r') {
            throw new AnimataException(source + ": a line break cannot be a tile character");
        }
        return c;
    }

    private static int parseColor(String s, String source, String key) {
        String hex = s.startsWith("#") ? s.substring(1) : s;
        if (hex.length() != 6) {
            throw new AnimataException(source + ": colors." + key + " must be \"#rrggbb\", was \"" + s + "\"");
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new AnimataException(source + ": colors." + key + " must be \"#rrggbb\", was \"" + s + "\"", e);
        }
    }
}
