package io.animata.core.level.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegendReaderTest {
    private static final String PLATFORMER = """
            {
              "tiles": {
                "X": ["solid", "ground"],
                "-": ["passable", "empty"],
                "S": ["passable", "start"],
                "G": ["passable", "goal"],
                "^": ["passable", "hazard"],
                "H": ["passable", "Climbable"]
              },
              "view": "side",
              "jump": {"height": 3, "length": 5},
              "colors": {"X": "#5a3d2b", "-": "#9fd3ff"}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void readsTagsViewJumpAndColors() {
        Legend legend = LegendReader.parse(PLATFORMER, "p.json");
        assertEquals(List.of('X', '-', 'S', 'G', '^', 'H'), List.copyOf(legend.tiles()));
        assertTrue(legend.isSolid('X'));
        assertTrue(legend.isPassable('-'));
        assertTrue(legend.isStart('S'));
        assertTrue(legend.isGoal('G'));
        assertTrue(legend.isHazard('^'));
        assertTrue(legend.isClimbable('H'), "tags are case-insensitive");
        assertFalse(legend.contains('Q'));
        assertEquals(Legend.View.SIDE, legend.view());
        assertEquals(new Legend.Jump(3, 5), legend.jump());
        assertEquals(0x5a3d2b, legend.color('X').orElseThrow());
        assertEquals('-', legend.background());
        assertEquals('X', legend.wall());
        assertEquals('^', legend.hazard().orElseThrow());
    }

    @Test
    void defaultsToTopDownWithTheDefaultJump() {
        Legend legend = LegendReader.parse("{\"tiles\": {\"#\": [\"solid\"], \".\": [\"passable\"], "
                + "\"S\": [\"start\"], \"G\": [\"goal\"]}}", "d.json");
        assertEquals(Legend.View.TOP_DOWN, legend.view());
        assertEquals(Legend.Jump.DEFAULT, legend.jump());
        assertTrue(legend.isPassable('S'), "not solid means passable");
    }

    @Test
    void readsAFile() throws Exception {
        Path file = dir.resolve("legend.json");
        Files.writeString(file, PLATFORMER);
        assertEquals(Legend.View.SIDE, LegendReader.read(file).view());
    }

    @Test
    void aLegendWithoutAStartSaysWhatToAdd() {
        AnimataException e = assertThrows(AnimataException.class, () -> LegendReader.parse(
                "{\"tiles\": {\"X\": [\"solid\"], \"-\": [\"passable\"], \"G\": [\"goal\"]}}", "nostart.json"));
        assertTrue(e.getMessage().startsWith("nostart.json: no tile is tagged \"start\""), e.getMessage());
    }

    @Test
    void aLegendWithoutAGoalSaysWhatToAdd() {
        AnimataException e = assertThrows(AnimataException.class, () -> LegendReader.parse(
                "{\"tiles\": {\"X\": [\"solid\"], \"S\": [\"start\"]}}", "nogoal.json"));
        assertTrue(e.getMessage().contains("no tile is tagged \"goal\""), e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> LegendReader.parse("{\n  \"tiles\": {\n    \"X\": [\"solid\",]\n  }\n}", "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json line 3, column "), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        AnimataException e = assertThrows(AnimataException.class, () -> LegendReader.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json does not exist"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                                         | is empty",
        "[1, 2]                                                     | must be a JSON object",
        "{\"tile\": {}}                                             | unknown field \"tile\"",
        "{\"tiles\": {}}                                            | must be a non-empty object",
        "{\"tiles\": {\"XY\": [\"solid\"]}}                         | \"XY\" must be exactly one character",
        "{\"tiles\": {\"X\": 3}}                                    | must be a list of tags",
        "{\"tiles\": {\"X\": [\"solid\", \"passable\"]}}            | both \"solid\" and \"passable\"",
        "{\"tiles\": {\"X\": [\"solid\"], \"X\": [\"start\"]}}      | Duplicate field 'X'",
        "{\"tiles\": {\"S\": [\"start\"], \"G\": [\"goal\"]}, \"view\": \"iso\"}  | \"view\" must be",
        "{\"tiles\": {\"S\": [\"start\"], \"G\": [\"goal\"]}, \"jump\": {\"height\": 0, \"length\": 2}} | between 1 and 64",
        "{\"tiles\": {\"S\": [\"start\"], \"G\": [\"goal\"]}, \"colors\": {\"S\": \"red\"}} | must be \"#rrggbb\"",
        "{\"tiles\": {\"S\": [\"start\"], \"G\": [\"goal\"]}, \"colors\": {\"Q\": \"#ff0000\"}} | not one of its tiles",
        "{\"tiles\": {\"S\": [\"start\"], \"G\": [\"goal\"]}, \"colors\": {\"S\": \"#ff0000\", \"G\": \"#ff0000\"}} | share the colour",
    })
    void invalidLegendsAreExplained(String json, String expectedPart) {
        AnimataException e = assertThrows(AnimataException.class, () -> LegendReader.parse(json, "l.json"));
        assertTrue(e.getMessage().startsWith("l.json"), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }
}
