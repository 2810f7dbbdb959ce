package io.animata.core.playtest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.playtest.Playtest;
import io.animata.core.playtest.PlaytestLevel;
import io.animata.core.playtest.PlaytestSettings;
import io.animata.core.testing.Box2dTests;
import io.animata.runtime.AnimataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Thread and process runners give the results in spec order, and say which job failed. */
class JobRunnersTest {
    private static List<SquareJobs.Spec> specs(int n, int failing) {
        return IntStream.range(0, n).mapToObj(i -> new SquareJobs.Spec(i, i == failing)).toList();
    }

    @Test
    void threadsReturnResultsInSpecOrder() {
        AtomicInteger calls = new AtomicInteger();
        try (JobRunner runner = JobRunner.threads(3)) {
            List<SquareJobs.Result> results = runner.run(new SquareJobs(), specs(50, -1), done -> calls.incrementAndGet());
            for (int i = 0; i < 50; i++) {
                assertEquals((long) i * i, results.get(i).square());
            }
        }
        assertEquals(50, calls.get());
    }

    @Test
    void aFailedJobIsNamed() {
        try (JobRunner runner = JobRunner.threads(2)) {
            AnimataException e = assertThrows(AnimataException.class,
                    () -> runner.run(new SquareJobs(), specs(10, 6), null));
            assertTrue(e.getMessage().startsWith("job 6 failed"), e.getMessage());
        }
    }

    @Test
    void processesReturnTheSameResultsAsThreads() {
        try (JobRunner runner = JobRunner.processes(2)) {
            List<SquareJobs.Result> results = runner.run(new SquareJobs(), specs(7, -1), null);
            assertEquals(7, results.size());
            for (int i = 0; i < 7; i++) {
                assertEquals((long) i * i, results.get(i).square());
            }
            AnimataException e = assertThrows(AnimataException.class,
                    () -> runner.run(new SquareJobs(), specs(5, 3), null));
            assertTrue(e.getMessage().contains("job 3 failed in worker process 1"), e.getMessage());
            assertTrue(e.getMessage().contains("was asked to fail"), e.getMessage());
        }
    }

    @Test
    void aPlaytestSplitOverProcessesGivesTheSameReport() {
        Box2dTests.init();
        Path levels = Path.of(System.getProperty("animata.root", "..")).resolve("assets/levels/playtest");
        Playtest playtest = Playtest.builder().setLevel(PlaytestLevel.read(levels.resolve("faulty-plate.txt"), null))
                .optBots(3).optSeed(4).optSettings(PlaytestSettings.builder().optSeconds(20).build()).build();
        String threads;
        try (JobRunner runner = JobRunner.threads(2)) {
            threads = playtest.run(runner, null).toJson();
        }
        try (JobRunner runner = JobRunner.processes(2)) {
            assertEquals(threads, playtest.run(runner, null).toJson());
        }
    }

    @Test
    void aWorkerThatCannotStartIsReportedWithItsStderr() {
        List<String> command = new ArrayList<>(ProcessJobRunner.defaultCommand());
        command.set(command.size() - 1, "io.animata.NoSuchMainClass");
        try (JobRunner runner = new ProcessJobRunner(1, command)) {
            AnimataException e = assertThrows(AnimataException.class,
                    () -> runner.run(new SquareJobs(), specs(2, -1), null));
            assertTrue(e.getMessage().contains("job 0 got no answer from worker process 0"), e.getMessage());
            assertTrue(e.getMessage().contains("NoSuchMainClass"), e.getMessage());
        }
    }

    @Test
    void theWorkerAnswersEachLineAndReportsBadRequests() throws Exception {
        String requests = String.join("\n",
                "{\"type\": \"" + SquareJobs.class.getName() + "\", \"index\": 0, \"spec\": {\"n\": 12, \"fail\": false}}",
                "{\"type\": \"java.lang.String\", \"index\": 1, \"spec\": {}}",
                "not json",
                "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new JobWorker().serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(3, lines.length);
        assertEquals(JobJson.RESULT_PREFIX + "{\"index\":0,\"result\":{\"square\":144}}", lines[0]);
        assertTrue(lines[1].contains("\"index\":1") && lines[1].contains("is not a"), lines[1]);
        assertTrue(lines[2].contains("\"error\""), lines[2]);
    }
}
