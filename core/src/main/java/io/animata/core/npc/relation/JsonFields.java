package io.animata.core.npc.relation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.runtime.AnimataException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads designer-written JSON (relationship rules, story slices) with errors that name the file and the field, e.g.
 * {@code story slice guards-key.json: ends[1].when: unknown condition 'flg'}. Every read takes the path of the node
 * it reads so that the message can say where the problem is.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String what;

    /** @param what what is being read, for messages, e.g. {@code "story slice guards-key.json"} */
    public JsonFields(String what) {
        this.what = what;
    }

    /** @return the shared mapper (for building nodes) */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * @return the text as a JSON object
     * @throws AnimataException when it is not JSON or not an object
     */
    public JsonNode parseObject(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AnimataException(what + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new AnimataException(what + " must be a JSON object { ... }");
        }
        return root;
    }

    /** @return an error naming {@code path} */
    public AnimataException error(String path, String message) {
        return new AnimataException(what + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Fails when {@code node} has a field not in {@code allowed}, listing the allowed ones. */
    public void onlyFields(JsonNode node, String path, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw error(join(path, n), "unknown field; expected one of " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    /** @return the object at {@code node.field}; null when absent and not required */
    public JsonNode object(JsonNode node, String path, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(join(path, field), "missing (an object { ... } is required)");
            }
            return null;
        }
        if (!v.isObject()) {
            throw error(join(path, field), "must be an object { ... }, was " + v.getNodeType().toString().toLowerCase());
        }
        return v;
    }

    /** @return the array at {@code node.field}; null when absent and not required */
    public JsonNode array(JsonNode node, String path, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(join(path, field), "missing (an array [ ... ] is required)");
            }
            return null;
        }
        if (!v.isArray()) {
            throw error(join(path, field), "must be an array [ ... ], was " + v.getNodeType().toString().toLowerCase());
        }
        return v;
    }

    /** @return the text at {@code node.field}; {@code fallback} when absent (null fallback: required) */
    public String text(JsonNode node, String path, String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw error(join(path, field), "missing (a text is required)");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw error(join(path, field), "must be a text \"...\", was " + v.getNodeType().toString().toLowerCase());
        }
        return v.asText();
    }

    /** @return the number at {@code node.field}; {@code fallback} when absent (NaN fallback: required) */
    public double number(JsonNode node, String path, String field, double fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (Double.isNaN(fallback)) {
                throw error(join(path, field), "missing (a number is required)");
            }
            return fallback;
        }
        return number(v, join(path, field));
    }

    /** @return the node as a finite number */
    public double number(JsonNode v, String path) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(path, "must be a number, was " + v);
        }
        return v.asDouble();
    }

    /** @return the boolean at {@code node.field}; {@code fallback} when absent */
    public boolean bool(JsonNode node, String path, String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(join(path, field), "must be true or false, was " + v);
        }
        return v.asBoolean();
    }

    /** @return the node as a text */
    public String text(JsonNode v, String path) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(path, "must be a non-empty text \"...\", was " + v);
        }
        return v.asText();
    }

    /** @return {@code path.field} (or {@code field} at the root) */
    public static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** @return {@code path[i]} */
    public static String at(String path, int i) {
        return path + "[" + i + "]";
    }
}
