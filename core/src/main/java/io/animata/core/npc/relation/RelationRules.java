package io.animata.core.npc.relation;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The designer's rules for relationships: the dimensions ({@link RelationDimension}), how much each game event moves
 * them ({@code "gift": {"trust": 0.1, "affinity": 0.25}}), how an NPC's own actions in its replies move its feelings
 * toward the player, the word lists of the cheap sentiment reading of player lines ({@link LineSentiment}) and the
 * events that reading fires, how strongly hearsay counts, and how feelings are put into words. Loaded from JSON
 * ({@link #parse}, {@link #load}); {@link #defaults()} are the built-in rules (trust, affinity, fear).
 *
 * <pre>{@code
 * { "dimensions": [ {"name": "trust", "min": -1, "max": 1, "baseline": 0, "halfLifeSeconds": 900,
 *                    "positive": "trust {target} {degree}", "negative": "distrust {target} {degree}",
 *                    "degrees": ["a little", "", "deeply"]} ],
 *   "events": { "gift": {"trust": 0.1} },
 *   "actions": { "give_item": {"trust": 0.05} },
 *   "sentiment": { "kindEvent": "kind_words", "rudeEvent": "rude_words", "threatEvent": "threat",
 *                  "threshold": 0.2, "words": {"thanks": 0.6}, "threats": ["kill"], "negations": ["not"] },
 *   "hearsay": 0.3, "bands": [0.15, 0.4, 0.7], "maxClauses": 4 }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RelationRules {
    /** The resource of the built-in rules. */
    public static final String DEFAULT_RESOURCE = "/animata/relations/default.json";
    private static final Set<String> TOP = Set.of("dimensions", "events", "actions", "sentiment", "hearsay", "bands",
            "maxClauses");
    private static final Set<String> DIMENSION = Set.of("name", "min", "max", "baseline", "halfLifeSeconds",
            "positive", "negative", "degrees");
    private static final Set<String> SENTIMENT = Set.of("kindEvent", "rudeEvent", "threatEvent", "threshold", "words",
            "threats", "negations");
    private static volatile RelationRules defaults;

    private final List<RelationDimension> dimensions;
    private final Map<String, float[]> events;
    private final Map<String, float[]> actions;
    private final LineSentiment sentiment;
    private final String kindEvent;
    private final String rudeEvent;
    private final String threatEvent;
    private final float sentimentThreshold;
    private final float hearsay;
    private final float[] bands;
    private final int maxClauses;

    private RelationRules(List<RelationDimension> dimensions, Map<String, float[]> events,
            Map<String, float[]> actions, LineSentiment sentiment, String kindEvent, String rudeEvent,
            String threatEvent, float sentimentThreshold, float hearsay, float[] bands, int maxClauses) {
        this.dimensions = List.copyOf(dimensions);
        this.events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
        this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        this.sentiment = sentiment;
        this.kindEvent = kindEvent;
        this.rudeEvent = rudeEvent;
        this.threatEvent = threatEvent;
        this.sentimentThreshold = sentimentThreshold;
        this.hearsay = hearsay;
        this.bands = bands;
        this.maxClauses = maxClauses;
    }

    /** @return the built-in rules: trust, affinity, fear, and common events (gift, attack, help, insult...) */
    public static RelationRules defaults() {
        RelationRules d = defaults;
        if (d == null) {
            try (InputStream in = RelationRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new AnimataException("built-in relation rules missing from the jar: " + DEFAULT_RESOURCE);
                }
                d = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new AnimataException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
            }
            defaults = d;
        }
        return d;
    }

    /**
     * Reads rules from a JSON file.
     *
     * @throws AnimataException when the file is missing or the rules are malformed (naming the field)
     */
    public static RelationRules load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnimataException("relation rules file not found: " + file.toAbsolutePath());
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new AnimataException("cannot read relation rules " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads rules from JSON text.
     *
     * @param source where the text came from, for errors
     * @throws AnimataException naming the field that is wrong
     */
    public static RelationRules parse(String json, String source) {
        JsonFields f = new JsonFields("relation rules " + source);
        JsonNode root = f.parseObject(json);
        f.onlyFields(root, "", TOP);
        JsonNode dims = f.array(root, "", "dimensions", true);
        if (dims.isEmpty()) {
            throw f.error("dimensions", "needs at least one dimension");
        }
        List<RelationDimension> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dims.size(); i++) {
            String path = JsonFields.at("dimensions", i);
            JsonNode d = dims.get(i);
            if (!d.isObject()) {
                throw f.error(path, "must be an object {\"name\": ...}");
            }
            f.onlyFields(d, path, DIMENSION);
            String name = f.text(d, path, "name", null);
            if (!names.add(name)) {
                throw f.error(JsonFields.join(path, "name"), "dimension '" + name + "' is defined twice");
            }
            List<String> degrees = new ArrayList<>();
            JsonNode deg = f.array(d, path, "degrees", false);
            if (deg != null) {
                for (int k = 0; k < deg.size(); k++) {
                    if (!deg.get(k).isTextual()) {
                        throw f.error(JsonFields.at(JsonFields.join(path, "degrees"), k), "must be a text");
                    }
                    degrees.add(deg.get(k).asText());
                }
            }
            try {
                list.add(new RelationDimension(name, (float) f.number(d, path, "min", -1),
                        (float) f.number(d, path, "max", 1), (float) f.number(d, path, "baseline", 0),
                        (float) f.number(d, path, "halfLifeSeconds", 600), f.text(d, path, "positive", ""),
                        f.text(d, path, "negative", ""), degrees));
            } catch (IllegalArgumentException e) {
                throw f.error(path, e.getMessage());
            }
        }
        Map<String, float[]> events = deltas(f, root, "events", list);
        Map<String, float[]> actions = deltas(f, root, "actions", list);
        JsonNode s = f.object(root, "", "sentiment", false);
        Map<String, Float> words = new HashMap<>();
        Set<String> threats = new HashSet<>();
        Set<String> negations = new HashSet<>();
        String kind = "kind_words";
        String rude = "rude_words";
        String threat = "threat";
        float threshold = 0.2f;
        if (s != null) {
            f.onlyFields(s, "sentiment", SENTIMENT);
            kind = f.text(s, "sentiment", "kindEvent", kind);
            rude = f.text(s, "sentiment", "rudeEvent", rude);
            threat = f.text(s, "sentiment", "threatEvent", threat);
            threshold = (float) f.number(s, "sentiment", "threshold", threshold);
            JsonNode w = f.object(s, "sentiment", "words", false);
            if (w != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    words.put(e.getKey().toLowerCase(java.util.Locale.ROOT),
                            (float) f.number(e.getValue(), "sentiment.words." + e.getKey()));
                }
            }
            textSet(f, s, "threats", threats);
            textSet(f, s, "negations", negations);
        }
        JsonNode bandNode = f.array(root, "", "bands", false);
        float[] bands = {0.15f, 0.4f, 0.7f};
        if (bandNode != null) {
            if (bandNode.size() != 3) {
                throw f.error("bands", "needs 3 increasing numbers (weak, clear, strong), had " + bandNode.size());
            }
            for (int i = 0; i < 3; i++) {
                bands[i] = (float) f.number(bandNode.get(i), JsonFields.at("bands", i));
            }
            if (!(bands[0] > 0 && bands[0] < bands[1] && bands[1] < bands[2])) {
                throw f.error("bands", "must be positive and increasing, were " + bandNode);
            }
        }
        int maxClauses = (int) f.number(root, "", "maxClauses", 4);
        if (maxClauses < 0) {
            throw f.error("maxClauses", "must be >= 0");
        }
        float hearsay = (float) f.number(root, "", "hearsay", 0.3);
        if (hearsay < 0 || hearsay > 1) {
            throw f.error("hearsay", "must be between 0 and 1, was " + hearsay);
        }
        return new RelationRules(list, events, actions, new LineSentiment(words, threats, negations), kind, rude,
                threat, threshold, hearsay, bands, maxClauses);
    }

    private static void textSet(JsonFields f, JsonNode s, String field, Set<String> out) {
        JsonNode a = f.array(s, "sentiment", field, false);
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                out.add(f.text(a.get(i), JsonFields.at("sentiment." + field, i)).toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static Map<String, float[]> deltas(JsonFields f, JsonNode root, String field, List<RelationDimension> dims) {
        Map<String, float[]> out = new LinkedHashMap<>();
        JsonNode node = f.object(root, "", field, false);
        if (node == null) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = field + "." + e.getKey();
            if (!e.getValue().isObject()) {
                throw f.error(path, "must be an object of dimension changes, e.g. {\"trust\": 0.1}");
            }
            float[] d = new float[dims.size()];
            for (Iterator<Map.Entry<String, JsonNode>> c = e.getValue().fields(); c.hasNext();) {
                Map.Entry<String, JsonNode> change = c.next();
                int k = indexOf(dims, change.getKey());
                if (k < 0) {
                    throw f.error(path + "." + change.getKey(), "unknown dimension; dimensions are "
                            + String.join(", ", dims.stream().map(RelationDimension::name).toList()));
                }
                d[k] = (float) f.number(change.getValue(), path + "." + change.getKey());
            }
            out.put(e.getKey(), d);
        }
        return out;
    }

    private static int indexOf(List<RelationDimension> dims, String name) {
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the dimensions, in order */
    public List<RelationDimension> dimensions() {
        return dimensions;
    }

    /** @return how many dimensions there are */
    public int dimensionCount() {
        return dimensions.size();
    }

    /** @return the index of the named dimension, or -1 */
    public int dimension(String name) {
        return indexOf(dimensions, name);
    }

    /**
     * @return the index of the named dimension
     * @throws AnimataException naming the known dimensions when there is none of that name
     */
    public int requireDimension(String name) {
        int i = dimension(name);
        if (i < 0) {
            throw new AnimataException("no relation dimension '" + name + "'; dimensions are "
                    + String.join(", ", dimensions.stream().map(RelationDimension::name).toList()));
        }
        return i;
    }

    /** @return the changes of the named event, one per dimension, or null when the rules do not know it */
    public float[] event(String name) {
        return events.get(name);
    }

    /** @return the events the rules know */
    public Set<String> eventNames() {
        return events.keySet();
    }

    /** @return the changes to an NPC's feelings toward the player when it performs this action itself, or null */
    public float[] action(String verb) {
        return actions.get(verb);
    }

    /** @return the sentiment reading of player lines */
    public LineSentiment sentiment() {
        return sentiment;
    }

    /** @return the event fired by a warm player line */
    public String kindEvent() {
        return kindEvent;
    }

    /** @return the event fired by a hostile player line */
    public String rudeEvent() {
        return rudeEvent;
    }

    /** @return the event fired by a threatening player line */
    public String threatEvent() {
        return threatEvent;
    }

    /** @return the smallest |score| of a player line that fires the kind or rude event */
    public float sentimentThreshold() {
        return sentimentThreshold;
    }

    /** @return how strongly an event heard of second-hand counts, 0..1 */
    public float hearsay() {
        return hearsay;
    }

    /** @return the degree (0 weak, 1 clear, 2 strong) of a distance from the baseline, or -1 when too small to say */
    public int degree(float distance) {
        float a = Math.abs(distance);
        return a >= bands[2] ? 2 : a >= bands[1] ? 1 : a >= bands[0] ? 0 : -1;
    }

    /** @return the most feelings put into one prompt (the strongest first) */
    public int maxClauses() {
        return maxClauses;
    }
}
