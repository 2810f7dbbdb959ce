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
import picocli.CommandLine;

/** {@code animata balance} end to end on the sample config. */
class BalanceCommandTest {
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

    static Path sample() {
        String root = System.getProperty("animata.root");
        Path base = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        return base.resolve("assets/balance/arena.json");
    }

    @Test
    void writesTheReportTheMatrixAndThePage() throws Exception {
        Path out = dir.resolve("b");
        Run r = run("balance", "--config", sample().toString(), "--matches", "120", "--seed", "2", "--out",
                out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().startsWith("RESULT matches=120 max_imbalance="), r.lastLine());
        Map<String, String> result = r.result();
        assertTrue(Double.parseDouble(result.get("matches_per_s")) > 0);
        JsonNode report = new ObjectMapper().readTree(out.resolve("balance.json").toFile());
        assertEquals(Double.parseDouble(result.get("max_imbalance")), report.get("maxImbalance").asDouble(), 1e-4);
        assertEquals(3, report.at("/matrix/names").size());
        assertTrue(report.at("/matrix/score/0/0").isNull());
        assertEquals(3, report.get("elo").size());
        assertEquals(120, report.at("/sideAdvantage/firstMoverWins").asInt()
                + report.at("/sideAdvantage/secondMoverWins").asInt() + report.at("/sideAdvantage/draws").asInt());
        BufferedImage image = ImageIO.read(out.resolve("matrix.png").toFile());
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 400);
        String html = Files.readString(out.resolve("balance.html"));
        assertTrue(html.contains("<img src=\"matrix.png\""), html);
        assertTrue(html.contains("knights"));
    }

    @Test
    void theSameSeedWritesTheSameReportOnThreadsAndProcesses() throws Exception {
        String[] base = {"balance", "--config", sample().toString(), "--matches", "30", "--seed", "4",
            "--no-progress"};
        assertEquals(0, run(concat(base, "--out", dir.resolve("a").toString(), "--threads", "1")).code());
        assertEquals(0, run(concat(base, "--out", dir.resolve("b").toString(), "--threads", "3")).code());
        assertEquals(0, run(concat(base, "--out", dir.resolve("c").toString(), "--workers", "2")).code());
        String json = Files.readString(dir.resolve("a/balance.json"));
        assertEquals(json, Files.readString(dir.resolve("b/balance.json")));
        assertEquals(json, Files.readString(dir.resolve("c/balance.json")));
    }

    @Test
    void jobsEmittedAndAnsweredElsewhereGiveTheSameReport() throws Exception {
        String[] base = {"balance", "--config", sample().toString(), "--matches", "12", "--seed", "3",
            "--no-progress"};
        Path jobs = dir.resolve("jobs.jsonl");
        Run emitted = run(concat(base, "--emit-jobs", jobs.toString()));
        assertEquals("RESULT jobs=12", emitted.lastLine());
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
        assertEquals(Files.readString(dir.resolve("direct/balance.json")),
                Files.readString(dir.resolve("merged/balance.json")));
    }

    @Test
    void errors() throws Exception {
        assertEquals(2, run("balance", "--config", sample().toString()).code());
        assertEquals(2, run("balance", "--config", sample().toString(), "--out", "x", "--matches", "0").code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"configs\": [{\"name\": \"solo\", \"units\": 1, \"hp\": 1, \"damage\": 1, "
                + "\"range\": 1, \"speed\": 1, \"cooldown\": 1}]}");
        Run r = run("balance", "--config", bad.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("at least two"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
