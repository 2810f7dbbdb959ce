package io.animata.core.playtest.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
