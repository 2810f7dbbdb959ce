package io.animata.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.desktop.AnimataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The dialogue benchmark runs end to end on small settings and reports every figure; no timing is asserted. */
class DialogueBenchTest {

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
        String out = run(0, "bench", "dialogue", "--generated", "--hidden", "32", "--layers", "1", "--vocab", "200",
                "--max-tokens", "6", "--pairs", "1", "--conversations", "3", "--frame-us", "500",
                "--talkers", "5", "--talk-frames", "60", "--talk-warmup", "30", "--device", "cpu")[0];
        String[] lines = out.strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT "), last);
        Map<String, String> r = new HashMap<>();
        for (String pair : last.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            r.put(kv[0], kv[1]);
        }
        for (String key : List.of("ttft_ms", "tokens_per_s", "tokens_per_s_3", "main_thread_us_per_frame",
                "alloc_bytes_per_frame", "speedup_3", "device", "model")) {
            assertTrue(r.containsKey(key), key + " missing from " + r);
        }
        assertEquals("cpu", r.get("device"));
        assertTrue(Double.parseDouble(r.get("tokens_per_s")) > 0, r.toString());
        assertTrue(Double.parseDouble(r.get("tokens_per_s_3")) > 0, r.toString());
        assertTrue(out.contains("3 conversations at once"), out);
        assertTrue(out.contains("5 NPCs kept talking for 60 frames"), out);
        assertTrue(Double.parseDouble(r.get("main_thread_us_per_frame")) > 0, r.toString());
    }

    @Test
    void nonsenseSizesAreAUsageError() {
        String[] io = run(2, "bench", "dialogue", "--max-tokens", "0");
        assertTrue(io[1].contains("must be positive"), io[1]);
        assertTrue(run(2, "bench", "dialogue", "--talkers", "0")[1].contains("must be positive"));
        assertTrue(run(2, "bench", "dialogue", "--talk-warmup", "-1")[1].contains("must be positive"));
    }
}
