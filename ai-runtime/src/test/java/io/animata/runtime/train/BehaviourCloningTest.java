package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.train.env.CartPole;
import io.animata.runtime.train.env.PointTarget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourCloningTest {

    private static Demonstrations cartPoleDemos(Path dir, int episodes) {
        Path file = dir.resolve("cartpole.bin");
        try (DemonstrationWriter writer = new DemonstrationWriter(file, 4, ActionSpace.discrete(2))) {
            double mean = writer.recordEpisodes(new CartPole(), CartPole::heuristic, episodes, 100);
            assertTrue(mean > 450, "heuristic mean return " + mean);
        }
        return Demonstrations.read(file);
    }

    @Test
    void clonesTheCartPoleHeuristicOnItsOwn(@TempDir Path dir) {
        Demonstrations demos = cartPoleDemos(dir, 6);
        try (PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(4).setActionSpace(ActionSpace.discrete(2))
                .optSeed(3).build()) {
            CloningResult result = BehaviourCloning.builder().optEpochs(15).optSeed(1).build().train(net, demos);
            assertEquals(demos.size(), result.samples());
            assertTrue(result.accuracy() > 0.95, result.toString());
            assertTrue(result.loss() < 0.2, result.toString());
            assertEquals(demos.size(), net.normalizer().count()); // statistics taken from the demonstrations
            Evaluation eval = net.evaluate(i -> new CartPole(), 4, 8, 77);
            assertTrue(eval.meanReturn() > 400, eval.toString());
        }
    }

    @Test
    void warmStartsPpo(@TempDir Path dir) {
        Demonstrations demos = cartPoleDemos(dir, 6);
        try (PpoTrainer trainer = PpoTrainerTest.cartPole(4)) {
            double before = trainer.evaluate(8, 5).meanReturn();
            BehaviourCloning.builder().optEpochs(15).build().train(trainer.policy(), demos);
            double cloned = trainer.evaluate(8, 5).meanReturn();
            assertTrue(cloned > 400 && before < 100, "before " + before + ", after cloning " + cloned);
            // PPO goes on from the cloned policy and its statistics (a short run: it must not have to start over)
            TrainingSummary summary = trainer.train(4096, TrainingListener.NONE);
            assertTrue(summary.recentMeanReturn() > 150, summary.toString());
        }
    }

    @Test
    void clonesAContinuousHeuristic(@TempDir Path dir) {
        Path file = dir.resolve("point.bin");
        try (DemonstrationWriter writer = new DemonstrationWriter(file, 2, ActionSpace.continuous(1))) {
            writer.recordEpisodes(new PointTarget(), PointTarget::heuristic, 80, 1);
        }
        try (PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(2)
                .setActionSpace(ActionSpace.continuous(1)).optSeed(2).build()) {
            double before = net.evaluate(i -> new PointTarget(), 4, 16, 9).meanReturn();
            CloningResult result = BehaviourCloning.builder().optEpochs(30).build().train(net, Demonstrations.read(file));
            double after = net.evaluate(i -> new PointTarget(), 4, 16, 9).meanReturn();
            assertTrue(Double.isNaN(result.accuracy()));
            assertTrue(result.loss() < 0.05, result.toString());
            assertTrue(after > -4 && after > before + 3, "before " + before + ", after " + after);
        }
    }

    @Test
    void demonstrationsMustFitThePolicy() {
        Demonstrations demos = Demonstrations.of(3, ActionSpace.discrete(2), new float[3], new float[0], new int[1]);
        try (PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(4).setActionSpace(ActionSpace.discrete(2))
                .build()) {
            assertThrows(AnimataException.class, () -> BehaviourCloning.builder().build().train(net, demos));
        }
        assertThrows(AnimataException.class, () -> BehaviourCloning.builder().optEpochs(0).build());
    }
}
