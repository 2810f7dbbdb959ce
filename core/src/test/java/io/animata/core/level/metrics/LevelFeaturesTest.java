package io.animata.core.level.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlatformerReachability;
import io.animata.core.level.play.TopDownPathCheck;
import io.animata.core.level.testing.TestLevels;
import org.junit.jupiter.api.Test;

class LevelFeaturesTest {
    private final Legend legend = TestLevels.dungeonLegend();

    private LevelFeatures measure(TileGrid g) {
        return LevelFeatures.measure(g, legend, new TopDownPathCheck(legend).check(g));
    }

    @Test
    void aStraightSafeCorridor() {
        LevelFeatures f = measure(TileGrid.of("#####", "S...G", "#####"));
        assertEquals(10.0 / 15, f.density(), 1e-12);
        assertEquals(1.0, f.linearity(), 1e-12);
        assertEquals(1.0, f.leniency(), 1e-12);
    }

    @Test
    void aDetourAndASpike() {
        // the path S(0,0) -> (0,1) -> (1,1) -> (2,1) -> (2,0) G: 4 moves for a Manhattan distance of 2
        LevelFeatures f = measure(TileGrid.of("S#G", "...", "^##"));
        assertEquals(0.5, f.linearity(), 1e-12);
        // (0,1) and (1,1) touch the spike at (0,2); 3 of the 5 path tiles are safe
        assertEquals(3.0 / 5, f.leniency(), 1e-12);
    }

    @Test
    void sideViewLinearityIsFlatnessAndPitsAreRisky() {
        Legend side = TestLevels.platformerLegend();
        TileGrid flat = TileGrid.of(
                "--------",
                "S------G",
                "XXXXXXXX");
        LevelFeatures f = LevelFeatures.measure(flat, side, new PlatformerReachability(side).check(flat));
        assertEquals(1.0, f.linearity(), 1e-12);
        assertEquals(1.0, f.leniency(), 1e-12);
        TileGrid pit = TileGrid.of(
                "--------",
                "--------",
                "--------",
                "S------G",
                "XXX--XXX");
        Playability p = new PlatformerReachability(side).check(pit);
        LevelFeatures withPit = LevelFeatures.measure(pit, side, p);
        assertTrue(withPit.leniency() < 1, "the jump over the pit is risky");
        assertTrue(withPit.linearity() < 1, "the jump leaves the line");
        int risky = 0;
        for (int c : p.path()) {
            risky += c % 8 == 3 || c % 8 == 4 ? 1 : 0;
        }
        assertEquals(1.0 - (double) risky / p.path().length, withPit.leniency(), 1e-12);
    }

    @Test
    void anUnplayableLevelHasNoPathFeatures() {
        TileGrid g = TileGrid.of("S#G");
        LevelFeatures f = LevelFeatures.measure(g, legend, Playability.unplayable("walled"));
        assertEquals(new LevelFeatures(1.0 / 3, 0, 0), f);
    }
}
