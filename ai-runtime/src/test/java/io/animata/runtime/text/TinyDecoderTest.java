package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ONNX graph TinyDecoder writes computes what a plain-Java transformer with the same weights computes. */
class TinyDecoderTest {

    /** kvHeads 4 is multi-head attention; 2 and 1 are grouped-query attention. */
    @ParameterizedTest
    @ValueSource(ints = {4, 2, 1})
    void onnxLogitsEqualAPlainJavaReference(int kvHeads, @TempDir Path dir) {
        TinyDecoder.Config config = new TinyDecoder.Config(TinyModels.config(64).vocabSize(), 32, 4, kvHeads, 2, 48, 64);
        TinyDecoder decoder = TinyDecoder.random(config, 21 + kvHeads);
        Random random = new Random(kvHeads);
        for (int l = 0; l < config.layers(); l++) { // non-trivial norms and biases too
            for (int i = 0; i < config.hiddenSize(); i++) {
                decoder.norm1Scale[l][i] = 1f + (float) random.nextGaussian() * 0.1f;
                decoder.norm2Bias[l][i] = (float) random.nextGaussian() * 0.1f;
                decoder.b2[l][i] = (float) random.nextGaussian() * 0.1f;
            }
        }
        decoder.writeModelFolder(dir, TokenizerJson.wordLevel(TinyModels.SPECIALS, TinyModels.words()),
                ChatTemplate.CHATML, TinyModels.EOS);
        int[] tokens = new int[11];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(config.vocabSize());
        }
        float[] expected = reference(decoder, tokens);
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(dir)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            float[] actual = model.logitsWithoutCache(tokens);
            assertEquals(expected.length, actual.length);
            float worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst < 1e-3f, "largest difference " + worst);
        }
    }

    @Test
    void aFloat16ExportHasAFloat16CacheAndLogitsAtItsBoundary(@TempDir Path dir) {
        Path file = dir.resolve("model.onnx");
        TinyDecoder.random(TinyModels.gqaConfig(64), 1).writeOnnx(file, TinyDecoder.Export.DEFAULT.withFloat16Io());
        try (OnnxModel model = OnnxModel.load("f16", file, new OnnxSessionConfig(1, DevicePreference.CPU, 0))) {
            Map<String, String> types = new HashMap<>();
            model.inputs().forEach(s -> types.put(s.name(), s.type()));
            model.outputs().forEach(s -> types.put(s.name(), s.type()));
            assertEquals("INT64", types.get("input_ids"));
            assertEquals("INT64", types.get("attention_mask"));
            for (String kv : List.of("past_key_values.0.key", "past_key_values.1.value", "present.0.value",
                    "present.1.key", "logits")) {
                assertEquals("FLOAT16", types.get(kv), kv);
            }
        }
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TinyDecoder.Config(10, 30, 4, 2, 16, 8));
        assertThrows(IllegalArgumentException.class, () -> new TinyDecoder.Config(10, 32, 4, 3, 1, 16, 8));
        assertEquals(8, new TinyDecoder.Config(10, 32, 4, 1, 1, 16, 8).kvDim());
    }

    private static float[] reference(TinyDecoder t, int[] tokens) {
        TinyDecoder.Config c = t.config();
        int n = tokens.length;
        int d = c.hiddenSize();
        int hd = c.headDim();
        int kvd = c.kvDim();
        int group = c.heads() / c.kvHeads();
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = t.tokenEmbedding[tokens[i] * d + j] + t.positionEmbedding[i * d + j];
            }
        }
        for (int l = 0; l < c.layers(); l++) {
            float[][] h = norm(x, t.norm1Scale[l], t.norm1Bias[l]);
            float[][] q = matmul(h, t.wq[l], d);
            float[][] k = matmul(h, t.wk[l], kvd);
            float[][] v = matmul(h, t.wv[l], kvd);
            float[][] context = new float[n][d];
            for (int head = 0; head < c.heads(); head++) {
                int kv = head / group;
                for (int i = 0; i < n; i++) {
                    double[] scores = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int e = 0; e < hd; e++) {
                            dot += q[i][head * hd + e] * k[j][kv * hd + e];
                        }
                        scores[j] = dot / Math.sqrt(hd);
                        max = Math.max(max, scores[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        scores[j] = Math.exp(scores[j] - max);
                        sum += scores[j];
                    }
                    for (int e = 0; e < hd; e++) {
                        double acc = 0;
                        for (int j = 0; j <= i; j++) {
                            acc += scores[j] / sum * v[j][kv * hd + e];
                        }
                        context[i][head * hd + e] = (float) acc;
                    }
                }
            }
            add(x, matmul(context, t.wo[l], d));
            float[][] h2 = norm(x, t.norm2Scale[l], t.norm2Bias[l]);
            float[][] f = matmul(h2, t.w1[l], c.ffnSize());
            for (float[] row : f) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.max(0f, row[j] + t.b1[l][j]);
                }
            }
            float[][] f2 = matmul(f, t.w2[l], d);
            for (float[] row : f2) {
                for (int j = 0; j < d; j++) {
                    row[j] += t.b2[l][j];
                }
            }
            add(x, f2);
        }
        float[][] logits = matmul(norm(x, t.finalScale, t.finalBias), t.lmHead, c.vocabSize());
        float[] flat = new float[n * c.vocabSize()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(logits[i], 0, flat, i * c.vocabSize(), c.vocabSize());
        }
        return flat;
    }

    private static float[][] norm(float[][] x, float[] scale, float[] bias) {
        float[][] out = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double mean = 0;
            for (float v : x[i]) {
                mean += v;
            }
            mean /= x[i].length;
            double var = 0;
            for (float v : x[i]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[i].length;
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = (float) ((x[i][j] - mean) / Math.sqrt(var + 1e-5) * scale[j] + bias[j]);
            }
        }
        return out;
    }

    /** x [n, in] times w [in, out] (row-major). */
    private static float[][] matmul(float[][] x, float[] w, int out) {
        int in = x[0].length;
        float[][] y = new float[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double acc = 0;
                for (int j = 0; j < in; j++) {
                    acc += x[i][j] * w[j * out + o];
                }
                y[i][o] = (float) acc;
            }
        }
        return y;
    }

    private static void add(float[][] x, float[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }
}
