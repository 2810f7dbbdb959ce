package io.animata.core.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonaTest {

    @Test
    void everyBuiltInPersonaLoadsWithFallbackLines() {
        for (String id : Persona.BUILT_IN) {
            Persona p = Persona.builtIn(id);
            assertFalse(p.name().isBlank(), id);
            assertFalse(p.fallbackLines().isEmpty(), id);
        }
        assertEquals("Mira", Persona.builtIn("MIRA").name());
    }

    @Test
    void loadsAFileAndFillsMissingFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bob.json");
        Files.writeString(file, "{\"name\": \"Bob\", \"traits\": [\"shy\"]}");
        Persona bob = Persona.load(file);
        assertEquals("Bob", bob.name());
        assertEquals(List.of("shy"), bob.traits());
        assertEquals("", bob.goals());
        assertEquals(List.of(), bob.fallbackLines());
        PersonaComponent c = new PersonaComponent().set(bob);
        assertEquals("Bob", c.name);
        assertEquals(1, c.traits.size);
    }

    @Test
    void mistakesAreExplained(@TempDir Path dir) throws Exception {
        AnimataException unknown = assertThrows(AnimataException.class,
                () -> Persona.parse("{\"name\": \"Bob\", \"age\": 3}", "bob.json"));
        assertTrue(unknown.getMessage().contains("persona bob.json is not valid") && unknown.getMessage()
                .contains("\"age\"") && unknown.getMessage().contains("fields are name, role"), unknown.getMessage());
        AnimataException nameless = assertThrows(AnimataException.class, () -> Persona.parse("{\"role\": \"x\"}", "x"));
        assertTrue(nameless.getMessage().contains("needs a \"name\""), nameless.getMessage());
        AnimataException missing = assertThrows(AnimataException.class, () -> Persona.load(dir.resolve("no.json")));
        assertTrue(missing.getMessage().contains("persona file not found"), missing.getMessage());
        AnimataException builtIn = assertThrows(AnimataException.class, () -> Persona.builtIn("wizard"));
        assertTrue(builtIn.getMessage().contains("built in: mira, tom, guard"), builtIn.getMessage());
    }
}
