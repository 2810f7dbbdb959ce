package io.animata.core.texture.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A wrong recipe fails at parse time with a message that names the node and the field. */
class RecipeErrorsTest {
    private static final String OK_NODES = """
            "base": {"type": "noise", "noise": "simplex", "frequency": 4, "fractal": "fbm", "octaves": 3},
            "warp": {"type": "warp", "amplitude": 0.1},
            "tint": {"type": "ramp", "input": "base", "stops": [[0, "#000000"], [1, "#ffffff"]]}""";

    private static String recipe(String replace, String with) {
        String nodes = replace.isEmpty() ? OK_NODES + "," + with : OK_NODES.replace(replace, with);
        return "{\"nodes\": {" + nodes + "}, \"output\": {\"color\": \"tint\"}}";
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(recipe("\"octaves\": 3", "\"octaves\": 40"),
                        "recipe 'r': node 'base' field 'octaves': expected an integer from 1 to 16, got 40"),
                Arguments.of(recipe("\"octaves\": 3", "\"octaves\": 2.5"),
                        "recipe 'r': node 'base' field 'octaves': expected an integer from 1 to 16, got 2.5"),
                Arguments.of(recipe("\"noise\": \"simplex\"", "\"noise\": \"simplx\""),
                        "recipe 'r': node 'base' field 'noise': expected one of simplex, perlin, value, cellular, "
                                + "got \"simplx\""),
                Arguments.of(recipe("\"octaves\": 3", "\"octave\": 3"),
                        "recipe 'r': node 'base' field 'octave': unknown field for a noise node (its fields: type, "
                                + "noise, seed, frequency, fractal, octaves, lacunarity, gain, pingPongStrength, warp)"),
                Arguments.of(recipe("", "\"wv\": {\"type\": \"wave\", \"count\": 0}"),
                        "recipe 'r': node 'wv' field 'count': expected an integer from 1 to 4096, got 0"),
                Arguments.of(recipe("\"frequency\": 4", "\"frequency\": -1"),
                        "recipe 'r': node 'base' field 'frequency': expected a number from 0.001 to 10000, or [x, y] "
                                + "of two such numbers, got -1"),
                Arguments.of(recipe("\"input\": \"base\"", "\"input\": \"bse\""),
                        "recipe 'r': node 'tint' field 'input': no node named 'bse' (nodes: base, warp, tint)"),
                Arguments.of(recipe("\"input\": \"base\"", "\"input\": \"warp\""),
                        "recipe 'r': node 'tint' field 'input': node 'warp' makes coordinates (warp), but a scalar "
                                + "(noise, levels, math, wave) is needed here"),
                Arguments.of(recipe("\"input\": \"base\", ", ""),
                        "recipe 'r': node 'tint' field 'input': is required (the name of another node)"),
                Arguments.of(recipe("\"#ffffff\"", "\"white\""),
                        "recipe 'r': node 'tint' field 'stops': expected a colour like \"#4f7a2c\" or \"#4f7a2cff\", "
                                + "got \"white\""),
                Arguments.of(recipe("[1, \"#ffffff\"]", "[1.5, \"#ffffff\"]"),
                        "recipe 'r': node 'tint' field 'stops': stop 2 must be [position from 0 to 1, \"#rrggbb\"], "
                                + "got [1.5,\"#ffffff\"]"),
                Arguments.of(recipe("\"type\": \"warp\", \"amplitude\": 0.1", "\"type\": \"warp\""),
                        "recipe 'r': node 'warp' field 'amplitude': is required (a number from -4 to 4)"),
                Arguments.of(recipe("\"type\": \"noise\"", "\"type\": \"nosie\""),
                        "recipe 'r': node 'base' field 'type': expected one of noise, warp, levels, math, wave, color, "
                                + "ramp, blend, shade, got \"nosie\""),
                Arguments.of(recipe("", "\"lv\": {\"type\": \"levels\", \"input\": \"base\", \"low\": 0.5, \"high\": 0.5}"),
                        "recipe 'r': node 'lv' field 'high': must differ from low (0.5)"),
                Arguments.of(recipe("", "\"m\": {\"type\": \"math\", \"op\": \"pow\", \"a\": 1, \"b\": 2}"),
                        "recipe 'r': node 'm' field 'op': expected one of add, subtract, multiply, min, max, "
                                + "difference, screen, mix, got \"pow\""),
                Arguments.of(recipe("", "\"x\": {\"type\": \"levels\", \"input\": \"y\"}, "
                        + "\"y\": {\"type\": \"levels\", \"input\": \"x\"}"),
                        "recipe 'r': node 'y' field 'input': cycle x -> y -> x"),
                Arguments.of(recipe("", "\"s\": {\"type\": \"shade\", \"color\": \"tint\", \"height\": \"base\", "
                        + "\"light\": [0, 0, -1]}"),
                        "recipe 'r': node 's' field 'light': expected a direction [x, y, z] towards the light (x right, "
                                + "y up, z > 0 out of the surface), got [0,0,-1]"),
                Arguments.of("{\"nodes\": {" + OK_NODES + "}, \"output\": {\"color\": \"base\"}}",
                        "recipe 'r': output field 'color': node 'base' makes a scalar (noise, levels, math, wave), "
                                + "but a colour (ramp, blend, shade, color) is needed here"),
                Arguments.of("{\"nodes\": {" + OK_NODES + "}, \"output\": {\"colour\": \"tint\"}}",
                        "recipe 'r': output field 'color': is required (the name of another node)"),
                Arguments.of("{\"nodes\": {" + OK_NODES + "}, \"output\": {\"color\": \"tint\"}, \"seed\": 3}",
                        "recipe 'r': top level field 'seed': unknown field for a recipe (its fields: name, "
                                + "description, tileable, nodes, output)"),
                Arguments.of("{\"nodes\": {}, \"output\": {\"color\": \"tint\"}}",
                        "recipe 'r': top level field 'nodes': expected an object of named nodes, like "
                                + "{\"base\": {\"type\": \"noise\"}}"),
                Arguments.of("[1, 2]", "recipe 'r': expected a JSON object with \"nodes\" and \"output\""));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void namesTheNodeAndTheField(String json, String message) {
        AnimataException e = assertThrows(AnimataException.class, () -> TextureRecipe.parse("r", json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> TextureRecipe.parse("r", "{\n  \"nodes\": {\n    \"a\": {\"type\" \"noise\"}\n}"));
        assertTrue(e.getMessage().startsWith("recipe 'r' is not valid JSON at line 3, column "), e.getMessage());
    }

    @Test
    void aNodeDefinedTwiceIsMalformed() {
        AnimataException e = assertThrows(AnimataException.class, () -> TextureRecipe.parse("r",
                "{\"nodes\": {\"a\": {\"type\": \"noise\"}, \"a\": {\"type\": \"noise\"}}, \"output\": {}}"));
        assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
    }

    @Test
    void aMissingFileSaysWhichFile() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> TextureRecipe.read(Path.of("no/such/recipe.json")));
        assertTrue(e.getMessage().startsWith("cannot read recipe no/such/recipe.json"), e.getMessage());
    }
}
