package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.OnnxLanguageModel;
import io.animata.runtime.text.TinyDecoder;
import io.animata.runtime.text.TokenizerJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DJL decoder trainer computes what the exported ONNX model computes, and learns. */
class DecoderTrainerTest {
    private static final int VOCAB = 40;

    private static List<String> words() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < VOCAB - 3; i++) {
            words.add("w" + i);
        }
        return words;
    }

    /** kvHeads 4 is multi-head attention; 2 and 1 are grouped-query attention. */
    @ParameterizedTest
    @ValueSource(ints = {4, 2, 1})
    void djlLogitsEqualTheExportedOnnxModelsLogits(int kvHeads, @TempDir Path dir) {
        TinyDecoder.Config config = new TinyDecoder.Config(VOCAB, 32, 4, kvHeads, 2, 48, 24);
        TinyDecoder random = TinyDecoder.random(config, 5 + kvHeads);
        Random r = new Random(kvHeads);
        for (int l = 0; l < config.layers(); l++) { // non-trivial norms and biases too
            for (int i = 0; i < config.hiddenSize(); i++) {
                random.norm1Scale[l][i] = 1f + (float) r.nextGaussian() * 0.1f;
                random.norm2Bias[l][i] = (float) r.nextGaussian() * 0.1f;
                random.b2[l][i] = (float) r.nextGaussian() * 0.1f;
            }
            for (int i = 0; i < config.ffnSize(); i++) {
                random.b1[l][i] = (float) r.nextGaussian() * 0.1f;
            }
        }
        int[] tokens = new int[17];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = r.nextInt(VOCAB);
        }
        try (DecoderTrainer trainer = DecoderTrainer.builder().setInitial(random).build()) {
            float[] djl = trainer.logits(tokens);
            trainer.toDecoder().writeModelFolder(dir, TokenizerJson.wordLevel(List.of("<|im_start|>", "<|im_end|>"),
                    words()), ChatTemplate.CHATML, 2);
            try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(dir)
                    .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
                float[] onnx = model.logitsWithoutCache(tokens);
                assertEquals(onnx.length, djl.length);
                float worst = 0;
                for (int i = 0; i < onnx.length; i++) {
                    worst = Math.max(worst, Math.abs(onnx[i] - djl[i]));
                }
                assertTrue(worst < 1e-4f, "largest difference " + worst);
            }
        }
    }

    @Test
    void learnsToRepeatAPatternOnlyWhereTrainedAndTheSameSeedGivesTheSameRun() {
        List<DecoderTrainer.Sequence> data = new ArrayList<>();
        Random r = new Random(3);
        for (int n = 0; n < 16; n++) {
            int[] ids = new int[12];
            boolean[] trained = new boolean[12];
            int a = 3 + r.nextInt(VOCAB - 3);
            for (int i = 0; i < ids.length; i++) {
                // the first half is a random prompt; the reply repeats the prompt's first token
                ids[i] = i < 6 ? (i == 0 ? a : 3 + r.nextInt(VOCAB - 3)) : a;
                trained[i] = i >= 6;
            }
            data.add(new DecoderTrainer.Sequence(ids, trained));
        }
        TinyDecoder.Config config = new TinyDecoder.Config(VOCAB, 32, 4, 2, 1, 64, 16);
        float[] finals = new float[2];
        for (int run = 0; run < 2; run++) {
            try (DecoderTrainer trainer = DecoderTrainer.builder().setConfig(config).optSteps(120).optSeed(4)
                    .optBatchSize(8).optLearningRate(1e-2f).build()) {
                DecoderTrainer.Summary s = trainer.train(data, data.subList(0, 4), (step, total, loss) -> { });
                assertTrue(s.finalLoss() < 0.5f * s.firstLoss(), s.toString());
                assertTrue(s.heldOutLoss() < 0.5f * s.firstLoss(), s.toString());
                finals[run] = s.heldOutLoss();
            }
        }
        assertEquals(finals[0], finals[1]);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalStateException.class, () -> DecoderTrainer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> DecoderTrainer.builder().optSteps(0));
        assertThrows(IllegalArgumentException.class, () -> new DecoderTrainer.Sequence(new int[] {1}, new boolean[1]));
    }
}
