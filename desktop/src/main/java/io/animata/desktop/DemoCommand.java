package io.animata.desktop;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import io.animata.demo.CoverageMap;
import io.animata.demo.DemoGame;
import io.animata.demo.DemoReport;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWindow;
import io.animata.demo.DemoWorld;
import io.animata.demo.DungeonLevels;
import io.animata.demo.RunReport;
import io.animata.demo.ScriptedPlayer;
import io.animata.demo.critters.CritterGame;
import io.animata.demo.critters.CritterSettings;
import io.animata.demo.critters.CritterWorld;
import io.animata.demo.npc.DialogueModelSource;
import io.animata.demo.npc.NpcSettings;
import io.animata.demo.npc.TalkingPlayer;
import io.animata.runtime.RunMode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata demo}: the demo game in an LWJGL3 window, or headless where there is no display (or with
 * {@code --headless}). The default scene is the dungeon adventure ({@link DemoGame}: a dungeon learned from the
 * example levels, the player, and bots that chase it with the shipped nav policy); {@code --scene critters} runs the
 * first demo, 200 critters that chase sparks ({@link CritterGame}). The dungeon has NPCs ({@code --npcs}, the cast of
 * three by default) that talk through the shipped dialogue model ({@code --dialogue-model} for another folder).
 * Headless, it simulates the same scene without drawing (the dungeon's player is scripted: a {@link TalkingPlayer}
 * talks to each NPC and then walks to the stairs; with {@code --chatter} every NPC is kept talking, the benchmark of
 * many conversations), prints a short summary and, as its last line,
 * {@code RESULT frames=... npc_replies=... npc_actions=... mean_frame_ms=... p99_frame_ms=...}.
 *
 * <p>Threading: runs on the main thread; the window's loop runs there too until the window closes.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the demo game: a generated dungeon where bots driven by a trained policy chase you.",
            "The dungeon is learned from example levels (Wave Function Collapse) and checked playable; 20 bots run the "
                    + "shipped nav policy, one ONNX batch per frame on the AI runtime's worker. NPCs (Mira the "
                    + "blacksmith, Old Tom, Captain Hale) stand in every dungeon and answer through the shipped "
                    + "dialogue model; they may open the locked door, give you the key or a coin, or follow you. "
                    + "Each dungeon is drawn with textures generated from the shipped recipes. "
                    + "Keys: WASD/arrows move, T/Enter talk to the NPC next to you (Enter sends, Esc cancels), "
                    + "N new dungeon, P autopilot, V bot vision, F2 playtest overlay, Esc quit. --scene critters runs "
                    + "the first demo "
                    + "(200 critters chase sparks; R new seed).",
            "Without a display (no DISPLAY or WAYLAND_DISPLAY, or no window could be made) it runs headless, with a "
                    + "scripted player that talks to each NPC, takes a key it was given to the locked door, then takes "
                    + "the stairs, and prints a summary (with the story slice's progress and story_end=) and a "
                    + "RESULT line. Benchmark: --headless --frames 600 --npcs 10 --chatter (every NPC kept talking).",
        })
public final class DemoCommand implements Callable<Integer> {
    /** Frames simulated headless when {@code --frames} is not given: 5 seconds of game time. */
    static final int DEFAULT_HEADLESS_FRAMES = 300;
    /** The scenes {@code --scene} takes. */
    static final List<String> SCENES = List.of("dungeon", "critters");

    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Run without a window, even where there is a display.")
    boolean headless;

    @Option(names = "--frames", paramLabel = "N",
            description = "Frames to run, then quit (headless default: " + DEFAULT_HEADLESS_FRAMES
                    + "; window: until closed).")
    Integer frames;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scene", paramLabel = "NAME", defaultValue = "dungeon",
            description = "dungeon (the adventure) or critters (the first demo) (default: ${DEFAULT-VALUE}).")
    String scene;

    @Option(names = "--bots", paramLabel = "N", defaultValue = "" + DemoSettings.DEFAULT_BOTS,
            description = "Dungeon: bots that chase the player (default: ${DEFAULT-VALUE}).")
    int bots;

    @Option(names = "--generator", paramLabel = "NAME", defaultValue = "wfc",
            description = "Dungeon: wfc (learned from the example dungeons) or bsp (rooms and corridors) "
                    + "(default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--npcs", paramLabel = "N", defaultValue = "" + NpcSettings.DEFAULT_COUNT,
            description = "Dungeon: NPCs per dungeon, the cast repeated; 0 for none (default: ${DEFAULT-VALUE}).")
    int npcs;

    @Option(names = "--chatter",
            description = "Dungeon: keep every NPC talking (each one that falls silent is asked the next scripted "
                    + "line): the benchmark of many conversations at once.")
    boolean chatter;

    @Option(names = "--dialogue-model", paramLabel = "DIR",
            description = "Dungeon: the NPCs' language model, an ONNX decoder folder in the Optimum layout (default: "
                    + "the shipped assets/models/dialogue; without it NPCs say their persona's fallback lines).")
    Path dialogueModel;

    @Option(names = "--critters", paramLabel = "N", defaultValue = "" + CritterSettings.DEFAULT_CRITTERS,
            description = "Critters scene: number of critters (default: ${DEFAULT-VALUE}).")
    int critters;

    @Option(names = "--lockstep",
            description = "Wait for every policy result before the next frame (repeatable runs); default is realtime.")
    boolean lockstep;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "60",
            description = "Headless pace in frames per second; 0 runs as fast as possible (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--playtest",
            description = "Dungeon: start with the playtest mode on (F2 in the window): exploration bots play each "
                    + "dungeon in the background and their coverage heatmap is drawn over it; headless, the summary "
                    + "gives the coverage of the last dungeon's playtest.")
    boolean playtest;

    @Option(names = "--no-title-card",
            description = "Dungeon window: start without the title card (it names the features and keys over the "
                    + "first dungeon until a key is pressed or 8 s pass), e.g. for screenshots of the game itself.")
    boolean noTitleCard;

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
        if (!SCENES.contains(scene)) {
            throw new ParameterException(spec.commandLine(), "--scene must be one of " + SCENES + ", was " + scene);
        }
        boolean dungeon = scene.equals("dungeon");
        if (bots < 1) {
            throw new ParameterException(spec.commandLine(), "--bots must be at least 1, was " + bots);
        }
        if (critters < 1) {
            throw new ParameterException(spec.commandLine(), "--critters must be at least 1, was " + critters);
        }
        if (npcs < 0 || npcs > NpcSettings.MAX_COUNT) {
            throw new ParameterException(spec.commandLine(), "--npcs must be 0.." + NpcSettings.MAX_COUNT + ", was "
                    + npcs);
        }
        DungeonLevels.Style style = styleOf(generator);
        if (fps < 0) {
            throw new ParameterException(spec.commandLine(), "--fps must be 0 or more, was " + fps);
        }
        if (headless && screenshot != null) {
            throw new ParameterException(spec.commandLine(), "--screenshot needs a window; drop --headless");
        }
        RunMode mode = lockstep ? RunMode.LOCKSTEP : RunMode.REALTIME;
        DemoSettings dungeonSettings = DemoSettings.defaults().withSeed(seed).withBots(bots).withLevels(style)
                .withMode(mode);
        NpcSettings npcSettings = new NpcSettings(npcs, chatter, dialogueModel == null
                ? DialogueModelSource.shipped() : DialogueModelSource.folder(dialogueModel));
        CritterSettings critterSettings = CritterSettings.defaults().withSeed(seed).withCritters(critters)
                .withMode(mode);
        PrintWriter out = spec.commandLine().getOut();

        if (!headless) {
            Optional<String> noDisplay = whyNoDisplay(env);
            if (noDisplay.isEmpty()) {
                WindowRun run = runWindow(dungeon ? new DemoGame(dungeonSettings, npcSettings).optPlaytest(playtest)
                        .optTitleCard(!noTitleCard) : new CritterGame(critterSettings));
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
        int n = frames == null ? DEFAULT_HEADLESS_FRAMES : frames;
        if (dungeon) {
            TalkingPlayer talker = new TalkingPlayer();
            try (DemoWorld world = new DemoWorld(dungeonSettings, npcs > 0 ? talker : new ScriptedPlayer(),
                    npcSettings)) {
                world.playtest().setEnabled(playtest);
                if (world.hasNpcs()) {
                    talker.attach(world.npcs());
                    out.println(world.npcs().modelStatus());
                }
                String note = npcs > 0
                        ? "the player is scripted: it talks to each NPC, then walks to the stairs"
                                + (chatter ? "; every NPC is kept talking" : "")
                        : "the player is scripted: it walks to the stairs along the path the level's path search found";
                runHeadless(n, world::step, () -> withPlaytest(world), out, note);
            }
        } else {
            try (CritterWorld world = new CritterWorld(critterSettings)) {
                runHeadless(n, world::step, () -> world.report(world.stepTimes()), out, "critters scene");
            }
        }
        return 0;
    }

    /** @return the world's report, with the playtest's coverage first in its summary when the mode is on */
    private RunReport withPlaytest(DemoWorld world) {
        DemoReport report = world.report(world.stepTimes());
        if (!world.playtest().isEnabled()) {
            return report;
        }
        // the last dungeon's playtest may still be running: it takes well under a second
        CoverageMap map = world.playtest().await(Duration.ofSeconds(60));
        StringBuilder line = new StringBuilder("playtest of dungeon ").append(world.level().index() + 1).append(": ");
        if (map == null) {
            line.append("none ran");
        } else {
            map.appendSummary(line).append(" (stuck spots and unreached tiles are drawn over the map in the window)");
        }
        return new Summarised(line + System.lineSeparator() + report.summary(), report.resultLine());
    }

    /** A report whose summary has a line before the world's. */
    private record Summarised(String summary, String resultLine) implements RunReport {
    }

    private DungeonLevels.Style styleOf(String name) {
        for (DungeonLevels.Style s : DungeonLevels.Style.values()) {
            if (s.option().equals(name)) {
                return s;
            }
        }
        throw new ParameterException(spec.commandLine(), "--generator must be wfc or bsp, was " + name);
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
    private record WindowRun(Optional<? extends RunReport> report, String failure) {
    }

    private WindowRun runWindow(DemoWindow<?> game) {
        game.optScreenshot(screenshot);
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

    private void runHeadless(int n, Runnable step, Supplier<RunReport> report, PrintWriter out, String note) {
        long stepNanos = fps == 0 ? 0L : 1_000_000_000L / fps;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (stepNanos > 0) {
                long wait = start + i * stepNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            step.run();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        out.println(String.format(Locale.ROOT, "headless run: %d frames in %.2f s of wall time (%s; %s)", n, wall,
                fps == 0 ? "as fast as possible" : "paced at " + fps + " fps", note));
        print(out, report.get());
    }

    private static void print(PrintWriter out, RunReport report) {
        out.println(report.summary());
        out.println(report.resultLine());
        out.flush();
    }
}
