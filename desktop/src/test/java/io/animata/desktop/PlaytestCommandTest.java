package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code animata playtest} end to end on the shipped playtest levels. */
class PlaytestCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }

        Map<String, String> result() {
            assertTrue(lastLine().startsWith("RESULT "), out + err);
            Map<String, String> m = new HashMap<>();
            for (String pair : lastLine().substring("RESULT ".length()).split(" ")) {
                m.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return m;
        }
    }

    private static Run run(String... args) {
        CommandLine cmd = AnimataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path level(String name) {
        String root = System.getProperty("animata.root");
        Path base = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        return base.resolve("assets/levels/playtest").resolve(name + ".txt");
    }

    @Test
    void writesTheReportThePicturesAndThePage() throws Exception {
        Path out = dir.resolve("open");
        Run r = run("playtest", "--level", level("open").toString(), "--bots", "8", "--seconds", "60", "--seed", "1",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().startsWith("RESULT coverage="), r.lastLine());
        Map<String, String> result = r.result();
        assertTrue(Double.parseDouble(result.get("coverage")) >= 0.95, r.lastLine());
        assertEquals("0", result.get("stuck"));
        assertEquals("0", result.get("out_of_bounds"));
        assertEquals("0", result.get("crashes"));
        assertTrue(result.containsKey("unreachable_regions"));

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(Double.parseDouble(result.get("coverage")), report.at("/coverage/ratio").asDouble(), 1e-4);
        assertTrue(report.at("/replayCommand").asText().contains("--replay BOT:TICK"));
        for (String png : new String[] {"coverage.png", "stuck.png"}) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertTrue(image.getWidth() >= 640 && image.getHeight() >= 300, png);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<img src=\"coverage.png\"") && html.contains("<img src=\"stuck.png\""), html);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
    }

    @ParameterizedTest
    @CsvSource({
        "trap, stuck, 1",
        "wall-gap, out_of_bounds, 1",
        "sealed-room, sealed_regions, 1",
        "faulty-plate, crashes, 1",
    })
    void eachPlantedBugIsInTheResultLine(String name, String key, String expected) {
        Run r = run("playtest", "--level", level(name).toString(), "--out", dir.resolve(name).toString(),
                "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, r.result().get(key), r.lastLine());
        assertTrue(Integer.parseInt(r.result().get("unreachable_regions"))
                >= Integer.parseInt(r.result().get("sealed_regions")));
    }

    @Test
    void theSameSeedWritesTheSameReportOnThreadsAndProcesses() throws Exception {
        String[] base = {"playtest", "--level", level("trap").toString(), "--bots", "4", "--seconds", "20",
            "--seed", "5", "--no-progress"};
        Run a = run(concat(base, "--out", dir.resolve("a").toString(), "--threads", "1"));
        Run b = run(concat(base, "--out", dir.resolve("b").toString(), "--threads", "3"));
        Run c = run(concat(base, "--out", dir.resolve("c").toString(), "--workers", "2"));
        assertEquals(0, a.code() + b.code() + c.code(), a.err() + b.err() + c.err());
        String json = Files.readString(dir.resolve("a/report.json"));
        assertEquals(json, Files.readString(dir.resolve("b/report.json")));
        assertEquals(json, Files.readString(dir.resolve("c/report.json")));
    }

    @Test
    void aCrashIsReplayedWithItsStackTrace() throws Exception {
        Path out = dir.resolve("faulty");
        assertEquals(0, run("playtest", "--level", level("faulty-plate").toString(), "--out", out.toString(),
                "--no-progress").code());
        JsonNode first = new ObjectMapper().readTree(out.resolve("report.json").toFile()).at("/crashes/0/first");
        String at = first.get("bot").asInt() + ":" + first.get("tick").asInt();
        Run r = run("playtest", "--level", level("faulty-plate").toString(), "--replay", at);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("java.lang.IllegalStateException: pressure plate at (8, 3)"), r.out());
        assertTrue(r.out().contains("TileEffects.pressurePlate"), r.out());
        assertEquals("1", r.result().get("crashes"));
        assertEquals(String.valueOf(first.get("tick").asInt()), r.result().get("tick"));
    }

    @Test
    void jobsEmittedAndAnsweredElsewhereGiveTheSameReport() throws Exception {
        String[] base = {"playtest", "--level", level("wall-gap").toString(), "--bots", "3", "--seconds", "20",
            "--seed", "8", "--no-progress"};
        Path jobs = dir.resolve("jobs.jsonl");
        Run emitted = run(concat(base, "--emit-jobs", jobs.toString()));
        assertEquals(0, emitted.code(), emitted.err());
        assertEquals("RESULT jobs=3", emitted.lastLine());
        java.io.ByteArrayOutputStream answers = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = Files.newInputStream(jobs)) {
            new io.animata.core.playtest.jobs.JobWorker().serve(in, new java.io.PrintStream(answers, true,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        Path answerFile = dir.resolve("answers.txt");
        Files.write(answerFile, answers.toByteArray());
        assertEquals(0, run(concat(base, "--results", answerFile.toString(), "--out", dir.resolve("merged")
                .toString())).code());
        assertEquals(0, run(concat(base, "--out", dir.resolve("direct").toString())).code());
        assertEquals(Files.readString(dir.resolve("direct/report.json")),
                Files.readString(dir.resolve("merged/report.json")));
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("playtest", "--level", level("open").toString()).code());
        assertEquals(2, run("playtest", "--level", level("open").toString(), "--out", "x", "--bots", "0").code());
        assertEquals(2, run("playtest", "--level", level("open").toString(), "--replay", "three").code());
        assertEquals(2, run("playtest", "--level", level("open").toString(), "--out", "x", "--controller", "magic")
                .code());
        Run missing = run("playtest", "--level", dir.resolve("nope.txt").toString(), "--out", "x");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("legend"), missing.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
