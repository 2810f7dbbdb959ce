package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.NcaRunner;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NCA training on a tiny example: the loss falls, runs repeat, and the ONNX export grows what DJL grows. */
class NcaTrainerTest {
    /** Diagonal red and blue stripes, 32 x 32, planar RGB. */
    static float[] stripes() {
        int w = 32;
        float[] ex = new float[3 * w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                float v = ((x + y) / 4) % 2 == 0 ? 0.9f : 0.1f;
                ex[y * w + x] = v;
                ex[w * w + y * w + x] = 0.2f;
                ex[2 * w * w + y * w + x] = 1 - v;
            }
        }
        return ex;
    }

    private static NcaTrainer.Builder small(int iterations) {
        return NcaTrainer.builder().setExample(stripes(), 32, 32).optChannels(6).optHidden(16).optGrid(16)
                .optBatch(2).optPoolSize(8).optSteps(8, 16).optIterations(iterations).optSeed(5);
    }

    @Test
    void trainingLowersTheTextureLoss() {
        List<Float> losses = new ArrayList<>();
        try (NcaTrainer trainer = small(40).build()) {
            NcaTrainer.Summary s = trainer.train((it, total, loss) -> {
                assertEquals(40, total);
                losses.add(loss);
            });
            assertEquals(40, s.iterations());
            assertEquals(losses.get(0), s.firstLoss());
        }
        double last = losses.subList(35, 40).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        assertTrue(last < 0.7 * losses.get(0), "first loss " + losses.get(0) + ", mean of the last five " + last);
    }

    @Test
    void theSameSeedRepeatsTheRunToFloatPrecision() {
        List<Float> a = new ArrayList<>();
        List<Float> b = new ArrayList<>();
        try (NcaTrainer t = small(4).build()) {
            t.train((it, total, loss) -> a.add(loss));
        }
        try (NcaTrainer t = small(4).build()) {
            t.train((it, total, loss) -> b.add(loss));
        }
        // Seeds fix everything the trainer draws, but PyTorch's CPU convolution kernels may sum in another order
        // for a second model in the same JVM (seen: the 4th loss differing in the 6th digit, depending on which
        // tests ran before), so the run repeats to float precision rather than bit for bit. Growing a texture
        // from a trained model (NcaRunner, ONNX) is bit-exact by seed.
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-4f * Math.abs(a.get(i)), "loss " + i + ": " + a + " vs " + b);
        }
    }

    @Test
    void theOnnxExportGrowsWhatDjlGrows() {
        try (NcaTrainer trainer = small(6).build()) {
            trainer.train((it, total, loss) -> { });
            float[] djl = trainer.grow(20, 14, 12, 3);
            byte[] onnx = trainer.model().toOnnx("stripes");
            try (NcaRunner runner = new NcaRunner(OnnxModel.load("nca", onnx,
                    new OnnxSessionConfig(1, DevicePreference.CPU, 0)), trainer.fireRate())) {
                float[] ort = runner.grow(20, 14, 12, 3);
                assertEquals(6, runner.channels());
                assertEquals(djl.length, ort.length);
                assertArrayEquals(djl, ort, 1e-3f);
            }
        }
    }

    @Test
    void examplesMustBeBigEnough() {
        AnimataException e = assertThrows(AnimataException.class,
                () -> NcaTrainer.builder().setExample(new float[3 * 8 * 8], 8, 8));
        assertTrue(e.getMessage().startsWith("NCA example must be at least 16 x 16"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> NcaTrainer.builder().build());
        assertThrows(AnimataException.class, () -> new NcaRunner(OnnxModel.load("tiny",
                io.animata.runtime.onnx.NcaOnnxExporter.export(3, 1, NcaModel.perceptionKernel(3), new float[12],
                        new float[1], new float[3], "").length > 0 ? notAnNca() : null,
                new OnnxSessionConfig(1, DevicePreference.CPU, 0)), 0.5));
    }

    /** A model whose input is not an NCA state: the runner must refuse it. */
    private static byte[] notAnNca() {
        io.animata.runtime.onnx.OnnxGraphBuilder g = new io.animata.runtime.onnx.OnnxGraphBuilder("relu");
        g.node("Relu").inputs(g.addInput("x", 4)).output("y");
        g.addOutput("y", 4);
        return g.toBytes();
    }
}
