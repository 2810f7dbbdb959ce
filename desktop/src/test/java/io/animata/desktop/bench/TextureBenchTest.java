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

/** The texture benchmark runs end to end on small settings and reports every figure; no timing is asserted. */
class TextureBenchTest {

    @Test
    void smallRunReportsEveryFigure() {
        CommandLine cmd = AnimataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(0, cmd.execute("bench", "textures", "--size", "48", "--repeats", "1", "--threads", "2"),
                err.toString());
        String[] lines = out.toString().strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT noise_ns_per_pixel="), last);
        Map<String, String> r = new HashMap<>();
        for (String pair : last.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            r.put(kv[0], kv[1]);
        }
        for (String key : List.of("noise_ns_per_pixel", "recipe_ms_48", "seam_error", "ms_grass", "ms_sand")) {
            assertTrue(r.containsKey(key), key + " missing from " + r);
            assertTrue(Double.parseDouble(r.get(key)) > 0, key + " in " + r);
        }
        assertTrue(Double.parseDouble(r.get("seam_error")) < 2, r.toString());
    }

    @Test
    void badSizesAreUsageErrors() {
        CommandLine cmd = AnimataCommand.commandLine();
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cmd.execute("bench", "textures", "--size", "4"));
    }
}
