package io.animata.runtime.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A reply that is speech plus an optional structured action, asked of a server through its structured-output option
 * (OpenAI's {@code response_format} with a JSON schema): the server is asked for {@code {"say": "...", "action":
 * ACTION_SCHEMA or null}}; the {@code say} text streams as the reply while it arrives, and a non-null action is
 * appended at the end as one more line, {@code MARKER {json}} — the same text a local model writes by itself, so the
 * caller reads every backend's replies alike. Backends without structured output ignore it (the caller's prompt asks
 * for the action line instead).
 *
 * <p>Immutable and thread-safe (the schema is copied and must not be changed).
 *
 * @param marker what starts the action line, e.g. {@code ACTION:}
 * @param actionSchema the JSON schema of the action object
 */
public record StructuredReply(String marker, ObjectNode actionSchema) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies. */
    public StructuredReply {
        if (marker == null || marker.isBlank()) {
            throw new IllegalArgumentException("the action marker is empty");
        }
        if (actionSchema == null) {
            throw new IllegalArgumentException("the action schema is null");
        }
        actionSchema = actionSchema.deepCopy();
    }

    /**
     * @return the OpenAI {@code response_format} value: a strict JSON schema {@code {"say": string, "action":
     *     ACTION_SCHEMA | null}}
     */
    public ObjectNode responseFormat() {
        ObjectNode format = JSON.createObjectNode().put("type", "json_schema");
        ObjectNode spec = format.putObject("json_schema").put("name", "npc_reply").put("strict", true);
        ObjectNode schema = spec.putObject("schema").put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("say").put("type", "string");
        ArrayNode anyOf = properties.putObject("action").putArray("anyOf");
        anyOf.add(actionSchema.deepCopy());
        anyOf.addObject().put("type", "null");
        schema.putArray("required").add("say").add("action");
        return format;
    }

    /** @return the action line for a parsed action object: the marker, a space and its JSON; "" for null */
    public String actionLine(JsonNode action) {
        return action == null || action.isNull() || action.isMissingNode() ? "" : marker + " " + action;
    }
}
