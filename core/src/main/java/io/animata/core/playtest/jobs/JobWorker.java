package io.animata.core.playtest.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A job worker process: reads job requests from stdin, one JSON line each, runs them one after the other and
 * writes one answer line per request to stdout ({@link JobJson} describes the lines). Anything else the program
 * prints goes to stderr, so the answers stay readable. Started by {@link ProcessJobRunner}; a distributed engine can
 * call {@link #answer} on each line instead.
 *
 * <pre>
 * java -cp animata.jar io.animata.core.playtest.jobs.JobWorker &lt; requests.jsonl &gt; answers.txt
 * </pre>
 *
 * <p>Threading: single-threaded.
 */
public final class JobWorker {
    private final Map<String, JobType<?, ?>> types = new HashMap<>();

    /** Runs requests from stdin until it closes, then exits (0). */
    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int code;
        try {
            code = new JobWorker().serve(System.in, protocol);
        } catch (IOException e) {
            System.err.println("job worker: " + e.getMessage());
            code = 1;
        }
        protocol.flush();
        System.exit(code); // native libraries may keep threads alive
    }

    /**
     * Answers every request line of {@code in} on {@code out}, then closes the job types it made.
     *
     * @return 0
     * @throws IOException when {@code in} cannot be read
     */
    public int serve(InputStream in, PrintStream out) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                out.println(JobJson.RESULT_PREFIX + answer(line));
                out.flush();
            }
        } finally {
            for (JobType<?, ?> t : types.values()) {
                t.close();
            }
            types.clear();
        }
        return 0;
    }

    /**
     * Runs one request.
     *
     * @param request {@code {"type": ..., "index": ..., "spec": ...}}
     * @return the answer, {@code {"index": ..., "result": ...}} or {@code {"index": ..., "error": ...}}
     */
    public String answer(String request) {
        ObjectMapper json = JobJson.mapper();
        ObjectNode answer = json.createObjectNode();
        try {
            JsonNode node = json.readTree(request);
            answer.put("index", node.path("index").asInt(-1));
            JobType<?, ?> type = type(node.path("type").asText());
            answer.set("result", json.valueToTree(run(type, node.get("spec"), json)));
        } catch (Exception | AssertionError | StackOverflowError e) {
            answer.remove("result");
            answer.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            return json.writeValueAsString(answer);
        } catch (IOException e) {
            return "{\"index\": -1, \"error\": \"cannot write the answer\"}";
        }
    }

    private static <S, R> R run(JobType<S, R> type, JsonNode spec, ObjectMapper json) throws IOException {
        if (spec == null) {
            throw new IllegalArgumentException("the request has no \"spec\"");
        }
        return type.run(json.treeToValue(spec, type.specType()));
    }

    private JobType<?, ?> type(String className) throws ReflectiveOperationException {
        JobType<?, ?> t = types.get(className);
        if (t == null) {
            Class<?> c = Class.forName(className, true, JobWorker.class.getClassLoader());
            if (!JobType.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException(className + " is not a " + JobType.class.getName());
            }
            t = (JobType<?, ?>) c.getConstructor().newInstance();
            types.put(className, t);
        }
        return t;
    }
}
