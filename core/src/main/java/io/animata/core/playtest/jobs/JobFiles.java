package io.animata.core.playtest.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.runtime.AnimataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs as files, for running a split run elsewhere (another machine, a cluster engine): {@link #writeRequests} writes
 * one request line per job, anything that runs {@link JobWorker} over the lines (in any order, on any number of
 * machines) produces answer lines, and {@link #readResults} puts the results back in job order.
 *
 * <pre>
 * JobFiles.writeRequests(Path.of("jobs.jsonl"), new PlaytestJobType(), playtest.jobs());
 * // java -cp animata.jar io.animata.core.playtest.jobs.JobWorker &lt; jobs.jsonl &gt; answers.txt
 * List&lt;BotResult&gt; results = JobFiles.readResults(Path.of("answers.txt"), new PlaytestJobType(), jobs.size());
 * </pre>
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class JobFiles {
    private JobFiles() {
    }

    /**
     * @param file where to write the request lines
     * @param type the job type
     * @param specs the jobs, in order
     * @throws AnimataException naming the file when it cannot be written
     */
    public static <S> void writeRequests(Path file, JobType<S, ?> type, List<S> specs) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < specs.size(); i++) {
                out.write(JobJson.request(type, i, specs.get(i)));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new AnimataException("Cannot write the job requests " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file answer lines (from one or more workers, concatenated, in any order; other lines are skipped)
     * @param type the job type
     * @param count how many jobs the run had
     * @return the results in job order
     * @throws AnimataException naming the file when it cannot be read, a job failed, or a job has no answer
     */
    public static <R> List<R> readResults(Path file, JobType<?, R> type, int count) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnimataException("Cannot read the job answers " + file + ": " + e.getMessage(), e);
        }
        JsonNode[] answers = new JsonNode[count];
        for (String line : lines) {
            if (!line.startsWith(JobJson.RESULT_PREFIX)) {
                continue;
            }
            JsonNode answer = JobJson.parseAnswer(line);
            int index = answer.path("index").asInt(-1);
            if (index < 0 || index >= count) {
                throw new AnimataException(file + ": an answer for job " + index + ", but the run has " + count
                        + " jobs: are these the answers of another run?");
            }
            answers[index] = answer;
        }
        List<R> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (answers[i] == null) {
                throw new AnimataException(file + " has no answer for job " + i + " of " + count
                        + "; run the missing requests and add their answers");
            }
            results.add(JobJson.result(answers[i], type.resultType()));
        }
        return results;
    }
}
