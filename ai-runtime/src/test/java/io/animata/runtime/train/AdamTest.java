package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    /** Records the gradient of {@code g * w} (which is {@code g}) into {@code w}. */
    private static void gradient(NDArray w, float g) {
        try (GradientCollector collector = Engine.getEngine(Torch.ENGINE).newGradientCollector();
                NDArray loss = w.mul(g).sum()) {
            collector.backward(loss);
        }
    }

    @Test
    void twoStepsMatchHandComputedAdamWithGradientScaling() {
        Engine engine = Torch.engine(1);
        try (NDManager manager = engine.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f}, new Shape(1));
            w.setRequiresGradient(true);
            try (Adam adam = new Adam(List.of(w), manager, 0.9f, 0.999f, 1e-8f)) {
                gradient(w, 1f);
                assertEquals(1.0, adam.gradientNorm(), 1e-6);
                adam.step(0.1f, 1f);
                // m = 0.1, v = 0.001, lr' = 0.1 sqrt(0.001) / 0.1: w = 1 - 0.1 * 0.1 / sqrt(0.001) * sqrt(0.001) / 0.1
                assertEquals(0.9000000316227666, w.getFloat(), 1e-6);
                assertEquals(0.0, adam.gradientNorm(), 0.0); // the step zeroes the gradient
                gradient(w, 3f);
                adam.step(0.1f, 0.5f); // the gradient counts as 1.5
                // m = 0.09 + 0.15, v = 0.000999 + 0.00225; w -= lr sqrt(1 - b2^2) / (1 - b1^2) m / sqrt(v)
                assertEquals(0.800919322551683, w.getFloat(), 1e-6);
                assertEquals(2, adam.steps());
            }
        }
    }
}
