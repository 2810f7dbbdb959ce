package io.animata.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MlpTest {

    /** 2 -> 2 relu -> 1 identity, with normalisation; small integers and powers of two, so float math is exact. */
    private static Mlp handMlp() {
        return Mlp.builder(2)
                .optNormalization(new float[] {1, 2}, new float[] {2, 0.5f})
                .addLayer(new float[] {1, -1, 0.5f, 2}, new float[] {0, 1}, Activation.RELU)
                .addLayer(new float[] {1, 1}, new float[] {-1}, Activation.IDENTITY)
                .build();
    }

    @Test
    void forwardMatchesHandComputedExample() {
        // row 0: x=(3,1) -> normalised (1,-2) -> relu(1+2+0, 0.5-4+1) = (3,0) -> 3+0-1 = 2
        // row 1: x=(1,2) -> normalised (0,0)  -> relu(0, 1)           = (0,1) -> 0+1-1 = 0
        float[] output = new float[2];
        handMlp().forward(new float[] {3, 1, 1, 2}, 2, output);
        assertArrayEquals(new float[] {2, 0}, output);
    }

    @Test
    void describesItsShape() {
        Mlp mlp = handMlp();
        assertEquals(2, mlp.inputWidth());
        assertEquals(1, mlp.outputWidth());
        assertEquals(2, mlp.layerCount());
        assertArrayEquals(new int[] {2, 2, 1}, mlp.widths());
        assertEquals(Activation.RELU, mlp.layer(0).activation());
        assertEquals(2, mlp.layers().size());
        assertEquals(0.5f, mlp.layer(0).weight(1, 0));
        assertArrayEquals(new float[] {1, -1, 0.5f, 2}, mlp.layer(0).weights());
        assertArrayEquals(new float[] {0.5f, 2f}, mlp.normalizationInverseStd());
        assertEquals("Mlp[2 normalised -> 2 relu -> 1 identity]", mlp.toString());
    }

    @Test
    void isImmutable() {
        float[] weights = {1, 2};
        float[] bias = {0};
        Mlp mlp = Mlp.builder(2).addLayer(weights, bias, Activation.IDENTITY).build();
        weights[0] = 99;
        mlp.layer(0).weights()[1] = 99;
        mlp.layer(0).bias()[0] = 99;
        assertArrayEquals(new float[] {1, 2}, mlp.layer(0).weights());
        assertArrayEquals(new float[] {0}, mlp.layer(0).bias());
    }

    @Test
    void activationsOfZeroAreKnownValues() {
        float[] zero = {0, 0};
        float[] out = new float[2];
        for (Activation activation : Activation.values()) {
            Mlp mlp = Mlp.builder(2).addLayer(new float[4], new float[2], activation).build();
            mlp.forward(zero, 1, out);
            float expected = switch (activation) {
                case SIGMOID, SOFTMAX -> 0.5f;
                default -> 0f;
            };
            assertArrayEquals(new float[] {expected, expected}, out, activation.name());
        }
    }

    @Test
    void zeroStdIsClampedInsteadOfDividingByZero() {
        Mlp mlp = Mlp.builder(1)
                .optNormalization(new float[] {4}, new float[] {0})
                .addLayer(new float[] {1}, new float[] {0}, Activation.IDENTITY)
                .build();
        float[] out = new float[1];
        mlp.forward(new float[] {4}, 1, out);
        assertEquals(0f, out[0]);
        assertEquals(1f / Mlp.MIN_STD, mlp.normalizationInverseStd()[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void softmaxRowsSumToOne(long seed) {
        Random random = new Random(seed);
        int in = 1 + random.nextInt(8);
        int out = 2 + random.nextInt(8);
        int rows = 1 + random.nextInt(50);
        Mlp mlp = TestMlps.random(seed, Activation.TANH, Activation.SOFTMAX, random.nextBoolean(), in, 16, out);
        float[] input = TestMlps.uniform(random, rows * in, 10f);
        float[] output = new float[rows * out];
        mlp.forward(input, rows, output);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int o = 0; o < out; o++) {
                float p = output[r * out + o];
                assertTrue(p >= 0 && p <= 1, "probability " + p);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-6, "row " + r);
        }
    }

    @Test
    void softmaxOfHugeLogitsStaysFinite() {
        Mlp mlp = Mlp.builder(2).addLayer(new float[] {1, 0, 0, 1}, new float[2], Activation.SOFTMAX).build();
        float[] out = new float[2];
        mlp.forward(new float[] {1000, 990}, 1, out);
        assertTrue(Float.isFinite(out[0]) && Float.isFinite(out[1]));
        assertEquals(1.0, out[0] + out[1], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void scratchIsReusableAcrossBatchSizes(long seed) {
        Random random = new Random(seed);
        Mlp mlp = TestMlps.random(seed, Activation.RELU, Activation.IDENTITY, true, 5, 12, 7, 3);
        Mlp.Scratch scratch = mlp.newScratch(40);
        for (int rows : new int[] {40, 1, 17, 40}) {
            float[] input = TestMlps.uniform(random, rows * 5, 3f);
            float[] expected = new float[rows * 3];
            float[] actual = new float[rows * 3];
            mlp.forward(input, rows, expected);
            mlp.forward(input, rows, actual, scratch);
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void forwardRejectsArgumentsThatDoNotFit() {
        Mlp mlp = handMlp();
        Mlp.Scratch scratch = mlp.newScratch(2);
        float[] in = new float[6];
        assertMessage("input has 4 floats, 3 rows of width 2 need 6",
                () -> mlp.forward(new float[4], 3, new float[3], mlp.newScratch(3)));
        assertMessage("output has 2 floats, 3 rows of width 1 need 3",
                () -> mlp.forward(in, 3, new float[2], mlp.newScratch(3)));
        assertMessage("make one with newScratch(3)", () -> mlp.forward(in, 3, new float[3], scratch));
        assertMessage("at least 1 row", () -> mlp.forward(in, 0, new float[3], scratch));
        assertMessage("different arrays", () -> mlp.forward(in, 1, in, scratch));
    }

    @Test
    void builderRejectsBadShapes() {
        assertMessage("input width must be at least 1, got 0", () -> Mlp.builder(0));
        assertMessage("layer 0: weights has 5 floats, but [out=2][in=3] needs 6",
                () -> Mlp.builder(3).addLayer(new float[5], new float[2], Activation.RELU));
        assertMessage("layer 1: weights has 8 floats, but [out=2][in=3] needs 6",
                () -> Mlp.builder(4).addLayer(new float[12], new float[3], Activation.RELU)
                        .addLayer(new float[8], new float[2], Activation.IDENTITY));
        assertMessage("layer 0: bias must have at least one value",
                () -> Mlp.builder(3).addLayer(new float[0], new float[0], Activation.RELU));
        assertMessage("layer 0: activation is null",
                () -> Mlp.builder(1).addLayer(new float[1], new float[1], null));
        assertMessage("layer 0 weights[1] is NaN, must be finite",
                () -> Mlp.builder(2).addLayer(new float[] {0, Float.NaN}, new float[1], Activation.RELU));
        assertMessage("normalisation mean has 2 values, the input width is 3",
                () -> Mlp.builder(3).optNormalization(new float[2], new float[3]));
        assertMessage("normalisation std[1] is -1.0, must not be negative",
                () -> Mlp.builder(2).optNormalization(new float[2], new float[] {1, -1}));
        assertMessage("needs at least one layer", () -> Mlp.builder(3).build());
        assertMessage("has no input normalisation",
                () -> Mlp.builder(1).addLayer(new float[1], new float[1], Activation.RELU).build()
                        .normalizationMean());
    }

    @Test
    void randomRejectsBadWidths() {
        assertMessage("at least an input and an output width",
                () -> Mlp.random(1, Activation.RELU, Activation.IDENTITY, 4));
        assertMessage("width 2 is 0", () -> Mlp.random(1, Activation.RELU, Activation.IDENTITY, 4, 3, 0));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void randomIsSeededAndWithinItsInitLimit(Activation hidden) {
        Mlp a = Mlp.random(9, hidden, Activation.IDENTITY, 6, 10, 2);
        Mlp b = Mlp.random(9, hidden, Activation.IDENTITY, 6, 10, 2);
        Mlp c = Mlp.random(10, hidden, Activation.IDENTITY, 6, 10, 2);
        assertArrayEquals(a.layer(0).weights(), b.layer(0).weights());
        assertFalse(java.util.Arrays.equals(a.layer(0).weights(), c.layer(0).weights()));
        double limit = hidden == Activation.RELU ? Math.sqrt(6.0 / 6) : Math.sqrt(6.0 / 16);
        for (float w : a.layer(0).weights()) {
            assertTrue(Math.abs(w) <= limit, "weight " + w + " beyond " + limit);
        }
        assertArrayEquals(new float[10], a.layer(0).bias());
        assertArrayEquals(new int[] {6, 10, 2}, a.widths());
    }

    private static void assertMessage(String expectedPart, Runnable call) {
        AnimataException e = assertThrows(AnimataException.class, call::run);
        assertTrue(e.getMessage().contains(expectedPart),
                () -> "expected a message containing \"" + expectedPart + "\" but got \"" + e.getMessage() + "\"");
    }
}
