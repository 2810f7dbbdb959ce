package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.train.env.CartPole;
import io.animata.runtime.train.env.PointTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpoTrainerTest {

    /** The reproducible part of an update's statistics (wall-clock speed left out). */
    private static List<Double> curve(long seed, int threads) {
        List<Double> curve = new ArrayList<>();
        try (PpoTrainer trainer = PpoTrainer.builder().setEnvironment(i -> new CartPole()).optEnvironments(4)
                .optEnvironmentThreads(threads).optRolloutSteps(32).optEpochs(2).optMinibatchSize(64)
                .optSeed(seed).build()) {
            trainer.train(3 * 128, stats -> {
                curve.add((double) stats.environmentSteps());
                curve.add((double) stats.episodes());
                curve.add(stats.meanReturn());
                curve.add(stats.policyLoss());
                curve.add(stats.valueLoss());
                curve.add(stats.entropy());
                curve.add(stats.approxKl());
            });
            curve.add(trainer.evaluate(4, 9).meanReturn());
        }
        return curve;
    }

    @Test
    void theSameSeedGivesTheSameCurve() {
        List<Double> first = curve(5, 2);
        assertEquals(3 * 7 + 1, first.size());
        assertEquals(first, curve(5, 2));
        assertEquals(first, curve(5, 1)); // environment threads do not change the numbers
        assertNotEquals(first, curve(6, 2));
    }

    @Test
    void aShortRunOnCartPoleImprovesTheReturn() {
        try (PpoTrainer trainer = cartPole(1)) {
            double before = trainer.evaluate(20, 3).meanReturn();
            List<UpdateStats> stats = new ArrayList<>();
            TrainingSummary summary = trainer.train(20_000, stats::add);
            double after = trainer.evaluate(20, 3).meanReturn();
            System.out.printf("cartpole: before %.1f, after %.1f, %s%n", before, after, summary);
            assertTrue(after > before + 50 && after > 100, "before " + before + ", after " + after);
            assertTrue(stats.get(stats.size() - 1).recentMeanReturn() > stats.get(0).meanReturn());
        }
    }

    /** The preset the train command uses for cart-pole. */
    static PpoTrainer cartPole(long seed) {
        return PpoTrainer.builder().setEnvironment(i -> new CartPole()).optEnvironments(8).optRolloutSteps(32)
                .optMinibatchSize(256).optEpochs(20).optGamma(0.98f).optLambda(0.8f).optLearningRate(1e-3f)
                .optSeed(seed).build();
    }

    @Test
    void continuousActionsLearnToReachTheTarget() {
        try (PpoTrainer trainer = PpoTrainer.builder().setEnvironment(i -> new PointTarget()).optEnvironments(8)
                .optRolloutSteps(64).optMinibatchSize(128).optEpochs(10).optLearningRate(1e-3f).optSeed(2)
                .optGamma(0.9f).build()) {
            double before = trainer.evaluate(16, 4).meanReturn();
            TrainingSummary summary = trainer.train(20_000, TrainingListener.NONE);
            double after = trainer.evaluate(16, 4).meanReturn();
            System.out.printf("point target: before %.2f, after %.2f, %s%n", before, after, summary);
            assertTrue(after > -5 && after > before + 3, "before " + before + ", after " + after);
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(AnimataException.class, () -> PpoTrainer.builder().build());
        assertThrows(AnimataException.class, () -> PpoTrainer.builder().setEnvironment(i -> new CartPole())
                .optGamma(1.5f).build());
        PpoTrainer trainer = PpoTrainer.builder().setEnvironment(i -> new CartPole()).optEnvironments(2).build();
        trainer.close();
        trainer.close();
        assertThrows(AnimataException.class, () -> trainer.train(10, TrainingListener.NONE));
    }
}
