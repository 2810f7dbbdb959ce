package io.animata.desktop;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import io.animata.demo.critters.CritterGame;
import io.animata.demo.critters.CritterReport;
import io.animata.demo.critters.CritterSettings;
import io.animata.demo.critters.CritterWorld;
import io.animata.runtime.RunMode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata demo}: the demo game in an LWJGL3 window, or headless where there is no display (or with
 * {@code --headless}). Headless, it simulates the same scene without drawing, prints a short summary and, as its last
 * line, {@code RESULT frames=... decisions=... mean_frame_ms=... p99_frame_ms=...}.
 *
 * <p>Threading: runs on the main thread; the window's loop runs there too until the window closes.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the demo game: critters chase sparks, steered by a neural policy.",
            "About 200 critters (Box2D bodies) chase wandering sparks; a neural seek policy, run by the AI runtime as "
                    + "one ONNX batch per frame, picks each critter's direction. Keys: R new seed, Esc quit.",
            "Without a display (no DISPLAY or WAYLAND_DISPLAY, or no window could be made) it runs headless and "
                    + "prints a summary and a RESULT line.",
        })
public final class DemoCommand implements Callable<Integer> {
    /** Frames simulated headless when {@code --frames} is not given: 5 seconds of game time. */
    static final int DEFAULT_HEADLESS_FRAMES = 300;

    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Run without a window, even where there is a display.")
    boolean headless;

    @Option(names = "--frames", paramLabel = "N",
            description = "Frames to run, then quit (headless default: " + DEFAULT_HEADLESS_FRAMES
                    + "; window: until closed).")
    Integer frames;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Scene seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--critters", paramLabel = "N", defaultValue = "" + CritterSettings.DEFAULT_CRITTERS,
            description = "Number of critters (default: ${DEFAULT-VALUE}).")
    int critters;

    @Option(names = "--lockstep",
            description = "Wait for every policy result before the next frame (repeatable runs); default is realtime.")
    boolean lockstep;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "60",
            description = "Headless pace in frames per second; 0 runs as fast as possible (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Window only: save the last frame as a PNG and quit (with --frames N: after N frames).")
    Path screenshot;

    /** Environment lookup; tests replace it to play a machine without a display. */
    UnaryOperator<String> env = System::getenv;

    @Override
    public Integer call() {
        if (frames != null && frames < 1) {
            throw new ParameterException(spec.commandLine(), "--frames must be at least 1, was " + frames);
        }
        if (critters < 1) {
            throw new ParameterException(spec.commandLine(), "--critters must be at least 1, was " + critters);
        }
        if (fps < 0) {
            throw new ParameterException(spec.commandLine(), "--fps must be 0 or more, was " + fps);
        }
        if (headless && screenshot != null) {
            throw new ParameterException(spec.commandLine(), "--screenshot needs a window; drop --headless");
        }
        CritterSettings settings = CritterSettings.defaults()
                .withSeed(seed)
                .withCritters(critters)
                .withMode(lockstep ? RunMode.LOCKSTEP : RunMode.REALTIME);
        PrintWriter out = spec.commandLine().getOut();

        if (!headless) {
            Optional<String> noDisplay = whyNoDisplay(env);
            if (noDisplay.isEmpty()) {
                WindowRun run = runWindow(settings);
                if (run.report().isPresent()) {
                    if (screenshot != null) {
                        out.println("screenshot: " + screenshot.toAbsolutePath());
                    }
                    print(out, run.report().get());
                    return 0;
                }
                noDisplay = Optional.of("no window could be created: " + run.failure());
            }
            int n = frames == null ? DEFAULT_HEADLESS_FRAMES : frames;
            out.println("No display (" + noDisplay.get() + "): running the demo headless for " + n + " frames"
                    + (screenshot != null ? " (no screenshot)" : "") + ".");
            out.flush();
        }
        runHeadless(settings, frames == null ? DEFAULT_HEADLESS_FRAMES : frames, out);
        return 0;
    }

    /** @return why no window can be opened here, or empty when a display seems available */
    static Optional<String> whyNoDisplay(UnaryOperator<String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        if (isBlank(env.apply("DISPLAY")) && isBlank(env.apply("WAYLAND_DISPLAY"))) {
            return Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** A window run: its report when the game ran, else why the window could not be made. */
    private record WindowRun(Optional<CritterReport> report, String failure) {
    }

    private WindowRun runWindow(CritterSettings settings) {
        CritterGame game = new CritterGame(settings).optScreenshot(screenshot);
        if (frames != null) {
            game.optFrameLimit(frames);
        }
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle("Animata demo");
        config.setWindowedMode(1280, 720);
        config.useVsync(true);
        config.setForegroundFPS(60);
        config.disableAudio(true);
        // GLFW reports why it cannot open a window through a stack-trace-sized print; hold it back until we know
        // whether the window opened, and then either fold it into one line or let it through
        PrintStream errorStream = Lwjgl3ApplicationConfiguration.errorStream;
        ByteArrayOutputStream glfwErrors = new ByteArrayOutputStream();
        Lwjgl3ApplicationConfiguration.errorStream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (game.wasCreated()) {
                    errorStream.write(b);
                } else {
                    glfwErrors.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
        try {
            new Lwjgl3Application(game, config);
        } catch (RuntimeException | LinkageError e) {
            if (game.wasCreated()) {
                throw e; // the window was there: this is the game failing, not a missing display
            }
            String glfw = glfwReason(glfwErrors.toString(StandardCharsets.UTF_8));
            return new WindowRun(Optional.empty(), e.getMessage() + glfw);
        } finally {
            Lwjgl3ApplicationConfiguration.errorStream = errorStream;
            if (game.wasCreated() && glfwErrors.size() > 0) {
                errorStream.print(glfwErrors.toString(StandardCharsets.UTF_8));
            }
        }
        if (screenshot != null && !game.screenshotWritten()) {
            throw new IllegalStateException("the window closed before the screenshot was taken");
        }
        return new WindowRun(game.report(), "");
    }

    /** @return {@code " (GLFW_ERROR: description)"} from LWJGL's error print, or "" when it has none */
    static String glfwReason(String printed) {
        String error = null;
        String description = null;
        for (String line : printed.split("\\R")) {
            String t = line.strip();
            if (error == null && t.startsWith("[LWJGL] ") && t.endsWith(" error")) {
                error = t.substring("[LWJGL] ".length(), t.length() - " error".length());
            } else if (description == null && t.startsWith("Description")) {
                int colon = t.indexOf(':');
                description = colon < 0 ? null : t.substring(colon + 1).strip();
            }
        }
        if (error == null) {
            return "";
        }
        return " (" + error + (description == null || description.isEmpty() ? "" : ": " + description) + ")";
    }

    private void runHeadless(CritterSettings settings, int n, PrintWriter out) {
        long stepNanos = fps == 0 ? 0L : 1_000_000_000L / fps;
        try (CritterWorld world = new CritterWorld(settings)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (stepNanos > 0) {
                    long wait = start + i * stepNanos - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                world.step();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            CritterReport report = world.report(world.stepTimes());
            out.println(String.format(Locale.ROOT, "headless run: %d frames in %.2f s of wall time (%s)", n, wall,
                    fps == 0 ? "as fast as possible" : "paced at " + fps + " fps"));
            print(out, report);
        }
    }

    private static void print(PrintWriter out, CritterReport report) {
        out.println(report.summary());
        out.println(report.resultLine());
        out.flush();
    }
}
