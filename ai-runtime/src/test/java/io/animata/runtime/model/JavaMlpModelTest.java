package io.animata.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.animata.runtime.AnimataException;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaMlpModelTest {

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void matchesMlpForwardWhileRowCountsGrow(long seed) {
        Random random = new Random(seed);
        Mlp mlp = TestMlps.random(seed, Activation.TANH, Activation.SOFTMAX, true, 4, 9, 3);
        try (JavaMlpModel model = new JavaMlpModel("policy", mlp, 2)) {
            for (int rows : new int[] {1, 2, 5, 40, 3, 100, 100}) {
                float[] input = TestMlps.uniform(random, rows * 4, 5f);
                float[] expected = new float[rows * 3];
                float[] actual = new float[rows * 3];
                mlp.forward(input, rows, expected);
                model.run(input, rows, new float[][] {actual});
                assertArrayEquals(expected, actual, "rows " + rows);
            }
        }
    }

    @Test
    void steadyStateRunAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Mlp mlp = TestMlps.random(3, Activation.RELU, Activation.SOFTMAX, true, 8, 32, 32, 4);
        float[] input = TestMlps.uniform(new Random(3), 64 * 8, 2f);
        float[][] outputs = {new float[64 * 4]};
        try (JavaMlpModel model = new JavaMlpModel("alloc", mlp, 8)) {
            int calls = 10_000;
            for (int i = 0; i < calls; i++) {
                model.run(input, 1 + i % 64, outputs); // grows the scratch once, warms up the JIT
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) {
                model.run(input, 1 + i % 64, outputs);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // any per-call allocation costs at least 16 bytes a call; what is left is one-off JVM bookkeeping
            assertTrue(allocated < calls, "allocated " + allocated + " bytes in " + calls + " runs");
        }
    }

    @Test
    void describesItself() {
        Mlp mlp = Mlp.random(1, Activation.RELU, Activation.IDENTITY, 5, 8, 2);
        try (JavaMlpModel model = new JavaMlpModel("value", mlp)) {
            assertEquals("value", model.name());
            assertEquals("java", model.device());
            assertEquals(5, model.inputWidth());
            assertEquals(1, model.outputCount());
            assertEquals(2, model.outputWidth(0));
            assertEquals("output", model.outputName(0));
            assertThrows(IndexOutOfBoundsException.class, () -> model.outputWidth(1));
        }
    }

    @Test
    void reportsNonFiniteOutputWithRowAndColumn() {
        Mlp mlp = Mlp.builder(2).addLayer(new float[] {1, 0, 0, 1}, new float[2], Activation.IDENTITY).build();
        try (JavaMlpModel model = new JavaMlpModel("broken", mlp)) {
            float[] input = {0, 0, 0, Float.NaN};
            AnimataException e = assertThrows(AnimataException.class,
                    () -> model.run(input, 2, new float[][] {new float[4]}));
            assertTrue(e.getMessage().contains("model 'broken' produced NaN at row 1, column 0"), e.getMessage());
        }
    }

    @Test
    void wrapsShapeErrorsWithTheModelName() {
        Mlp mlp = Mlp.random(1, Activation.RELU, Activation.IDENTITY, 3, 2);
        try (JavaMlpModel model = new JavaMlpModel("small", mlp)) {
            AnimataException e = assertThrows(AnimataException.class,
                    () -> model.run(new float[2], 1, new float[][] {new float[2]}));
            assertTrue(e.getMessage().startsWith("model 'small': input has 2 floats"), e.getMessage());
        }
    }

    @Test
    void closeIsIdempotentAndRunAfterCloseFails() {
        JavaMlpModel model = new JavaMlpModel("m", Mlp.random(1, Activation.RELU, Activation.IDENTITY, 1, 1));
        model.close();
        model.close();
        AnimataException e = assertThrows(AnimataException.class,
                () -> model.run(new float[1], 1, new float[][] {new float[1]}));
        assertEquals("model 'm' is closed", e.getMessage());
    }
}
