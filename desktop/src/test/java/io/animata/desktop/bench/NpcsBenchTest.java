package io.animata.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.desktop.AnimataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The NPC benchmark runs end to end on small settings and reports every figure; no timing is asserted. */
class NpcsBenchTest {

    private static String[] run(int expectedCode, String... args) {
        CommandLine cmd = AnimataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(expectedCode, cmd.execute(args), err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void smallRunReportsEveryFigure() {
        String out = run(0, "bench", "npcs", "--npcs", "40", "--world", "30", "--frames", "200", "--warmup", "100",
                "--hidden", "32", "--layers", "1", "--vocab", "200", "--max-tokens", "6", "--talk-gap", "5",
                "--frame-us", "2000", "--device", "cpu")[0];
        String[] lines = out.strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT npcs=40 main_thread_us_per_frame="), last);
        Map<String, String> r = new LinkedHashMap<>();
        for (String pair : last.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            r.put(kv[0], kv[1]);
        }
        assertEquals(List.of("npcs", "main_thread_us_per_frame", "llm_requests_per_s", "main_thread_p99_us",
                "alloc_bytes_per_frame", "near_npcs", "tokens_per_s", "device", "model"), List.copyOf(r.keySet()));
        assertEquals("cpu", r.get("device"));
        assertEquals("generated-h32-l1-v200", r.get("model"));
        assertTrue(Double.parseDouble(r.get("main_thread_us_per_frame")) > 0, r.toString());
        assertTrue(Double.parseDouble(r.get("near_npcs")) > 0, r.toString());
        assertTrue(Double.parseDouble(r.get("llm_requests_per_s")) > 0, out);
        assertTrue(out.contains("story 'guards-key'"), out);
    }

    @Test
    void nonsenseSettingsAreAUsageError() {
        String[] io = run(2, "bench", "npcs", "--npcs", "2");
        assertTrue(io[1].contains("--npcs at least 3"), io[1]);
        io = run(2, "bench", "npcs", "--near", "10", "--far", "5");
        assertTrue(io[1].contains("--far at least --near"), io[1]);
    }
}
