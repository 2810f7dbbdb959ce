package io.animata.core.level.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.core.level.testing.Examples;
import io.animata.runtime.AnimataException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelSetMetricsTest {
    @Test
    void theExamplesMeasuredAgainstThemselves() {
        Legend legend = Examples.legend("dungeon");
        List<TileGrid> examples = Examples.levels("dungeon").stream().map(ExampleLevel::grid).toList();
        PlayabilityCheck check = PlayabilityCheck.forLegend(legend);
        List<Playability> verdicts = examples.stream().map(check::check).toList();
        LevelSetMetrics m = LevelSetMetrics.evaluate(examples, verdicts, examples, legend);
        assertEquals(examples.size(), m.count());
        assertEquals(1.0, m.playableShare());
        assertEquals(m.exampleDiversity(), m.diversity(), 1e-12);
        assertEquals(0.0, m.novelty().mean());
        assertEquals(1.0, m.novelty().nearCopyShare(), "every level is an example");
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, m.kl()[i], 1e-9);
            assertTrue(m.exampleKl()[i] > 0, "the examples differ from each other");
        }
        assertEquals(m.features(), m.exampleFeatures());
        for (LevelFeatures f : m.features()) {
            assertTrue(f.linearity() > 0 && f.linearity() <= 1 && f.leniency() > 0 && f.density() > 0);
        }
    }

    @Test
    void mismatchedListsAreErrors() {
        Legend legend = Examples.legend("dungeon");
        assertThrows(AnimataException.class, () -> LevelSetMetrics.evaluate(List.of(TileGrid.of("S.G")), List.of(),
                List.of(TileGrid.of("S.G")), legend));
        assertThrows(AnimataException.class, () -> LevelSetMetrics.evaluate(List.of(), List.of(), List.of(), legend));
    }
}
