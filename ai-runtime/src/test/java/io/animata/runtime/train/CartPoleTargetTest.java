package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The target: cart-pole mean return >= 475 within 300,000 steps. Slow (about a minute): {@code -Pslow}. */
@Tag("slow")
class CartPoleTargetTest {

    @Test
    void reaches475Within300kSteps() {
        try (PpoTrainer trainer = PpoTrainerTest.cartPole(1)) {
            TrainingSummary summary = trainer.train(300_000, stats -> {
                if (stats.update() % 100 == 0) {
                    System.out.printf("update %d steps %d recent %.1f kl %.4f%n", stats.update(),
                            stats.environmentSteps(), stats.recentMeanReturn(), stats.approxKl());
                }
            });
            Evaluation eval = trainer.evaluate(100, 12345);
            System.out.println(summary + "\n" + eval);
            assertTrue(eval.meanReturn() >= 475, eval.toString());
        }
    }
}
