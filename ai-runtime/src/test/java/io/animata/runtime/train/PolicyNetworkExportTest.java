package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported ONNX policy computes what the DJL network computes. */
class PolicyNetworkExportTest {
    private static final int ROWS = 64;

    /** A network with non-trivial outputs and observation statistics of very different scales. */
    private static PolicyNetwork network(int width, ActionSpace space, long seed) {
        PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(width).setActionSpace(space)
                .optHiddenSizes(32, 16).optSeed(seed).optActorOutputGain(2.0).optInitialLogStd(-0.7f).build();
        Random random = new Random(seed);
        float[] data = new float[200 * width];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * Math.pow(10, i % width - 1) + 3 * (i % width));
        }
        net.normalizer().update(data, 0, 200);
        net.freezeNormalization();
        return net;
    }

    private static float[] observations(int width, long seed) {
        Random random = new Random(seed + 100);
        float[] raw = new float[ROWS * width];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) (random.nextGaussian() * 2 * Math.pow(10, i % width - 1) + 3 * (i % width));
        }
        return raw;
    }

    @Test
    void discreteOnnxGivesTheDjlProbabilitiesAndValues(@TempDir Path dir) {
        ActionSpace space = ActionSpace.discrete(3, 2);
        int width = 5;
        try (PolicyNetwork net = network(width, space, 11)) {
            float[] raw = observations(width, 11);
            float[] normalized = new float[raw.length];
            net.normalization().normalize(raw, 0, normalized, 0, ROWS);
            float[] djlProbs;
            float[] djlValues;
            NDManager manager = net.manager();
            try (NDArray x = manager.create(normalized, new Shape(ROWS, width)); NDArray logits = net.actor(x);
                    NDArray b0 = logits.get(":, 0:3").softmax(1); NDArray b1 = logits.get(":, 3:5").softmax(1);
                    NDArray both = b0.concat(b1, 1); NDArray values = net.critic(x)) {
                djlProbs = both.toFloatArray();
                djlValues = values.toFloatArray();
            }
            float maxProb = 0;
            for (float p : djlProbs) {
                maxProb = Math.max(maxProb, p);
            }
            assertTrue(maxProb > 0.6f, "the test network should not be near-uniform, max prob " + maxProb);

            Path onnx = dir.resolve("policy.onnx");
            Path json = dir.resolve("policy.json");
            net.export(onnx, json, "test");
            Map<String, float[]> out;
            try (OnnxModel model = OnnxModel.load("policy", onnx, OnnxSessionConfig.DEFAULT)) {
                assertEquals(List.of(PolicySpec.LOGITS, PolicySpec.VALUE),
                        model.outputs().stream().map(o -> o.name()).toList());
                assertEquals(PolicySpec.INPUT, model.inputs().get(0).name());
                out = model.run(PolicySpec.INPUT, raw, new long[] {ROWS, width});
            }
            float[] onnxLogits = out.get(PolicySpec.LOGITS);
            float[] onnxProbs = new float[onnxLogits.length];
            for (int r = 0; r < ROWS; r++) {
                softmax(onnxLogits, onnxProbs, r * 5, 3);
                softmax(onnxLogits, onnxProbs, r * 5 + 3, 2);
            }
            assertArrayEquals(djlProbs, onnxProbs, 1e-5f);
            assertArrayEquals(djlValues, out.get(PolicySpec.VALUE), 1e-4f);

            // the plain-Java Mlp export agrees too (what JavaMlpModel would run)
            Mlp trunk = net.trunk();
            float[] features = new float[raw.length];
            trunk.forward(raw, ROWS, features);
            float[] javaLogits = new float[ROWS * 5];
            net.actorMlp().forward(features, ROWS, javaLogits);
            assertArrayEquals(onnxLogits, javaLogits, 1e-5f);

            PolicySpec spec = PolicySpec.read(json);
            assertEquals(net.spec("test"), spec);
            assertEquals(space, spec.actionSpace());
            assertArrayEquals(net.normalization().mean(), spec.getObservationMean());
            assertArrayEquals(net.normalization().std(), spec.getObservationStd());
            assertTrue(spec.isHasValue());
        }
    }

    @Test
    void continuousOnnxGivesTheDjlMeansAndTheSidecarTheLogStd(@TempDir Path dir) {
        ActionSpace space = ActionSpace.continuous(2);
        try (PolicyNetwork net = network(3, space, 5)) {
            float[] raw = observations(3, 5);
            float[] normalized = new float[raw.length];
            net.normalization().normalize(raw, 0, normalized, 0, ROWS);
            float[] djlMeans = new float[ROWS * 2];
            float[] djlValues = new float[ROWS];
            net.predict(normalized, ROWS, djlMeans, djlValues);
            net.export(dir.resolve("p.onnx"), dir.resolve("p.json"), "reach");
            try (OnnxModel model = OnnxModel.load("p", dir.resolve("p.onnx"), OnnxSessionConfig.DEFAULT)) {
                Map<String, float[]> out = model.run(PolicySpec.INPUT, raw, new long[] {ROWS, 3});
                assertArrayEquals(djlMeans, out.get(PolicySpec.MEAN), 1e-5f);
                assertArrayEquals(djlValues, out.get(PolicySpec.VALUE), 1e-4f);
            }
            PolicySpec spec = PolicySpec.read(dir.resolve("p.json"));
            assertArrayEquals(new float[] {-0.7f, -0.7f}, spec.getLogStd());
            assertEquals(2, spec.getContinuousSize());
        }
    }

    @Test
    void orthogonalInitialisationIsOrthonormalTimesGain() {
        float[] m = PolicyNetwork.orthogonal(new Random(1), 3, 8, 2.0); // wide: orthonormal rows
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 8; k++) {
                    dot += m[i * 8 + k] * m[j * 8 + k];
                }
                assertEquals(i == j ? 4.0 : 0.0, dot, 1e-5);
            }
        }
        float[] tall = PolicyNetwork.orthogonal(new Random(1), 8, 3, 1.0); // tall: orthonormal columns
        for (int i = 0; i < 3; i++) {
            double norm = 0;
            for (int k = 0; k < 8; k++) {
                norm += tall[k * 3 + i] * tall[k * 3 + i];
            }
            assertEquals(1.0, norm, 1e-5);
        }
    }

    @Test
    void closedNetworksAndMixedSpacesAreRefused() {
        PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(2).setActionSpace(ActionSpace.discrete(2))
                .build();
        net.close();
        net.close();
        assertThrows(AnimataException.class, net::actorMlp);
        assertThrows(AnimataException.class, () -> PolicyNetwork.builder().setObservationWidth(2)
                .setActionSpace(ActionSpace.of(1, 2)).build());
        assertThrows(AnimataException.class, () -> PolicyNetwork.builder().setActionSpace(ActionSpace.discrete(2))
                .build());
    }

    private static void softmax(float[] logits, float[] out, int offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[offset + i] - max);
        }
        for (int i = 0; i < n; i++) {
            out[offset + i] = (float) (Math.exp(logits[offset + i] - max) / sum);
        }
    }
}
