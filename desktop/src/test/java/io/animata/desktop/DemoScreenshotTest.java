package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code animata demo --screenshot} in a real window (LWJGL3, OpenGL): the saved frame shows the dungeon, the player
 * and the bots and the HUD, not a blank screen. It runs the command in a child JVM, on the display there is, or under
 * {@code xvfb-run} (Xvfb with Mesa's software OpenGL) where there is none; where neither can be had it is skipped and
 * says why. Tagged {@code display}: {@code mvn -B -Pdisplay -pl desktop -am test} runs it.
 */
@Tag("display")
class DemoScreenshotTest {
    /** The player's fill colour in {@code DemoGame}. */
    private static final int PLAYER = rgb(0.30f, 0.90f, 0.45f);
    /** The bots' fill colour in {@code DemoGame}. */
    private static final int BOT = rgb(0.90f, 0.18f, 0.42f);

    @Test
    void theDemoWindowDrawsTheDungeonThePlayerTheBotsAndTheHud(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("demo.png");
        List<String> command = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            Optional<Path> xvfbRun = onPath("xvfb-run");
            if (xvfbRun.isEmpty()) {
                skip("no DISPLAY and no xvfb-run on the PATH (apt-get install xvfb libgl1-mesa-dri)");
            }
            command.addAll(List.of(xvfbRun.get().toString(), "-a", "-s", "-screen 0 1280x720x24"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), AnimataCommand.class.getName(),
                "demo", "--screenshot", png.toString(), "--frames", "90", "--seed", "1",
                // the game itself: the title card would cover the middle of the dungeon for the first 8 s
                "--no-title-card"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // a guard against a hung window, not a timing assertion
        boolean done = process.waitFor(180, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
            throw new AssertionError("the demo window did not close within 180 s:\n" + output);
        }
        if (output.contains("No display (")) {
            skip("no window could be made: " + output.lines().filter(l -> l.startsWith("No display (")).findFirst()
                    .orElse(""));
        }
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("screenshot: "), output);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        Map<Integer, Long> colours = new HashMap<>();
        long player = 0;
        long bots = 0;
        long hudText = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y) & 0xffffff;
                colours.merge(c, 1L, Long::sum);
                player += near(c, PLAYER) ? 1 : 0;
                bots += near(c, BOT) ? 1 : 0;
                // light text on the dark HUD band at the top
                hudText += y < 80 && brightness(c) > 180 ? 1 : 0;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        long commonest = colours.values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(commonest < pixels * 6 / 10, "blank: one colour covers " + commonest + " of " + pixels + " pixels");
        assertTrue(colours.size() > 20, "only " + colours.size() + " colours");
        assertTrue(player > 100, "the player is not there: " + player + " pixels of its colour");
        assertTrue(bots > 20 * 100, "the bots are not there: " + bots + " pixels of their colour");
        assertTrue(hudText > 500, "no HUD text: " + hudText + " light pixels in the top band");
        System.out.println("demo screenshot: " + colours.size() + " colours, player " + player + " px, bots " + bots
                + " px, HUD text " + hudText + " px");
    }

    private static void skip(String reason) {
        System.out.println("DemoScreenshotTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int rgb(float r, float g, float b) {
        return Math.round(r * 255) << 16 | Math.round(g * 255) << 8 | Math.round(b * 255);
    }

    private static boolean near(int c, int target) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((c >> shift & 0xff) - (target >> shift & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }

    private static int brightness(int c) {
        return ((c >> 16 & 0xff) + (c >> 8 & 0xff) + (c & 0xff)) / 3;
    }
}
