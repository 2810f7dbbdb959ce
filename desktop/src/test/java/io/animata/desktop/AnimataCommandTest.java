package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line: help and version for every command, usage errors, and a headless demo run. */
class AnimataCommandTest {

    /** Output, error output and exit code of one run. */
    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    private static Run run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(AnimataCommand.commandLine(), args);
    }

    @Test
    void rootHelpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: animata"), r.out());
        assertTrue(r.out().contains("Commands:"), r.out());
        for (String sub : AnimataCommand.commandLine().getSubcommands().keySet()) {
            assertTrue(r.out().contains("  " + sub + " "), sub + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("demo") && r.out().contains("bench"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "bench", "train", "levels", "generate", "chat", "playtest", "balance", "textures"})
    void everyCommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: animata " + command), r.out());
        CommandLine sub = AnimataCommand.commandLine().getSubcommands().get(command);
        for (String name : sub.getSubcommands().keySet()) {
            assertTrue(r.out().contains("  " + name + " "), name + " missing from\n" + r.out());
        }
        assertEquals(0, run("help", command).code());
    }

    @Test
    void demoHelpShowsItsOptions() {
        Run r = run("demo", "--help");
        for (String option : new String[] {"--headless", "--frames", "--seed", "--lockstep", "--screenshot", "--scene",
            "--bots", "--generator", "--critters", "--npcs", "--chatter", "--dialogue-model",
            "--no-title-card"}) {
            assertTrue(r.out().contains(option), option + " missing from\n" + r.out());
        }
    }

    @Test
    void versionNamesTheProjectAndItsEngines() {
        Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("animata "), r.out());
        assertTrue(r.out().contains("ONNX Runtime") && r.out().contains("libGDX"), r.out());
    }

    @Test
    void withoutACommandItIsAUsageError() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing command"), r.err());
        assertTrue(r.err().contains("demo"), r.err());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertEquals(2, run("demo", "--no-such-option").code());
        assertEquals(2, run("demo", "--headless", "--frames", "0").code());
        assertEquals(2, run("demo", "--headless", "--screenshot", "x.png").code());
        assertEquals(2, run("demo", "--headless", "--scene", "arena").code());
        assertEquals(2, run("demo", "--headless", "--generator", "cave").code());
        assertEquals(2, run("demo", "--headless", "--bots", "0").code());
        assertEquals(2, run("demo", "--headless", "--npcs", "-1").code());
    }

    @Test
    void headlessDemoPlaysTheDungeonAndPrintsTheResultLine() {
        Run r = run("demo", "--headless", "--frames", "120", "--seed", "3", "--fps", "0", "--lockstep");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dungeon adventure: 20 bots chased the player"), r.out());
        assertTrue(r.out().contains("textures: 3 generated from the shipped recipes"), r.out());
        assertTrue(r.out().contains("NPCs: 3 per dungeon"), r.out());
        // the story slice: its progress and end are in the summary, never in the RESULT line
        assertTrue(r.out().contains("story: 'The guard's key' (stories/guards-key.json), ends reached: "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*; story_end=(none|peaceful|by_force|left)")), r.out());
        String last = r.lastLine();
        assertTrue(last.matches("RESULT frames=120 npc_replies=\\d+ npc_actions=\\d+ bot_decisions=\\d+ levels=1 "
                + "textures=3 mean_frame_ms=\\d+\\.\\d{3} p99_frame_ms=\\d+\\.\\d{3}"), last);
        assertFalse(r.out().contains("playtest of dungeon"), "no playtest unless asked for");
        // 20 bots decide every 6th frame; in lockstep each decision arrives the frame after it was asked for
        assertTrue(Long.parseLong(value(last, "bot_decisions")) >= 20L * (120 / 6 - 1), last);
    }

    @Test
    void headlessPlaytestPrintsTheDungeonsCoverageInTheSummary() {
        Run r = run("demo", "--headless", "--frames", "60", "--seed", "3", "--fps", "0", "--lockstep", "--bots", "2",
                "--playtest");
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("playtest of dungeon 1: coverage ")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        double percent = Double.parseDouble(line.substring("playtest of dungeon 1: coverage ".length(),
                line.indexOf(" %")));
        assertTrue(percent > 50 && percent <= 100, line);
        assertTrue(line.contains("(16 bots x 300 s)"), line);
        assertTrue(r.lastLine().startsWith("RESULT frames=60 "), r.out());
    }

    @Test
    void headlessDemoNpcsReplyThroughTheDialogueModelFolderGiven(@TempDir Path dir) {
        Path model = TextModelFixtures.tinyModel(dir.resolve("dialogue"), 5L);
        Run r = run("demo", "--headless", "--frames", "120", "--fps", "0", "--lockstep", "--bots", "4", "--npcs", "4",
                "--chatter", "--dialogue-model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dialogue model 'dialogue' (" + model + ") on cpu"), r.out());
        assertTrue(r.out().contains("NPCs: 4 per dungeon"), r.out());
        assertTrue(Long.parseLong(value(r.lastLine(), "npc_replies")) >= 4, r.out());
    }

    @Test
    void theCrittersSceneIsStillThere() {
        Run r = run("demo", "--headless", "--frames", "120", "--scene", "critters");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("critters chased"), r.out());
        assertTrue(r.lastLine().startsWith("RESULT frames=120 decisions="), r.out());
        assertTrue(r.lastLine().contains(" mean_frame_ms=") && r.lastLine().contains(" p99_frame_ms="), r.lastLine());
        long decisions = Long.parseLong(value(r.lastLine(), "decisions"));
        assertTrue(decisions > 0, r.lastLine());
    }

    @Test
    void withoutADisplayTheDemoSaysSoAndRunsHeadless() {
        CommandLine cmd = AnimataCommand.commandLine();
        DemoCommand demo = cmd.getSubcommands().get("demo").getCommand();
        demo.env = Map.<String, String>of()::get;
        Run r = run(cmd, "demo", "--frames", "30", "--fps", "0", "--lockstep", "--scene", "critters", "--critters",
                "20");
        assertEquals(0, r.code(), r.err());
        String first = r.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith("No display (neither DISPLAY nor WAYLAND_DISPLAY is set)"), r.out());
        String last = r.lastLine();
        assertEquals("RESULT frames=30 decisions=" + 29 * 20, last.substring(0, last.indexOf(" critters")));
    }

    @Test
    void glfwErrorPrintsFoldIntoOneReason() {
        String printed = "[LWJGL] GLFW_PLATFORM_UNAVAILABLE error\n\tDescription : Failed to detect any supported "
                + "platform\n\tStacktrace  :\n\t\torg.lwjgl.glfw.GLFW.glfwInit(GLFW.java:1079)\n";
        assertEquals(" (GLFW_PLATFORM_UNAVAILABLE: Failed to detect any supported platform)",
                DemoCommand.glfwReason(printed));
        assertEquals("", DemoCommand.glfwReason(""));
    }

    private static String value(String resultLine, String key) {
        for (String pair : resultLine.split(" ")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new AssertionError(key + " not in " + resultLine);
    }
}
