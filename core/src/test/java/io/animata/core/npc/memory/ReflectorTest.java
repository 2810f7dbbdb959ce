package io.animata.core.npc.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectorTest {

    private static MemoryStream stream() {
        MemoryStream s = new MemoryStream();
        s.add(MemoryKind.EVENT, "Tom brought bread.", 1, 2);
        s.add(MemoryKind.EVENT, "A thief stole my hammer", 2, 9);
        s.add(MemoryKind.EVENT, "It rained", 3, 1);
        s.add(MemoryKind.EVENT, "Alex saved my apprentice", 4, 8);
        return s;
    }

    @Test
    void sourcesAreTheMostImportantRecentMemoriesInTheOrderTheyHappened() {
        MemoryStream s = stream();
        List<Memory> sources = new Reflector(3, 2, 1).sources(s);
        assertEquals(List.of("A thief stole my hammer", "Alex saved my apprentice"),
                sources.stream().map(Memory::text).toList());
        assertEquals(List.of("It rained", "Alex saved my apprentice"),
                new Reflector(2, 2, 1).sources(s).stream().map(Memory::text).toList());
    }

    @Test
    void repliesAreReadAsUpToThreeInsightsWithTheirSources() {
        MemoryStream s = stream();
        List<Memory> sources = new Reflector(10, 10, 3).sources(s);
        List<Reflector.Insight> insights = Reflector.defaults().parse("""
                1. Alex is brave (because of 4)
                - Thieves are about (because of 2 and 9)

                * Bread is cheap
                Insight 4: this one is too many (because of 1)
                """, sources);
        assertEquals(List.of("Alex is brave", "Thieves are about", "Bread is cheap"),
                insights.stream().map(Reflector.Insight::text).toList());
        assertArrayEquals(new long[] {4}, insights.get(0).sources());
        assertArrayEquals(new long[] {2}, insights.get(1).sources(), "9 is out of range and ignored");
        assertArrayEquals(new long[] {1, 2, 3, 4}, insights.get(2).sources(), "no numbers: every source");
    }

    @Test
    void theExtractiveSummaryNamesTheMostImportant() {
        MemoryStream s = stream();
        Reflector.Insight insight = new Reflector(10, 10, 2).extractive(new Reflector(10, 10, 2).sources(s));
        assertEquals("What matters most lately: A thief stole my hammer; Alex saved my apprentice.", insight.text());
        assertArrayEquals(new long[] {2, 4}, insight.sources());
        assertEquals(9, Reflector.importanceOf(insight.sources(), s));
    }

    @Test
    void thePromptNumbersTheMemoriesAndAsksForOneToThreeInsights() {
        MemoryStream s = stream();
        String prompt = Reflector.defaults().prompt("Mira", Reflector.defaults().sources(s)).get(1).content();
        assertEquals(true, prompt.startsWith("Things Mira remembers:\n1. Tom brought bread.\n2. A thief stole"));
        assertEquals(true, prompt.contains("What 1 to 3 short insights can Mira draw"));
        assertThrows(IllegalArgumentException.class, () -> new Reflector(0, 1, 1));
    }
}
