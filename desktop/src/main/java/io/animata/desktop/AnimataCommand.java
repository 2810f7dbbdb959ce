package io.animata.desktop;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code animata} command: the entry point of the desktop jar. Each feature is a subcommand, one class each in
 * this package, registered in {@code subcommands} below.
 *
 * <p>Threading: {@link #main} runs on the JVM's main thread (LWJGL3 needs it for the window on macOS).
 *
 * <pre>{@code
 * ./animata demo --headless --frames 300
 * int exitCode = AnimataCommand.commandLine().execute("demo", "--help");
 * }</pre>
 */
@Command(name = "animata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Animata: an AI plugin for libGDX games, with a batched ONNX inference runtime.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DemoCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            LevelsCommand.class,
            GenerateCommand.class,
            ChatCommand.class,
            PlaytestCommand.class,
            BalanceCommand.class,
            TexturesCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class AnimataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: a usage error that lists the commands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of the commands below");
    }

    /**
     * @return the command line with its subcommands and this tool's error handling (a failure prints one line and
     *     exits 1; {@code -Danimata.stacktrace=true} prints the stack trace too)
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new AnimataCommand());
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("animata " + commandLine.getCommandName() + ": " + describe(e));
            if (Boolean.getBoolean("animata.stacktrace")) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cmd;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
                sb.append(": ").append(cause.getMessage());
            }
        }
        return sb.toString();
    }

    /** Runs the tool and exits with its exit code (0 success, 1 failure, 2 usage error). */
    public static void main(String[] args) {
        // one line per log record instead of java.util.logging's two
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        int code = commandLine().execute(args);
        // the JVM may hold native threads (GLFW, ONNX Runtime) after the command is done
        System.exit(code);
    }
}
