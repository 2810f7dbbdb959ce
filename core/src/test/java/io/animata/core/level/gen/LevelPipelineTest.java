package io.animata.core.level.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.core.level.testing.Examples;
import io.animata.core.level.wfc.Edge;
import io.animata.core.level.wfc.OverlappingModel;
import io.animata.core.level.wfc.WfcSettings;
import io.animata.runtime.AnimataException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevelPipelineTest {
    private static final Legend PLATFORMER = Examples.legend("platformer");
    private static final List<TileGrid> PLATFORMS = Examples.levels("platformer").stream().map(ExampleLevel::grid)
            .map(g -> MarkerPlacer.strip(g, PLATFORMER)).toList();

    private static LevelGenerator wfc() {
        OverlappingModel model = OverlappingModel.builder().addExamples(PLATFORMS).setPatternSize(3)
                .optFrequencyExponent(0.5).build();
        return LevelGenerator.wfc(model, WfcSettings.builder().setSize(48, 12)
                .optAnchoredEdges(EnumSet.allOf(Edge.class)).build());
    }

    @Test
    void everyAcceptedLevelIsPlayableWithOneStartAndOneGoal() {
        AtomicInteger progress = new AtomicInteger();
        LevelBatch batch = LevelPipeline.builder().setLegend(PLATFORMER).setGenerator(wfc()).optMinPathMoves(20)
                .optThreads(2).build().generate(24, 5, n -> progress.accumulateAndGet(n, Math::max));
        assertEquals(24, batch.levels().size());
        assertEquals(24, progress.get());
        PlayabilityCheck check = PlayabilityCheck.forLegend(PLATFORMER);
        for (GeneratedLevel l : batch.levels()) {
            assertTrue(l.accepted(), l.rejection().orElse(""));
            TileGrid g = l.grid().orElseThrow();
            assertEquals(1, g.count('S'));
            assertEquals(1, g.count('G'));
            assertTrue(check.check(g).isPlayable());
            assertTrue(l.playability().moves() >= 20);
        }
        assertEquals(batch.levels().stream().mapToLong(GeneratedLevel::attempts).sum(), batch.attempts());
        assertEquals(batch.attempts() - 24, batch.rejectedAttempts());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void theBatchDoesNotDependOnTheThreads(int threads) {
        LevelPipeline.Builder b = LevelPipeline.builder().setLegend(PLATFORMER).setGenerator(wfc());
        List<Optional<TileGrid>> one = b.optThreads(1).build().generate(12, 99, null).levels().stream()
                .map(GeneratedLevel::grid).toList();
        List<Optional<TileGrid>> many = b.optThreads(threads).build().generate(12, 99, null).levels().stream()
                .map(GeneratedLevel::grid).toList();
        assertEquals(one, many);
        assertEquals(one.get(3), b.build().one(3, 99).grid(), "level 3 alone is level 3 of the batch");
    }

    @Test
    void constraintsHoldInEveryAcceptedLevel() {
        Legend legend = Examples.legend("dungeon");
        LevelConstraints c = LevelConstraints.builder().optBorder('#').optFixed(3, 3, '.').optCount('$', 1, 2)
                .optCount('S', 1, 1).optConnectedMarkers().build();
        LevelGenerator bsp = new BspDungeonGenerator(legend, 24, 16, 6,
                new ItemPlacer(legend, java.util.Map.of('$', 0.01)));
        LevelBatch batch = LevelPipeline.builder().setLegend(legend).setGenerator(bsp).optConstraints(c)
                .optMaxAttempts(200).build().generate(10, 3, null);
        for (GeneratedLevel l : batch.levels()) {
            assertTrue(l.accepted(), l.rejection().orElse(""));
            assertEquals(Optional.empty(), c.violation(l.grid().orElseThrow(), legend));
        }
        assertTrue(batch.rejections().getOrDefault(LevelPipeline.REJECT_CONSTRAINTS, 0L) > 0,
                "some attempts missed the fixed floor tile or the treasure count");
    }

    @Test
    void aGeneratorThatNeverSucceedsIsReportedNotLooped() {
        LevelBatch batch = LevelPipeline.builder().setLegend(PLATFORMER).setGenerator(seed -> Optional.empty())
                .optMaxAttempts(4).build().generate(3, 1, null);
        assertEquals(0, batch.acceptedCount());
        assertEquals(12, batch.attempts());
        assertEquals(12L, batch.rejections().get(LevelPipeline.REJECT_GENERATOR));
        GeneratedLevel l = batch.levels().get(0);
        assertFalse(l.accepted());
        assertFalse(l.playability().isPlayable());
        assertEquals(Optional.of("the generator made no level"), l.rejection());
    }

    @Test
    void anUnplayableCandidateIsRejectedAndKept() {
        TileGrid walled = TileGrid.of("S-X-G", "XXXXX");
        LevelBatch batch = LevelPipeline.builder().setLegend(PLATFORMER).setGenerator(seed -> Optional.of(walled))
                .optMaxAttempts(2).build().generate(1, 1, null);
        assertEquals(Optional.of(walled), batch.levels().get(0).grid());
        assertEquals(2L, batch.rejections().get(LevelPipeline.REJECT_UNPLAYABLE));
    }

    @Test
    void errorsOfTheGeneratorReachTheCaller() {
        LevelPipeline p = LevelPipeline.builder().setLegend(PLATFORMER).setGenerator(seed -> {
            throw new AnimataException("bad settings");
        }).build();
        AnimataException e = assertThrows(AnimataException.class, () -> p.generate(4, 1, null));
        assertEquals("bad settings", e.getMessage());
    }
}
