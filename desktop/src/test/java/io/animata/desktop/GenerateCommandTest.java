package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.animata.runtime.text.TinyLlamaGguf;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }

        String text() {
            return out.substring(0, out.lastIndexOf("RESULT "));
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

    @Test
    void greedyContinuationOfAnOnnxModelIsTheSameEveryRun(@TempDir Path dir) {
        String model = TextModelFixtures.tinyModel(dir, 3).toString();
        Run a = run("generate", "--model", model, "--prompt", "hello there", "--max-tokens", "12", "--greedy",
                "--device", "cpu");
        Run b = run("generate", "--model", model, "--prompt", "hello there", "--max-tokens", "12", "--greedy",
                "--device", "cpu", "--seed", "9");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.lastLine().startsWith("RESULT generated_tokens="), a.out());
        assertTrue(a.lastLine().contains(" device=cpu"), a.lastLine());
        assertEquals(a.text(), b.text());
        int generated = Integer.parseInt(a.lastLine().split("generated_tokens=")[1].split(" ")[0]);
        assertTrue(generated >= 1 && generated <= 12, a.lastLine());
    }

    @Test
    void aSeedRepeatsASampledContinuation(@TempDir Path dir) {
        String model = TextModelFixtures.tinyModel(dir, 4).toString();
        String[] args = {"generate", "--model", model, "--prompt", "the forge", "--max-tokens", "15",
            "--temperature", "1.3", "--seed", "5", "--device", "cpu"};
        assertEquals(run(args).text(), run(args).text());
    }

    @Test
    void aServerUrlStreamsFromTheServer() throws Exception {
        HttpServer server = TextModelFixtures.sseServer(" upon", " a", " time");
        try {
            Run r = run("generate", "--model", TextModelFixtures.url(server), "--server-model", "m",
                    "--prompt", "Once", "--max-tokens", "8");
            assertEquals(0, r.code(), r.err());
            assertEquals(" upon a time", r.text().strip().isEmpty() ? "" : r.text().replaceAll("\\R$", ""));
            assertTrue(r.lastLine().contains("generated_tokens=3") && r.lastLine().contains("device=server"),
                    r.lastLine());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aGgufModelContinuesThePromptThroughLlamaCpp(@TempDir Path dir) {
        String model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), TinyLlamaGguf.Config.DEFAULT, 3L, null)
                .toString();
        Run a = run("generate", "--model", model, "--prompt", "the forge", "--max-tokens", "12", "--greedy");
        Run b = run("generate", "--model", model, "--prompt", "the forge", "--max-tokens", "12", "--greedy");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.lastLine().contains("generated_tokens=12") && a.lastLine().contains(" device=cpu"),
                a.lastLine());
        assertFalse(a.text().isBlank(), a.out());
        assertEquals(a.text(), b.text());
        String[] sampled = {"generate", "--model", model, "--prompt", "the forge", "--max-tokens", "15",
            "--temperature", "1.1", "--seed", "5"};
        assertEquals(run(sampled).text(), run(sampled).text());
    }

    @Test
    void ggufAndMissingModelsAndBadOptionsAreExplained(@TempDir Path dir) throws IOException {
        Run gguf = run("generate", "--model", dir.resolve("m.gguf").toString(), "--prompt", "x");
        assertEquals(1, gguf.code());
        assertTrue(gguf.err().contains("GGUF model not found"), gguf.err());
        Path notGguf = Files.writeString(dir.resolve("notes.gguf"), "these are my notes");
        Run wrong = run("generate", "--model", notGguf.toString(), "--prompt", "x");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("is not a GGUF model"), wrong.err());
        Run missing = run("generate", "--model", dir.resolve("nope").toString(), "--prompt", "x");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("model not found"), missing.err());
        Run noModel = run("generate", "--prompt", "x");
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("--model"), noModel.err());
        Run both = run("generate", "--model", dir.toString(), "--prompt", "x", "--greedy", "--temperature", "0.5");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("contradict"), both.err());
    }
}
