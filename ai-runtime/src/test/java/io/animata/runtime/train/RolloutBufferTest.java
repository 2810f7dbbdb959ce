package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.animata.runtime.rl.ActionSpace;
import org.junit.jupiter.api.Test;

class RolloutBufferTest {

    @Test
    void arraysAreSizedForStepsTimesEnvs() {
        RolloutBuffer buffer = new RolloutBuffer(16, 3, 5, ActionSpace.discrete(3, 2));
        assertEquals(48, buffer.size());
        assertEquals(48 * 5, buffer.observations().length);
        assertEquals(48 * 2, buffer.discreteActions().length);
        assertEquals(0, buffer.continuousActions().length);
        assertEquals(48, buffer.logProbs().length);
        RolloutBuffer continuous = new RolloutBuffer(4, 2, 1, ActionSpace.continuous(3));
        assertEquals(24, continuous.continuousActions().length);
        assertEquals(0, continuous.discreteActions().length);
    }

    @Test
    void advantagesComeFromGae() {
        RolloutBuffer buffer = new RolloutBuffer(2, 1, 1, ActionSpace.discrete(2));
        buffer.rewards()[0] = 5;
        buffer.rewards()[1] = 1;
        buffer.values()[0] = 1;
        buffer.dones()[0] = true;
        buffer.computeAdvantages(new float[] {2}, 1f, 1f);
        assertArrayEquals(new float[] {4, 3}, buffer.advantages(), 1e-6f);
        assertArrayEquals(new float[] {5, 3}, buffer.returns(), 1e-6f);
    }

    @Test
    void emptyShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RolloutBuffer(0, 1, 1, ActionSpace.discrete(2)));
    }
}
