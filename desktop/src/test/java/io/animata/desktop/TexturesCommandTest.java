package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.TextureMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code animata textures} end to end through picocli, on small textures. */
class TexturesCommandTest {
    @TempDir
    Path dir;

    /** Output, error output and exit code of one run. */
    record Run(int code, String out, String err) {
        Map<String, String> result() {
            String[] lines = out.strip().split("\\R");
            String last = lines[lines.length - 1];
            assertTrue(last.startsWith("RESULT "), out);
            Map<String, String> values = new HashMap<>();
            for (String pair : last.substring("RESULT ".length()).split(" ")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv[1]);
            }
            return values;
        }
    }

    static Run run(String... args) {
        CommandLine cmd = AnimataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aShippedRecipeMakesATileableImageAndItsNormalMap() {
        Path out = dir.resolve("stone.png");
        Run r = run("textures", "--recipe", "stone", "--size", "96", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, String> result = r.result();
        assertEquals("recipe", result.get("mode"));
        assertEquals("96x96", result.get("size"));
        PixelBuffer image = Png.read(out);
        assertEquals(96, image.width());
        assertTrue(Double.parseDouble(result.get("seam_error")) <= 1.2, r.out());
        assertEquals(TextureMetrics.seamError(image), Double.parseDouble(result.get("seam_error")), 1e-3);
        assertTrue(Files.isRegularFile(dir.resolve("stone-normal.png")), r.out());
    }

    @Test
    void theSameSeedWritesTheSamePixels() {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Path c = dir.resolve("c.png");
        assertEquals(0, run("textures", "--recipe", "lava", "--size", "48", "--height", "32", "--seed", "9",
                "--out", a.toString(), "--threads", "1").code());
        assertEquals(0, run("textures", "--recipe", "lava", "--size", "48", "--height", "32", "--seed", "9",
                "--out", b.toString(), "--threads", "3").code());
        assertEquals(0, run("textures", "--recipe", "lava", "--size", "48", "--height", "32", "--seed", "10",
                "--out", c.toString()).code());
        assertEquals(Png.read(a), Png.read(b));
        assertFalse(Png.read(a).equals(Png.read(c)));
        assertEquals(32, Png.read(a).height());
    }

    @Test
    void aRecipeFileWorksAndItsMistakesNameTheNodeAndField() throws IOException {
        Path good = Files.writeString(dir.resolve("mine.json"), """
                {"nodes": {"n": {"type": "noise", "frequency": 3},
                           "c": {"type": "ramp", "input": "n", "stops": [[0, "#102030"], [1, "#f0e0d0"]]}},
                 "output": {"color": "c"}}""");
        Run ok = run("textures", "--recipe", good.toString(), "--size", "32", "--out", dir.resolve("m.png").toString());
        assertEquals(0, ok.code(), ok.err());
        assertFalse(Files.exists(dir.resolve("m-normal.png")), "no height, no normal map");

        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"nodes": {"n": {"type": "noise", "octaves": 99},
                           "c": {"type": "ramp", "input": "n", "stops": [[0, "#102030"]]}},
                 "output": {"color": "c"}}""");
        Run failed = run("textures", "--recipe", bad.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("recipe 'bad': node 'n' field 'octaves': expected an integer from 1 to 16"),
                failed.err());
    }

    @Test
    void anExampleImageIsQuiltedIntoATileThatBeatsColourNoise() {
        PixelBuffer big = io.animata.core.texture.recipe.TextureRecipe.builtIn("stone").render(120, 120, 4).color();
        PixelBuffer example = new PixelBuffer(80, 80);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 80; x++) {
                example.set(x, y, big.get(x + 13, y + 21));
            }
        }
        Path in = dir.resolve("example.png");
        Png.write(example, in);
        Path out = dir.resolve("quilt.png");

        Run r = run("textures", "--example", in.toString(), "--size", "128", "--seed", "2", "--patch", "24",
                "--tolerance", "0.2", "--out", out.toString(), "--no-progress");

        assertEquals(0, r.code(), r.err());
        Map<String, String> result = r.result();
        assertEquals("example", result.get("mode"));
        assertEquals(128, Png.read(out).width());
        assertTrue(Double.parseDouble(result.get("seam_error")) <= 1.2, r.out());
        assertTrue(Double.parseDouble(result.get("stats_distance"))
                < Double.parseDouble(result.get("baseline_distance")), r.out());
    }

    @Test
    void aTinyNcaTrainsExportsAndGrowsSeamlessly() throws IOException {
        PixelBuffer example = io.animata.core.texture.recipe.TextureRecipe.builtIn("lava").render(32, 32, 1).color();
        Path in = dir.resolve("lava.png");
        Png.write(example, in);
        Path model = dir.resolve("nca/lava.onnx");

        Run train = run("textures", "--train-nca", in.toString(), "--iterations", "3", "--grid", "16", "--channels",
                "5", "--hidden", "8", "--steps", "6", "--size", "24", "--out", model.toString(), "--no-progress");

        assertEquals(0, train.code(), train.err());
        Map<String, String> trained = train.result();
        assertEquals("train-nca", trained.get("mode"));
        assertEquals("3", trained.get("iterations"));
        assertTrue(trained.containsKey("stats_distance") && trained.containsKey("baseline_distance"), train.out());
        assertTrue(Files.isRegularFile(dir.resolve("nca/lava.json")));
        assertTrue(Files.readString(dir.resolve("nca/lava.json")).contains("\"steps\" : 6"));
        assertEquals(24, Png.read(dir.resolve("nca/lava-preview.png")).width());

        Path grown = dir.resolve("grown.png");
        Run nca = run("textures", "--nca", model.toString(), "--size", "32", "--height", "20", "--seed", "4", "--out",
                grown.toString());
        assertEquals(0, nca.code(), nca.err());
        Map<String, String> r = nca.result();
        assertEquals("nca", r.get("mode"));
        assertEquals("6", r.get("steps"));
        assertEquals("32x20", r.get("size"));
        assertTrue(Double.parseDouble(r.get("seam_error")) <= 1.2, nca.out());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("textures", "--train-nca", "x.png", "--out", "model.bin").code());
        assertEquals(2, run("textures", "--recipe", "sand", "--example", "x.png", "--out", "y.png").code());
        assertEquals(2, run("textures", "--out", "y.png").code());
        Run unknown = run("textures", "--recipe", "marble", "--out", dir.resolve("x.png").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("shipped: grass, stone, wood, lava, water, sand"), unknown.err());
        assertEquals(2, run("textures", "--recipe", "sand", "--size", "0", "--out", "x.png").code());
        assertEquals(2, run("textures", "--recipe", "sand").code());
    }

    @Test
    void siblingNamesTheNormalMap() {
        assertEquals(Path.of("out/grass-normal.png"), TexturesCommand.sibling(Path.of("out/grass.png"), "-normal"));
        assertEquals(Path.of("grass-normal.png"), TexturesCommand.sibling(Path.of("grass"), "-normal"));
    }
}
