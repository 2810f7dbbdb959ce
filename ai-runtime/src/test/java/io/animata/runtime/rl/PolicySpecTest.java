package io.animata.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySpecTest {

    @Test
    void discreteSpecRoundTrips(@TempDir Path dir) {
        PolicySpec spec = new PolicySpec("nav", 3, ActionSpace.discrete(4, 2), new float[] {0, 1, 2},
                new float[] {1, 1, 0.5f}, null, true);
        Path file = dir.resolve("policy.json");
        spec.write(file);
        PolicySpec back = PolicySpec.read(file);
        assertEquals(spec, back);
        assertEquals(ActionSpace.discrete(4, 2), back.actionSpace());
        assertEquals(6, back.actionSpace().totalDiscreteOptions());
        assertArrayEquals(new float[] {1, 1, 0.5f}, back.getObservationStd());
        assertTrue(back.isHasValue());
    }

    @Test
    void continuousSpecNeedsLogStd() {
        PolicySpec spec = new PolicySpec("reacher", 2, ActionSpace.continuous(2), null, null,
                new float[] {-0.5f, -0.5f}, false);
        assertEquals(spec, PolicySpec.fromJson(spec.toJson()));
        AnimataException e = assertThrows(AnimataException.class,
                () -> new PolicySpec("x", 2, ActionSpace.continuous(2), null, null, null, false));
        assertTrue(e.getMessage().contains("logStd"), e.getMessage());
    }

    @Test
    void malformedSidecarsAreClear(@TempDir Path dir) throws Exception {
        assertTrue(assertThrows(AnimataException.class, () -> PolicySpec.fromJson("{not json"))
                .getMessage().contains("malformed policy sidecar"));
        String wrongWidth = new PolicySpec("p", 2, ActionSpace.discrete(2), null, null, null, false).toJson()
                .replace("\"observationWidth\" : 2", "\"observationWidth\" : 3")
                .replace("\"observationMean\" : null", "\"observationMean\" : [1.0, 2.0]");
        AnimataException e = assertThrows(AnimataException.class, () -> PolicySpec.fromJson(wrongWidth));
        assertTrue(e.getMessage().contains("observationMean has 2 values, expected 3"), e.getMessage());
        String future = new PolicySpec("p", 2, ActionSpace.discrete(2), null, null, null, false).toJson()
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
        assertTrue(assertThrows(AnimataException.class, () -> PolicySpec.fromJson(future)).getMessage()
                .contains("format 99"));
        assertTrue(assertThrows(AnimataException.class, () -> PolicySpec.read(dir.resolve("none.json")))
                .getMessage().contains("not found"));
        Files.writeString(dir.resolve("empty.json"), "");
        assertThrows(AnimataException.class, () -> PolicySpec.read(dir.resolve("empty.json")));
    }

    @Test
    void actionSpacesValidate() {
        assertThrows(IllegalArgumentException.class, () -> ActionSpace.discrete());
        assertThrows(IllegalArgumentException.class, () -> ActionSpace.discrete(3, 0));
        assertThrows(IllegalArgumentException.class, () -> ActionSpace.continuous(-1));
        ActionBuffer a = new ActionBuffer(ActionSpace.of(2, 3));
        a.continuous[1] = 0.5f;
        a.discrete[0] = 2;
        ActionBuffer b = new ActionBuffer(ActionSpace.of(2, 3));
        b.copyFrom(a);
        assertEquals(0.5f, b.continuous[1]);
        assertEquals(2, b.discrete[0]);
        assertThrows(IllegalArgumentException.class, () -> b.copyFrom(new ActionBuffer(ActionSpace.discrete(3))));
    }
}
