package io.animata.core.texture.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.TextureMetrics;
import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextureRecipeTest {
    private static RowExecutor rows;

    @BeforeAll
    static void pool() {
        rows = RowExecutor.create(3);
    }

    @AfterAll
    static void close() {
        rows.close();
    }

    static Stream<String> shipped() {
        return TextureRecipe.builtInNames().stream();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedRecipesTileSeamlesslyWithANormalMap(String name) {
        TextureRecipe recipe = TextureRecipe.builtIn(name);
        RenderedTexture t = recipe.render(192, 192, 7, rows);
        double seam = TextureMetrics.seamError(t.color());
        assertTrue(seam <= 1.2, name + ": seam error " + seam);
        assertTrue(recipe.tileable());
        assertTrue(t.normalMap().isPresent(), name + " names a height");
        assertTrue(TextureMetrics.seamError(t.normalMap().get()) <= 1.2, name + " normal map seam");
        assertEquals(name, recipe.name());
        assertFalse(recipe.description().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void sameSeedSamePixelsOnAnyNumberOfThreads(String name) {
        TextureRecipe recipe = TextureRecipe.builtIn(name);
        PixelBuffer parallel = recipe.render(64, 48, 42, rows).color();
        PixelBuffer alone = recipe.render(64, 48, 42).color();
        assertEquals(alone, parallel);
        PixelBuffer other = recipe.render(64, 48, 43, rows).color();
        assertNotEquals(alone, other, name + ": another seed gives another texture");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedRecipesAreOpaqueAndNotFlat(String name) {
        PixelBuffer c = TextureRecipe.builtIn(name).render(64, 64, 1).color();
        long distinct = java.util.Arrays.stream(c.pixels()).distinct().count();
        assertTrue(distinct > 100, name + " has only " + distinct + " colours");
        for (int p : c.pixels()) {
            assertEquals(0xFF, PixelBuffer.alpha(p));
        }
    }

    @Test
    void theShippedFilesAreTheOnesInTheJar() throws Exception {
        Path dir = Path.of(System.getProperty("animata.root", "..")).resolve("assets/textures/recipes");
        for (String name : TextureRecipe.builtInNames()) {
            TextureRecipe fromFile = TextureRecipe.read(dir.resolve(name + ".json"));
            assertEquals(TextureRecipe.builtIn(name).render(32, 32, 3).color(), fromFile.render(32, 32, 3).color());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(TextureRecipe.builtInNames().size(), files.filter(p -> p.toString().endsWith(".json")).count(),
                    "every shipped recipe is listed in TextureRecipe.builtInNames");
        }
    }

    @Test
    void aSmallRecipeRendersWhatItSays() {
        TextureRecipe r = TextureRecipe.parse("two", """
                {
                  // half black, half white, by a step ramp over a wave
                  "nodes": {
                    "w": {"type": "wave", "axis": "x", "count": 1, "shape": "saw"},
                    "c": {"type": "ramp", "input": "w", "interpolation": "step",
                          "stops": [[0, "#000000"], [0.5, "#ffffff"],],},
                  },
                  "output": {"color": "c"}
                }""");
        PixelBuffer p = r.render(4, 2, 0).color();
        assertArrayEquals(new int[] {0x000000FF, 0x000000FF, 0xFFFFFFFF, 0xFFFFFFFF}, java.util.Arrays.copyOf(
                p.pixels(), 4));
        assertTrue(r.render(4, 2, 0).normalMap().isEmpty());
        assertEquals("two", r.name());
        assertEquals(java.util.List.of("w", "c"), r.nodeNames());
    }

    @Test
    void nodesWithTheSameSeedShareTheirNoise() {
        String json = """
                {"nodes": {
                   "a": {"type": "noise", "noise": "cellular", "cellular": "cell", "frequency": 5, "seed": 3},
                   "b": {"type": "noise", "noise": "cellular", "cellular": "cell", "frequency": 5, "seed": 3},
                   "d": {"type": "math", "op": "difference", "a": "a", "b": "b"},
                   "c": {"type": "ramp", "input": "d", "stops": [[0, "#000000"], [1, "#ffffff"]]}},
                 "output": {"color": "c"}}""";
        for (int p : TextureRecipe.parse("same", json).render(32, 32, 9).color().pixels()) {
            assertEquals(0x000000FF, p);
        }
        for (int p : TextureRecipe.parse("same", json.replace("\"seed\": 3},\n", "},\n")).render(32, 32, 9).color()
                .pixels()) {
            if (p != 0x000000FF) {
                return; // without the shared seed, a and b differ somewhere
            }
        }
        throw new AssertionError("nodes without a seed field should differ");
    }

    @Test
    void aPlaneRecipeDoesNotTile() {
        String json = """
                {"tileable": false, "nodes": {
                   "n": {"type": "noise", "frequency": 3},
                   "c": {"type": "ramp", "input": "n", "stops": [[0, "#000000"], [1, "#ffffff"]]}},
                 "output": {"color": "c", "height": "n"}}""";
        RenderedTexture t = TextureRecipe.parse("plane", json).render(128, 128, 5);
        assertTrue(TextureMetrics.seamError(t.color()) > 2, "seam " + TextureMetrics.seamError(t.color()));
    }

    @Test
    void sizesAreChecked() {
        TextureRecipe r = TextureRecipe.builtIn("sand");
        AnimataException e = assertThrows(AnimataException.class, () -> r.render(0, 10, 1));
        assertEquals("recipe 'sand': texture size must be 1 to 8192 pixels per side, was 0 x 10", e.getMessage());
        AnimataException missing = assertThrows(AnimataException.class, () -> TextureRecipe.builtIn("marble"));
        assertTrue(missing.getMessage().contains("[grass, stone, wood, lava, water, sand]"), missing.getMessage());
    }
}
