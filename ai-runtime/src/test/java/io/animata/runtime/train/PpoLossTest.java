package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PpoLossTest {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = Torch.engine(1).newBaseManager();
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    private static NDArray row(float... values) {
        return manager.create(values, new Shape(values.length));
    }

    @Test
    void policyLossClipsTheRatioOnTheSideThatWouldHelp() {
        // ratios 1.5, 0.5, 1.1, 0.5 with advantages 1, 1, -2, -1 and clip 0.2:
        //   min(1.5, 1.2) = 1.2   min(0.5, 0.8) = 0.5   min(-2.2, -2.2) = -2.2   min(-0.5, -0.8) = -0.8
        // loss = -mean = -(1.2 + 0.5 - 2.2 - 0.8) / 4 = 0.325
        NDArray logProbs = row((float) Math.log(1.5), (float) Math.log(0.5), (float) Math.log(1.1),
                (float) Math.log(0.5));
        NDArray old = row(0, 0, 0, 0);
        NDArray loss = PpoLoss.policyLoss(logProbs, old, row(1, 1, -2, -1), 0.2f);
        assertEquals(0.325f, loss.getFloat(), 1e-6f);
        // shifting both log-probabilities leaves the ratio alone
        NDArray shifted = PpoLoss.policyLoss(logProbs.add(3f), old.add(3f), row(1, 1, -2, -1), 0.2f);
        assertEquals(0.325f, shifted.getFloat(), 1e-5f);
    }

    @Test
    void valueLossPlainAndClipped() {
        // plain: 0.5 * mean((1 - 0)^2, (2 - 4)^2) = 0.5 * 2.5
        assertEquals(1.25f, PpoLoss.valueLoss(row(1, 2), row(0.8f, 1), row(0, 4), 0).getFloat(), 1e-6f);
        // clip 0.5 around old values 0.8, 1: clipped values 1.0, 1.5; errors max(1, 1) and max(4, 6.25)
        assertEquals(0.5f * (1 + 6.25f) / 2, PpoLoss.valueLoss(row(1, 2), row(0.8f, 1), row(0, 4), 0.5f).getFloat(),
                1e-6f);
    }

    @Test
    void categoricalLogProbAndEntropyPerBranch() {
        // one branch: probabilities 1/4, 3/4, action 1
        NDArray logits = manager.create(new float[] {0, (float) Math.log(3)}, new Shape(1, 2));
        NDArray[] one = PpoLoss.categorical(logits, new int[] {2}, manager.create(new float[] {0, 1}, new Shape(1, 2)));
        assertEquals((float) Math.log(0.75), one[0].getFloat(), 1e-6f);
        assertEquals(0.5623351446188083f, one[1].getFloat(), 1e-6f);
        // two branches [2, 3]: actions 0 (p = 1/4) and 2 (p = 1/3); entropies add up
        NDArray two = manager.create(new float[] {0, (float) Math.log(3), 1, 1, 1, 5, 5, 2, 2, 2}, new Shape(2, 5));
        NDArray oneHot = manager.create(new float[] {1, 0, 0, 0, 1, 0, 1, 1, 0, 0}, new Shape(2, 5));
        NDArray[] both = PpoLoss.categorical(two, new int[] {2, 3}, oneHot);
        assertArrayEquals(new float[] {(float) (Math.log(0.25) + Math.log(1.0 / 3)),
            (float) (Math.log(0.5) + Math.log(1.0 / 3))}, both[0].toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {(float) (0.5623351446188083 + Math.log(3)), (float) (Math.log(2) + Math.log(3))},
                both[1].toFloatArray(), 1e-6f);
    }

    @Test
    void gaussianLogProbAndEntropy() {
        // means (0, 1), sigmas (1, 2), action (1, 1): z = (1, 0)
        NDArray mean = manager.create(new float[] {0, 1}, new Shape(1, 2));
        NDArray logStd = row(0, (float) Math.log(2));
        NDArray action = manager.create(new float[] {1, 1}, new Shape(1, 2));
        double expected = (-0.5 - HALF_LOG_TWO_PI) + (-Math.log(2) - HALF_LOG_TWO_PI);
        assertEquals((float) expected, PpoLoss.gaussianLogProb(mean, logStd, action).getFloat(), 1e-6f);
        double entropy = 2 * (0.5 + HALF_LOG_TWO_PI) + Math.log(2);
        assertEquals((float) entropy, PpoLoss.gaussianEntropy(logStd).getFloat(), 1e-6f);
    }
}
