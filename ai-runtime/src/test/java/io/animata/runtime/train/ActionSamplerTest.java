package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActionSamplerTest {

    @Test
    void discreteSamplesFollowEachBranchsSoftmaxAndReportTheirLogProbability() {
        ActionSpace space = ActionSpace.discrete(2, 3);
        float[] logits = {9, 9, 0, (float) Math.log(2), (float) Math.log(7)}; // probs (1/2, 1/2), (1/10, 2/10, 7/10)
        double[][] p = {{0.5, 0.5}, {0.1, 0.2, 0.7}};
        ActionBuffer action = new ActionBuffer(space);
        Random random = new Random(3);
        int[][] counts = new int[2][3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double logProb = ActionSampler.sample(space, logits, 0, null, random, action);
            counts[0][action.discrete[0]]++;
            counts[1][action.discrete[1]]++;
            assertEquals(Math.log(p[0][action.discrete[0]] * p[1][action.discrete[1]]), logProb, 1e-6);
        }
        assertEquals(0.5, counts[0][0] / (double) n, 0.02);
        assertEquals(0.1, counts[1][0] / (double) n, 0.02);
        assertEquals(0.2, counts[1][1] / (double) n, 0.02);
        assertEquals(0.7, counts[1][2] / (double) n, 0.02);
        ActionSampler.greedy(space, logits, 0, action);
        assertArrayEquals(new int[] {0, 2}, action.discrete); // first on ties
    }

    @Test
    void continuousSamplesAreGaussianAroundTheMean() {
        ActionSpace space = ActionSpace.continuous(1);
        float[] mean = {0.3f};
        float[] logStd = {(float) Math.log(0.5)};
        ActionBuffer action = new ActionBuffer(space);
        Random random = new Random(4);
        double sum = 0;
        double sq = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double logProb = ActionSampler.sample(space, mean, 0, logStd, random, action);
            double z = (action.continuous[0] - 0.3) / 0.5;
            assertEquals(-0.5 * z * z - Math.log(0.5) - 0.5 * Math.log(2 * Math.PI), logProb, 1e-5);
            sum += action.continuous[0];
            sq += action.continuous[0] * action.continuous[0];
        }
        double m = sum / n;
        assertEquals(0.3, m, 0.02);
        assertEquals(0.5, Math.sqrt(sq / n - m * m), 0.02);
        ActionSampler.greedy(space, mean, 0, action);
        assertEquals(0.3f, action.continuous[0]);
    }
}
