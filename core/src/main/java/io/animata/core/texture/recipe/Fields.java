package io.animata.core.texture.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a recipe (a node, or the output) and says exactly where a value is wrong:
 * {@code recipe 'grass': node 'base' field 'octaves': expected an integer from 1 to 16, got 40}. Remembers every
 * field asked for, so that {@link #rejectUnknown} can name a misspelt one.
 *
 * <p>Threading: used by one parsing thread.
 */
final class Fields {
    private final String recipe;
    private final String where;
    private final JsonNode object;
    private final Set<String> known = new LinkedHashSet<>();

    Fields(String recipe, String where, JsonNode object) {
        this.recipe = recipe;
        this.where = where;
        this.object = object;
    }

    /** @return "node 'base'" or "output": where in the recipe these fields are */
    String where() {
        return where;
    }

    AnimataException error(String field, String message) {
        return new AnimataException("recipe '" + recipe + "': " + where + " field '" + field + "': " + message);
    }

    AnimataException error(String message) {
        return new AnimataException("recipe '" + recipe + "': " + where + ": " + message);
    }

    /** @return the field's value, or null when it is absent or JSON null */
    JsonNode get(String field) {
        known.add(field);
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String field) {
        return get(field) != null;
    }

    String string(String field, String fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw error(field, "expected a string, got " + v);
        }
        return v.asText();
    }

    /** @return the name of another node this field refers to, or null when the field is absent and optional */
    String reference(String field, boolean required) {
        JsonNode v = get(field);
        if (v == null) {
            if (required) {
                throw error(field, "is required (the name of another node)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw error(field, "expected the name of another node, got " + v);
        }
        return v.asText();
    }

    double number(String field, double fallback, double min, double max) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        return checkNumber(field, v, min, max);
    }

    double requiredNumber(String field, double min, double max) {
        JsonNode v = get(field);
        if (v == null) {
            throw error(field, "is required (" + range(min, max) + ")");
        }
        return checkNumber(field, v, min, max);
    }

    private double checkNumber(String field, JsonNode v, double min, double max) {
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw error(field, "expected " + range(min, max) + ", got " + v);
        }
        return v.asDouble();
    }

    /** @return a number, or two numbers [x, y] for per-axis values, each in [min, max] */
    double[] pair(String field, double fallback, double min, double max) {
        JsonNode v = get(field);
        if (v == null) {
            return new double[] {fallback, fallback};
        }
        if (v.isArray() && v.size() == 2 && v.get(0).isNumber() && v.get(1).isNumber()) {
            double x = v.get(0).asDouble();
            double y = v.get(1).asDouble();
            if (x >= min && x <= max && y >= min && y <= max) {
                return new double[] {x, y};
            }
        } else if (v.isNumber()) {
            double x = v.asDouble();
            if (x >= min && x <= max) {
                return new double[] {x, x};
            }
        }
        throw error(field, "expected " + range(min, max) + ", or [x, y] of two such numbers, got " + v);
    }

    int integer(String field, int fallback, int min, int max) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        double d = v.asDouble();
        if (!v.isNumber() || d != Math.rint(d) || d < min || d > max) {
            throw error(field, "expected an integer from " + min + " to " + max + ", got " + v);
        }
        return v.asInt();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(field, "expected true or false, got " + v);
        }
        return v.asBoolean();
    }

    /** @return the choice named by the field (case-insensitive), or the fallback when absent */
    <E> E choice(String field, E fallback, Map<String, E> choices) {
        JsonNode v = get(field);
        if (v == null) {
            if (fallback == null) {
                throw error(field, "is required (one of " + String.join(", ", choices.keySet()) + ")");
            }
            return fallback;
        }
        E e = v.isTextual() ? choices.get(v.asText().toLowerCase(Locale.ROOT)) : null;
        if (e == null) {
            throw error(field, "expected one of " + String.join(", ", choices.keySet()) + ", got " + v);
        }
        return e;
    }

    /** @return {@code 0xRRGGBBAA} from "#rrggbb" or "#rrggbbaa" */
    int color(String field) {
        JsonNode v = get(field);
        if (v == null) {
            throw error(field, "is required (a colour like \"#4f7a2c\")");
        }
        return parseColor(v, field);
    }

    int parseColor(JsonNode v, String field) {
        String text = v.isTextual() ? v.asText() : "";
        if (text.matches("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")) {
            long value = Long.parseLong(text.substring(1), 16);
            return (int) (text.length() == 7 ? value << 8 | 0xFF : value);
        }
        throw error(field, "expected a colour like \"#4f7a2c\" or \"#4f7a2cff\", got " + v);
    }

    /** Fails on a field that was never asked for: a misspelling, or a field of another node type. */
    void rejectUnknown(String kindOfObject) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw error(unknown.get(0), "unknown field for " + kindOfObject + " (its fields: "
                    + String.join(", ", known) + ")");
        }
    }

    private static String range(double min, double max) {
        if (max == Double.MAX_VALUE) {
            return min == Double.MIN_VALUE ? "a positive number" : "a number of at least " + fmt(min);
        }
        return "a number from " + fmt(min) + " to " + fmt(max);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
