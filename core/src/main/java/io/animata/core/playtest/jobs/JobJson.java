package io.animata.core.playtest.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;

/**
 * The JSON mapping of job specs and results, and the line protocol between a {@link ProcessJobRunner} and its
 * {@link JobWorker}s: the runner writes one request per line,
 * {@code {"type": "<JobType class>", "index": 3, "spec": {...}}}, and the worker answers each with one line
 * {@code @result {"index": 3, "result": {...}}} or {@code @result {"index": 3, "error": "..."}}.
 *
 * <p>Threading: the mapper is thread-safe once configured.
 */
public final class JobJson {
    /** Prefix of every answer line a worker writes. */
    public static final String RESULT_PREFIX = "@result ";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobJson() {
    }

    /** @return the shared mapper (do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param type the job type (its class is named in the request)
     * @param index the job's index in its run
     * @param spec the job
     * @return one request line (no line break)
     */
    public static <S> String request(JobType<S, ?> type, int index, S spec) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("type", type.getClass().getName());
        request.put("index", index);
        request.set("spec", MAPPER.valueToTree(spec));
        try {
            return MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new AnimataException("Cannot write job " + index + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param answer an answer line, with or without {@link #RESULT_PREFIX}
     * @return the answer as JSON ({@code index} and {@code result} or {@code error})
     * @throws AnimataException when it is not JSON
     */
    public static JsonNode parseAnswer(String answer) {
        String text = answer.startsWith(RESULT_PREFIX) ? answer.substring(RESULT_PREFIX.length()) : answer;
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AnimataException("not a job answer: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param answer a parsed answer
     * @param type the result's class
     * @return the result
     * @throws AnimataException when the answer is an error or its result cannot be read
     */
    public static <R> R result(JsonNode answer, Class<R> type) {
        int index = answer.path("index").asInt(-1);
        if (answer.has("error")) {
            throw new AnimataException("job " + index + " failed: " + answer.get("error").asText());
        }
        try {
            return MAPPER.treeToValue(answer.get("result"), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AnimataException("job " + index + ": cannot read its result as " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
