package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code animata train}: a tiny run writes every file and ends with the RESULT line. */
class TrainCommandTest {
    private static final Pattern RESULT = Pattern.compile(
            "RESULT env=cartpole steps=1024 eval_mean_return=\\d+\\.\\d\\d steps_per_s=\\d+");

    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
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
    void aShortCartPoleRunWritesPolicyCurveAndCheckpoints(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Run r = run("train", "cartpole", "--steps", "1000", "--envs", "4", "--seed", "3", "--out", out.toString(),
                "--eval-episodes", "4", "--checkpoints", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(RESULT.matcher(r.lastLine()).matches(), r.lastLine());
        assertTrue(r.err().contains("train cartpole"), "progress bar on stderr: " + r.err());
        PolicySpec spec = PolicySpec.read(out.resolve("policy.json"));
        assertEquals(ActionSpace.discrete(2), spec.actionSpace());
        assertEquals("cartpole", spec.getName());
        assertTrue(Files.size(out.resolve("policy.onnx")) > 1000);
        List<String> csv = Files.readAllLines(out.resolve("curve.csv"));
        assertEquals(LearningCurve.CSV_HEADER, csv.get(0));
        assertEquals(1 + 1024 / (32 * 4), csv.size()); // one row per update of 32 steps x 4 copies
        assertTrue(csv.get(csv.size() - 1).startsWith("8,1024,"), csv.get(csv.size() - 1));
        byte[] png = Files.readAllBytes(out.resolve("curve.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        try (Stream<Path> files = Files.list(out.resolve("checkpoints"))) {
            assertEquals(List.of("policy-000000512.json", "policy-000000512.onnx", "policy-000001024.json",
                    "policy-000001024.onnx"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void continuousEnvironmentTrainsToo(@TempDir Path dir) {
        Run r = run("train", "point", "--steps", "512", "--envs", "2", "--out", dir.toString(), "--eval-episodes",
                "2", "--checkpoints", "0", "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().startsWith("RESULT env=point steps=512 eval_mean_return=-"), r.lastLine());
        assertEquals(1, PolicySpec.read(dir.resolve("policy.json")).getContinuousSize());
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void heuristicDemonstrationsWarmStartOrReplacePpo(@TempDir Path dir) throws Exception {
        Path cloneOnly = dir.resolve("clone");
        Run r = run("train", "cartpole", "--steps", "0", "--record-demos", "4", "--bc-epochs", "10", "--out",
                cloneOnly.toString(), "--eval-episodes", "8", "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("recorded 4 heuristic episodes"), r.out());
        assertTrue(r.out().contains("behaviour cloning: "), r.out());
        Matcher m = Pattern.compile("RESULT env=cartpole steps=0 eval_mean_return=(\\d+\\.\\d\\d) steps_per_s=0")
                .matcher(r.lastLine());
        assertTrue(m.matches(), r.lastLine());
        assertTrue(Double.parseDouble(m.group(1)) > 300, "a cloned heuristic balances the pole: " + r.lastLine());
        assertTrue(Files.size(cloneOnly.resolve("demonstrations.bin")) > 1000);

        // the recorded file as a warm start for a short PPO run
        Run warm = run("train", "cartpole", "--steps", "512", "--envs", "2", "--demos",
                cloneOnly.resolve("demonstrations.bin").toString(), "--out", dir.resolve("warm").toString(),
                "--eval-episodes", "2", "--checkpoints", "0", "--no-progress");
        assertEquals(0, warm.code(), warm.err());
        assertTrue(warm.lastLine().startsWith("RESULT env=cartpole steps=512 "), warm.lastLine());

        Run both = run("train", "cartpole", "--demos", "x.bin", "--record-demos", "2", "--out", dir.toString());
        assertEquals(2, both.code());
        Run none = run("train", "cartpole", "--steps", "0", "--out", dir.toString());
        assertEquals(2, none.code());
    }

    @Test
    void unknownEnvironmentIsAUsageErrorListingTheKnownOnes(@TempDir Path dir) {
        Run r = run("train", "mountaincar", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown environment 'mountaincar'; choose one of cartpole, point"), r.err());
        Run help = run("train", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("cartpole, point"), help.out());
        assertTrue(help.out().contains("'train dialogue'"), help.out());
    }

    @Test
    void dialogueWithoutStepsIsAUsageError(@TempDir Path dir) {
        Run r = run("train", "dialogue", "--steps", "0", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("train dialogue needs --steps and --conversations of at least 1"), r.err());
    }
}
