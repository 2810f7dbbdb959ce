package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaeTest {

    @Test
    void twoEnvironmentsTimeMajorAgainstHandComputedValues() {
        // env 0: episode ends with the last step, so its bootstrap value (10) is ignored; gamma 0.9, lambda 0.8
        //   t=2: delta = 1 - 0.3 = 0.7                          adv = 0.7
        //   t=1: delta = 1 + 0.9 * 0.3 - 0.4 = 0.87            adv = 0.87 + 0.72 * 0.7 = 1.374
        //   t=0: delta = 1 + 0.9 * 0.4 - 0.5 = 0.86            adv = 0.86 + 0.72 * 1.374 = 1.84928
        // env 1: no episode end, bootstraps from 4
        //   t=2: delta = 0 + 0.9 * 4 - 3 = 0.6                  adv = 0.6
        //   t=1: delta = 1 + 0.9 * 3 - 2 = 1.7                  adv = 1.7 + 0.72 * 0.6 = 2.132
        //   t=0: delta = 0 + 0.9 * 2 - 1 = 0.8                  adv = 0.8 + 0.72 * 2.132 = 2.33504
        float[] rewards = {1, 0, 1, 1, 1, 0};
        float[] values = {0.5f, 1, 0.4f, 2, 0.3f, 3};
        boolean[] dones = {false, false, false, false, true, false};
        float[] advantages = new float[6];
        float[] returns = new float[6];
        Gae.compute(3, 2, rewards, values, dones, new float[] {10, 4}, 0.9f, 0.8f, advantages, returns);
        assertArrayEquals(new float[] {1.84928f, 2.33504f, 1.374f, 2.132f, 0.7f, 0.6f}, advantages, 1e-5f);
        assertArrayEquals(new float[] {2.34928f, 3.33504f, 1.774f, 4.132f, 1.0f, 3.6f}, returns, 1e-5f);
    }

    @Test
    void anEpisodeEndInTheMiddleCutsTheChain() {
        // t=0 ends an episode: its advantage sees only its own reward; t=1 starts a new one and bootstraps from 2
        // gamma 1, lambda 1: adv[1] = 1 + 2 - 0 = 3, adv[0] = 5 - 1 = 4
        float[] advantages = new float[2];
        float[] returns = new float[2];
        Gae.compute(2, 1, new float[] {5, 1}, new float[] {1, 0}, new boolean[] {true, false}, new float[] {2},
                1f, 1f, advantages, returns);
        assertArrayEquals(new float[] {4, 3}, advantages, 1e-6f);
        assertArrayEquals(new float[] {5, 3}, returns, 1e-6f);
    }

    @Test
    void lambdaZeroIsTheOneStepTemporalDifference() {
        float[] rewards = {1, 2, 3};
        float[] values = {0.1f, 0.2f, 0.3f};
        float[] advantages = new float[3];
        float[] returns = new float[3];
        Gae.compute(3, 1, rewards, values, new boolean[3], new float[] {0.4f}, 0.5f, 0f, advantages, returns);
        assertArrayEquals(new float[] {1 + 0.5f * 0.2f - 0.1f, 2 + 0.5f * 0.3f - 0.2f, 3 + 0.5f * 0.4f - 0.3f},
                advantages, 1e-6f);
    }

    @Test
    void shortArraysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Gae.compute(2, 2, new float[3], new float[4],
                new boolean[4], new float[2], 0.9f, 0.9f, new float[4], new float[4]));
    }
}
