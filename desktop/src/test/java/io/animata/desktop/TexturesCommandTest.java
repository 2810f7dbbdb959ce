package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.TextureMetrics;
import io.animata.core.texture.variant.Material;
import io.animata.core.texture.variant.SpriteVariants;
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

    /** A little figure: outline, face (skin), helmet (grey metal), tunic (blue cloth), transparent around. */
    static PixelBuffer figure() {
        String[] rows = {
            "..oooo..",
            ".oMMMMo.",
            ".oSSSSo.",
            ".oSooSo.",
            "oTTTTTTo",
            "oTTttTTo",
            ".oTTTTo.",
            "..o..o..",
        };
        Map<Character, Integer> colours = Map.of('o', 0x141010FF, 'M', 0xB4B4BCFF, 'S', 0xF0C8A0FF, 'T', 0x3A5CC0FF,
                't', 0x243C80FF, '.', 0);
        PixelBuffer p = new PixelBuffer(8, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                p.set(x, y, colours.get(rows[y].charAt(x)));
            }
        }
        return p;
    }

    @Test
    void variantsOfASpriteGoIntoAFolderOneFilePerSeedKeepingOutlinesAndAlpha() throws IOException {
        PixelBuffer sprite = figure();
        Path in = dir.resolve("hero.png");
        Png.write(sprite, in);
        Path out = dir.resolve("npcs");

        Run r = run("textures", "--variants", in.toString(), "--count", "5", "--seed", "10", "--out", out.toString());

        assertEquals(0, r.code(), r.err());
        Map<String, String> result = r.result();
        assertEquals("variants", result.get("mode"));
        assertEquals("5", result.get("count"));
        assertEquals("8x8", result.get("size"));
        SpriteVariants variants = SpriteVariants.builder().setSprite(sprite).build();
        assertEquals(String.valueOf(variants.groups().size()), result.get("groups"));
        java.util.Set<PixelBuffer> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            PixelBuffer v = Png.read(out.resolve(String.format("hero-%03d.png", i)));
            assertEquals(variants.variant(10 + i), v, "variant " + i + " is the variant of seed 10 + " + i);
            for (int p = 0; p < 64; p++) {
                assertEquals(PixelBuffer.alpha(sprite.pixels()[p]), PixelBuffer.alpha(v.pixels()[p]));
                if (sprite.pixels()[p] == 0x141010FF) {
                    assertEquals(0x141010FF, v.pixels()[p], "outlines stay");
                }
            }
            distinct.add(v);
        }
        assertTrue(distinct.size() >= 4, "five seeds, different looks: " + distinct.size());
        try (var files = Files.list(out)) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void variantsAsOneSheetWithAMaskAndNamedGroups() throws IOException {
        PixelBuffer sprite = figure();
        PixelBuffer mask = new PixelBuffer(8, 8);
        for (int p = 0; p < 64; p++) {
            int c = sprite.pixels()[p];
            mask.pixels()[p] = c == 0x3A5CC0FF || c == 0x243C80FF ? 0xFF0000FF : c == 0xF0C8A0FF ? 0x00FF00FF : 0;
        }
        Path in = dir.resolve("hero.png");
        Path maskFile = dir.resolve("hero-mask.png");
        Png.write(sprite, in);
        Png.write(mask, maskFile);
        Path sheet = dir.resolve("sheet.png");

        Run r = run("textures", "--variants", in.toString(), "--mask", maskFile.toString(), "--group",
                "#ff0000=tunic:cloth", "--group", "#00ff00=face:skin", "--count", "7", "--seed", "3", "--out",
                sheet.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals("2", r.result().get("groups"));
        assertTrue(r.out().contains("tunic (cloth)") && r.out().contains("face (skin)"), r.out());
        PixelBuffer image = Png.read(sheet);
        assertEquals(3 * 8, image.width(), "7 variants: 3 columns");
        assertEquals(3 * 8, image.height(), "and 3 rows");
        SpriteVariants variants = SpriteVariants.builder().setSprite(sprite).optMask(mask, Map.of(
                0xFF0000FF, new SpriteVariants.Group("tunic", Material.CLOTH),
                0x00FF00FF, new SpriteVariants.Group("face", Material.SKIN))).build();
        PixelBuffer sixth = variants.variant(3 + 5);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(sixth.get(x, y), image.get(2 * 8 + x, 8 + y), "variant 5 at column 2, row 1");
                if ((mask.get(x, y) & 0xFF) == 0) {
                    assertEquals(sprite.get(x, y), image.get(2 * 8 + x, 8 + y), "unmasked pixels (helmet, outline) "
                            + "stay as drawn");
                }
            }
        }
        assertEquals(0, image.get(23, 23) & 0xFF, "the short last row is transparent");

        Run unnamed = run("textures", "--variants", in.toString(), "--mask", maskFile.toString(), "--group",
                "#ff0000=tunic:cloth", "--out", dir.resolve("x.png").toString());
        assertEquals(1, unnamed.code());
        assertTrue(unnamed.err().contains("which the legend does not name"), unnamed.err());
    }

    @Test
    void variantUsageErrorsSayWhatIsExpected() {
        String in = dir.resolve("hero.png").toString();
        Png.write(figure(), Path.of(in));
        assertEquals(2, run("textures", "--variants", in, "--count", "0", "--out", dir.toString()).code());
        Run badGroup = run("textures", "--variants", in, "--mask", in, "--group", "red=tunic", "--out",
                dir.toString());
        assertEquals(2, badGroup.code());
        assertTrue(badGroup.err().contains("expected #RRGGBB=NAME:MATERIAL"), badGroup.err());
        Run badMaterial = run("textures", "--variants", in, "--mask", in, "--group", "#ff0000=tunic:silk", "--out",
                dir.toString());
        assertEquals(2, badMaterial.code());
        assertTrue(badMaterial.err().contains("no material 'silk'; use one of outline, keep, skin, hair, metal, cloth"),
                badMaterial.err());
        assertEquals(2, run("textures", "--variants", in, "--group", "#ff0000=tunic:cloth", "--out",
                dir.toString()).code());
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
