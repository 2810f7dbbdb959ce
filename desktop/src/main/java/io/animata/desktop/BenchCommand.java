package io.animata.desktop;

import io.animata.desktop.bench.DialogueBench;
import io.animata.desktop.bench.NpcsBench;
import io.animata.desktop.bench.RuntimeBench;
import io.animata.desktop.bench.TextureBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata bench}: the parent of the benchmarks. Each benchmark is a subcommand class that prints its figures
 * and, as its last line, {@code RESULT key=value ...} so that scripts can compare runs.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run a benchmark (each prints RESULT key=value ... last).",
            "Benchmarks print a summary and, as their last line, RESULT key=value ... for scripts to compare.",
        },
        synopsisSubcommandLabel = "BENCHMARK",
        subcommands = {
            // register benchmarks here, one class each (package io.animata.desktop.bench)
            RuntimeBench.class, // animata bench runtime: the frame contract's game-thread cost, batching speed-up
            DialogueBench.class, // animata bench dialogue: NPC replies: time to first text, tokens/s, game-thread cost
            TextureBench.class, // animata bench textures: noise speed, recipe render time, seam error
            NpcsBench.class, // animata bench npcs: 400 NPCs with thinking LOD, relationships and a story
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a benchmark: a usage error that lists the benchmarks. */
    @Override
    public Integer call() {
        if (spec.subcommands().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No benchmark is registered in this build yet");
        }
        throw new ParameterException(spec.commandLine(), "Missing benchmark: choose one of the commands below");
    }
}
