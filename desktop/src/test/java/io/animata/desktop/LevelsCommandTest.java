package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.export.TmxWriter;
import io.animata.core.level.io.LegendReader;
import io.animata.core.level.io.LevelFiles;
import io.animata.core.level.metrics.Diversity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code animata levels} end to end on the shipped examples, small batches. */
class LevelsCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }

        Map<String, String> result() {
            assertTrue(lastLine().startsWith("RESULT "), out + err);
            Map<String, String> m = new HashMap<>();
            for (String pair : lastLine().substring("RESULT ".length()).split(" ")) {
                m.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return m;
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

    static Path examples(String set) {
        String root = System.getProperty("animata.root");
        Path base = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        return base.resolve("assets").resolve("levels").resolve(set);
    }

    @Test
    void writesLevelsReportChartAndAResultLine() throws Exception {
        Path out = dir.resolve("out");
        Run r = run("levels", "--examples", examples("dungeon").toString(), "--count", "12", "--seed", "3",
                "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        Map<String, String> result = r.result();
        assertTrue(r.lastLine().startsWith("RESULT count=12 playable="), r.lastLine());
        for (String key : new String[] {"count", "playable", "diversity", "novelty", "kl", "seconds"}) {
            assertNotNull(result.get(key), key);
        }
        assertEquals(1.0, Double.parseDouble(result.get("playable")), 1e-9);
        assertTrue(r.err().contains("12/12"), "the progress bar: " + r.err());
        for (int i = 1; i <= 12; i++) {
            String name = String.format("level-%04d", i);
            assertTrue(Files.isRegularFile(out.resolve("levels").resolve(name + ".txt")), name);
            assertTrue(Files.isRegularFile(out.resolve("levels").resolve(name + ".tmx")), name);
        }
        assertTrue(Files.isRegularFile(out.resolve("levels/tileset.png")));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(12, report.path("results").path("count").asInt());
        assertEquals(12, report.path("levels").size());
        assertEquals("wfc", report.path("settings").path("generator").asText());
        assertTrue(report.path("metrics").path("patternKl").has("k4"));
        BufferedImage chart = ImageIO.read(out.resolve("expressive-range.png").toFile());
        assertEquals(1400, chart.getWidth());
    }

    @ParameterizedTest
    @CsvSource({"platformer, wfc", "platformer, tiled", "platformer, markov", "dungeon, tiled", "dungeon, markov",
        "dungeon, bsp", "dungeon, cave", "dungeon, walk"})
    void everyGeneratorMakesPlayableLevels(String set, String generator) {
        Run r = run("levels", "--examples", examples(set).toString(), "--count", "8", "--out",
                dir.resolve(generator).toString(), "--generator", generator, "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertEquals("8", r.result().get("count"));
        assertEquals(generator, r.result().get("generator"));
        assertTrue(Double.parseDouble(r.result().get("playable")) >= 0.95, r.lastLine());
    }

    @Test
    void examplesMayBeTextTmxAndBitmaps() throws Exception {
        Path mixed = dir.resolve("mixed");
        Files.createDirectories(mixed);
        Path legendFile = examples("dungeon").resolve("legend.json");
        Legend legend = LegendReader.read(legendFile);
        List<ExampleLevel> levels = LevelFiles.readDirectory(examples("dungeon"), legend);
        TmxWriter tmx = TmxWriter.builder().setLegend(legend).build();
        for (int i = 0; i < levels.size(); i++) {
            TileGrid g = levels.get(i).grid();
            if (i % 3 == 0) {
                Files.writeString(mixed.resolve("l" + i + ".txt"), g.toText());
            } else if (i % 3 == 1) {
                tmx.write(g, mixed.resolve("l" + i + ".tmx"));
            } else {
                BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < g.height(); y++) {
                    for (int x = 0; x < g.width(); x++) {
                        img.setRGB(x, y, legend.color(g.get(x, y)).orElseThrow());
                    }
                }
                ImageIO.write(img, "png", mixed.resolve("l" + i + ".png").toFile());
            }
        }
        Run r = run("levels", "--examples", mixed.toString(), "--legend", legendFile.toString(), "--count", "6",
                "--out", dir.resolve("o").toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(levels.size() + " examples from"), r.out());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("o/report.json").toFile());
        assertEquals(levels.size(), report.path("examples").path("count").asInt());
        // the TMX and PNG files read back as the levels they were made from
        assertEquals(Diversity.meanPairwise(levels.stream().map(ExampleLevel::grid).toList()),
                report.path("metrics").path("exampleDiversity").asDouble(), 1e-12);
    }

    @Test
    void theSameSeedWritesTheSameLevels() throws Exception {
        String ex = examples("platformer").toString();
        assertEquals(0, run("levels", "--examples", ex, "--count", "6", "--seed", "9", "--out",
                dir.resolve("a").toString(), "--threads", "1", "--no-progress").code());
        assertEquals(0, run("levels", "--examples", ex, "--count", "6", "--seed", "9", "--out",
                dir.resolve("b").toString(), "--threads", "2", "--no-progress").code());
        for (int i = 1; i <= 6; i++) {
            String name = String.format("levels/level-%04d.txt", i);
            assertEquals(Files.readString(dir.resolve("a").resolve(name)), Files.readString(dir.resolve("b")
                    .resolve(name)), name);
        }
    }

    @Test
    void badInputsAreOneLineErrors() throws Exception {
        Path ragged = dir.resolve("ragged");
        Files.createDirectories(ragged);
        Files.copy(examples("dungeon").resolve("legend.json"), ragged.resolve("legend.json"));
        Files.writeString(ragged.resolve("bad.txt"), "#####\n#S.G#\n####\n");
        Run r = run("levels", "--examples", ragged.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.txt line 3 has 4 characters, line 1 has 5"), r.err());

        Run side = run("levels", "--examples", examples("platformer").toString(), "--out",
                dir.resolve("o").toString(), "--generator", "bsp");
        assertEquals(1, side.code());
        assertTrue(side.err().contains("side view"), side.err());

        Path noStart = dir.resolve("nostart");
        Files.createDirectories(noStart);
        Files.writeString(noStart.resolve("legend.json"), "{\"tiles\": {\"#\": [\"solid\"], \"G\": [\"goal\"]}}");
        Run legend = run("levels", "--examples", noStart.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, legend.code());
        assertTrue(legend.err().contains("no tile is tagged \"start\""), legend.err());

        Run missing = run("levels", "--examples", dir.resolve("nowhere").toString(), "--out",
                dir.resolve("o").toString(), "--legend", examples("dungeon").resolve("legend.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        String ex = examples("dungeon").toString();
        String o = dir.resolve("o").toString();
        assertEquals(2, run("levels", "--examples", ex, "--out", o, "--generator", "gan").code());
        assertEquals(2, run("levels", "--examples", ex, "--out", o, "--count", "0").code());
        assertEquals(2, run("levels", "--examples", ex).code());
    }

    /** The issue's targets for 1,000 levels, per generator (speed is reported in the RESULT line, not asserted). */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({"platformer, wfc", "platformer, markov", "platformer, tiled", "dungeon, wfc", "dungeon, markov",
        "dungeon, tiled", "dungeon, bsp", "dungeon, cave", "dungeon, walk"})
    void aThousandLevelsMeetTheTargets(String set, String generator) {
        Run r = run("levels", "--examples", examples(set).toString(), "--count", "1000", "--out",
                dir.resolve(generator).toString(), "--generator", generator, "--no-progress");
        assertEquals(0, r.code(), r.err());
        Map<String, String> m = r.result();
        System.out.println(set + " " + r.lastLine());
        assertTrue(Double.parseDouble(m.get("playable")) >= 0.95, r.lastLine());
        assertTrue(Double.parseDouble(m.get("diversity")) > 0.5 * Double.parseDouble(m.get("example_diversity")),
                r.lastLine());
        assertTrue(Double.parseDouble(m.get("near_copies")) <= 0.05, r.lastLine());
    }
}
