package io.animata.core.playtest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.playtest.BotResult;
import io.animata.core.playtest.Playtest;
import io.animata.core.playtest.PlaytestJobType;
import io.animata.core.playtest.PlaytestLevel;
import io.animata.core.playtest.PlaytestSettings;
import io.animata.core.testing.Box2dTests;
import io.animata.runtime.AnimataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run split into request lines, answered out of order elsewhere, and put back together. */
class JobFilesTest {
    @TempDir
    Path dir;

    @Test
    void requestsAnsweredInAnyOrderGiveTheSameReport() throws Exception {
        Box2dTests.init();
        Path levels = Path.of(System.getProperty("animata.root", "..")).resolve("assets/levels/playtest");
        Playtest playtest = Playtest.builder().setLevel(PlaytestLevel.read(levels.resolve("trap.txt"), null))
                .optBots(4).optSeed(6).optSettings(PlaytestSettings.builder().optSeconds(15).build()).build();
        Path requests = dir.resolve("jobs.jsonl");
        JobFiles.writeRequests(requests, new PlaytestJobType(), playtest.jobs());
        List<String> lines = new ArrayList<>(Files.readAllLines(requests));
        assertEquals(4, lines.size());
        Collections.reverse(lines); // another machine, another order
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        new JobWorker().serve(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(answers, true, StandardCharsets.UTF_8));
        Path answerFile = dir.resolve("answers.txt");
        Files.write(answerFile, ("log line from somewhere\n" + answers.toString(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        List<BotResult> results = JobFiles.readResults(answerFile, new PlaytestJobType(), 4);
        String expected;
        try (JobRunner runner = JobRunner.threads(2)) {
            expected = playtest.run(runner, null).toJson();
        }
        assertEquals(expected, playtest.report(results).toJson());

        AnimataException missing = assertThrows(AnimataException.class,
                () -> JobFiles.readResults(answerFile, new PlaytestJobType(), 5));
        assertTrue(missing.getMessage().contains("no answer for job 4"), missing.getMessage());
    }
}
