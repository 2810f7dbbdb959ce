package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.animata.core.agent.Fakes.ValueSensor;
import org.junit.jupiter.api.Test;

class StackingSensorTest {

    @Test
    void writesTheNewestObservationFirstAndStartsFromZeros() {
        ValueSensor inner = new ValueSensor(2);
        StackingSensor stack = new StackingSensor(inner, 3);
        float[] out = new float[stack.width()];

        inner.value = 10f;
        stack.observe(out, 0);
        assertArrayEquals(new float[] {10, 11, 0, 0, 0, 0}, out);
        inner.value = 20f;
        stack.observe(out, 0);
        inner.value = 30f;
        stack.observe(out, 0);
        assertArrayEquals(new float[] {30, 31, 20, 21, 10, 11}, out);
        inner.value = 40f;
        stack.observe(out, 0);
        assertArrayEquals(new float[] {40, 41, 30, 31, 20, 21}, out);
    }

    @Test
    void resetForgetsTheHistoryAndResetsTheInnerSensor() {
        ValueSensor inner = new ValueSensor(1);
        StackingSensor stack = new StackingSensor(inner, 2);
        float[] out = new float[3];
        inner.value = 5f;
        stack.observe(out, 1);

        stack.reset();
        inner.value = 6f;
        stack.observe(out, 1);

        assertArrayEquals(new float[] {0, 6, 0}, out);
        assertEquals(1, inner.resets);
        assertEquals(2, stack.width());
    }
}
