package io.animata.core.level.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.testing.TestLevels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test legend jumps 3 tiles up and across gaps of 3. */
class PlatformerReachabilityTest {
    private final Legend legend = TestLevels.platformerLegend();
    private final PlatformerReachability check = new PlatformerReachability(legend);

    private boolean playable(String... rows) {
        return check.check(TileGrid.of(rows)).isPlayable();
    }

    @Test
    void walksAlongTheGround() {
        assertTrue(playable(
                "--------",
                "S-----G-",
                "XXXXXXXX"));
    }

    @Test
    void jumpsGapsUpToTheJumpLength() {
        assertTrue(playable(
                "----------",
                "----------",
                "----------",
                "S-------G-",
                "XXXX---XXX"), "a gap of 3");
        assertFalse(playable(
                "-----------",
                "-----------",
                "-----------",
                "S--------G-",
                "XXXX----XXX"), "a gap of 4");
    }

    @Test
    void climbsLedgesUpToTheJumpHeight() {
        assertTrue(playable(
                "------",
                "----G-",
                "---XXX",
                "---XXX",
                "S--XXX",
                "XXXXXX"), "3 up");
        assertFalse(playable(
                "------",
                "----G-",
                "---XXX",
                "---XXX",
                "---XXX",
                "S--XXX",
                "XXXXXX"), "4 up");
    }

    @Test
    void gravityMeansNoWalkingOnAir() {
        // the goal hangs 5 above the ground, out of reach, with nothing to stand on nearby
        assertFalse(playable(
                "---G--",
                "------",
                "------",
                "------",
                "------",
                "S-----",
                "XXXXXX"));
    }

    @Test
    void laddersClimbHigherThanAJump() {
        assertTrue(playable(
                "-----G",
                "----XX",
                "---HXX",
                "---HXX",
                "---HXX",
                "S--HXX",
                "XXXXXX"));
    }

    @Test
    void hazardsAndPitsKill() {
        assertFalse(playable(
                "S^^^^^G",
                "XXXXXXX"), "spikes too wide to jump");
        assertTrue(playable(
                "-------",
                "-------",
                "-------",
                "S-^^^-G",
                "XXXXXXX"), "spikes narrow enough to jump");
        assertFalse(playable(
                "S-----",
                "X---XG",
                "X---XX"), "a pit with no headroom to jump over it: "
                + "falling into it is death");
    }

    @Test
    void theGoalReachedByFallingCounts() {
        assertTrue(playable(
                "S-----",
                "XX----",
                "------",
                "----G-",
                "XXXXXX"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void pathsAreMovesOfOneTileThroughFreeTilesAndImplyTopDownPlayability(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int w = 6 + rng.nextInt(20);
        int h = 4 + rng.nextInt(8);
        TileGrid g = TestLevels.random(rng, w, h, "XX------^H");
        g = g.with(rng.nextInt(w), rng.nextInt(h), 'S').with(rng.nextInt(w), rng.nextInt(h), 'G');
        if (g.count('S') != 1 || g.count('G') != 1) {
            return;
        }
        Playability p = check.check(g);
        if (!p.isPlayable()) {
            return;
        }
        int[] path = p.path();
        assertEquals('S', g.at(path[0]));
        assertEquals('G', g.at(path[path.length - 1]));
        for (int i = 1; i < path.length; i++) {
            int dx = Math.abs(path[i] % w - path[i - 1] % w);
            int dy = Math.abs(path[i] / w - path[i - 1] / w);
            assertTrue(dx <= 1 && dy <= 1 && dx + dy > 0, "step " + i);
            char c = g.at(path[i]);
            assertTrue(legend.isPassable(c) && !legend.isHazard(c), "step " + i + " onto " + c);
        }
        // the side view only removes moves (gravity), so what it reaches, walking from above reaches too
        assertTrue(new TopDownPathCheck(legend).check(g).isPlayable(), g.toText());
    }

    @Test
    void theShippedPlatformerLevelsArePlayable() {
        Legend platformer = Examples.legend("platformer");
        for (ExampleLevel e : Examples.levels("platformer")) {
            Playability p = PlayabilityCheck.forLegend(platformer).check(e.grid());
            assertTrue(p.isPlayable(), e.name() + ": " + p);
        }
    }
}
