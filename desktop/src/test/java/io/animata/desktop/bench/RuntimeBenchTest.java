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

/** The runtime benchmark runs end to end on small settings and reports every figure; no timing is asserted. */
class RuntimeBenchTest {

    private static String[] run(int expectedCode, String... args) {
        CommandLine cmd = AnimataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(expectedCode, cmd.execute(args), err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    private static Map<String, String> result(String out) {
        String[] lines = out.strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT "), last);
        Map<String, String> values = new HashMap<>();
        for (String pair : last.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    @Test
    void smallRunReportsEveryFigure() {
        String[] io = run(0, "bench", "runtime", "--agents", "40", "--frames", "1000", "--warmup", "50",
                "--frame-us", "300", "--repeats", "1", "--device", "cpu");
        Map<String, String> r = result(io[0]);
        for (String key : List.of("main_thread_us_per_frame", "alloc_bytes_per_frame", "batched_speedup", "device")) {
            assertTrue(r.containsKey(key), key + " missing from " + r);
        }
        assertEquals("cpu", r.get("device"));
        assertEquals("40", r.get("agents"));
        assertTrue(Double.parseDouble(r.get("results_per_frame")) > 0, "results flowed back: " + r);
        assertTrue(Double.parseDouble(r.get("batched_speedup")) > 0, r.toString());
        assertTrue(Double.parseDouble(r.get("main_thread_us_per_frame")) > 0, r.toString());
    }

    @Test
    void tooFewFramesIsAUsageError() {
        String[] io = run(2, "bench", "runtime", "--frames", "10");
        assertTrue(io[1].contains("--frames must be at least 1000"), io[1]);
    }

    @Test
    void unknownDeviceIsAUsageError() {
        String[] io = run(2, "bench", "runtime", "--device", "tpu");
        assertTrue(io[1].contains("--device"), io[1]);
    }
}
