package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxGraphBuilder;
import io.animata.runtime.onnx.OnnxGraphBuilder.ElementType;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ONNX decoder backend on a TinyDecoder in the Optimum layout, with a word-level tokenizer.json. */
class OnnxLanguageModelTest {
    private static final OnnxSessionConfig CPU = new OnnxSessionConfig(1, DevicePreference.CPU, 0);

    private static OnnxLanguageModel load(Path dir) {
        return OnnxLanguageModel.builder().setModelFolder(dir).optSessionConfig(CPU).build();
    }

    private static GenerationRequest chat(SamplingConfig sampling, long seed, int maxTokens) {
        return GenerationRequest.chat(List.of(ChatMessage.system("You are Mira, a blacksmith."),
                ChatMessage.user("Hello there, can you fix my sword?"))).optSampling(sampling).optSeed(seed)
                .optMaxTokens(maxTokens).build();
    }

    @Test
    void readsTheLayoutTemplateAndEndTokensFromTheFolder(@TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, 1, 128))) {
            assertEquals(ChatTemplate.CHATML, model.chatTemplate());
            assertEquals(128, model.contextLength());
            assertEquals(TinyModels.config(128).vocabSize(), model.vocabSize());
            assertArrayEquals(new int[] {TinyModels.EOS}, model.eosTokenIds());
            assertEquals("cpu", model.device());
        }
    }

    /** Decoding with the KV cache, a few tokens then one at a time, gives the logits of the whole sequence at once. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void kvCacheGivesTheLogitsOfDecodingWithoutIt(long seed, @TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, seed, 128))) {
            int vocab = model.vocabSize();
            Random random = new Random(seed);
            int[] tokens = new int[24];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = random.nextInt(vocab);
            }
            float[] full = model.logitsWithoutCache(tokens);
            assertEquals(tokens.length * vocab, full.length);
            try (OnnxLanguageModel.KvDecoder decoder = model.decoder()) {
                float[] prefix = decoder.append(java.util.Arrays.copyOf(tokens, 9));
                assertClose(full, 0, prefix, 9 * vocab);
                for (int i = 9; i < tokens.length; i++) {
                    float[] step = decoder.append(tokens[i]);
                    assertEquals(vocab, step.length);
                    assertClose(full, i * vocab, step, vocab);
                }
                assertEquals(tokens.length, decoder.length());
            }
        }
    }

    @Test
    void groupedQueryAttentionKeepsAFewerHeadedCacheAndTheSameLogits(@TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, TinyModels.gqaConfig(128), 3))) {
            int vocab = model.vocabSize();
            int[] tokens = new int[16];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = (i * 7 + 3) % vocab;
            }
            float[] full = model.logitsWithoutCache(tokens);
            try (OnnxLanguageModel.KvDecoder decoder = model.decoder()) {
                assertClose(full, 0, decoder.append(java.util.Arrays.copyOf(tokens, 5)), 5 * vocab);
                for (int i = 5; i < tokens.length; i++) {
                    assertClose(full, i * vocab, decoder.append(tokens[i]), vocab);
                }
            }
            assertFalse(model.generate(chat(SamplingConfig.GREEDY, 1, 10), TextSink.NONE, null).text().isEmpty());
        }
    }

    private static void assertClose(float[] expected, int offset, float[] actual, int n) {
        float worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(expected[offset + i] - actual[i]));
        }
        assertTrue(worst < 1e-4f, "largest difference " + worst);
    }

    @Test
    void greedyOutputIsDeterministicAcrossRunsAndLoads(@TempDir Path dir) {
        Path folder = TinyModels.write(dir, 4, 128);
        GenerationResult first;
        GenerationResult second;
        GenerationResult reloaded;
        try (OnnxLanguageModel model = load(folder)) {
            first = model.generate(chat(SamplingConfig.GREEDY, 1, 20), TextSink.NONE, null);
            second = model.generate(chat(SamplingConfig.GREEDY, 99, 20), TextSink.NONE, null);
        }
        try (OnnxLanguageModel model = load(folder)) {
            reloaded = model.generate(chat(SamplingConfig.GREEDY, 5, 20), TextSink.NONE, null);
        }
        assertFalse(first.text().isBlank());
        assertEquals(first.text(), second.text(), "greedy ignores the seed");
        assertEquals(first.text(), reloaded.text());
        assertEquals(first.generatedTokens(), reloaded.generatedTokens());
        assertTrue(first.promptTokens() > 10, "the rendered prompt: " + first.promptTokens());
    }

    @Test
    void seededSamplingRepeatsAndAnotherSeedDiffers(@TempDir Path dir) {
        SamplingConfig hot = SamplingConfig.builder().optTemperature(1.5f).optTopK(0).optTopP(1f).build();
        try (OnnxLanguageModel model = load(TinyModels.write(dir, 5, 128))) {
            String a = model.generate(chat(hot, 11, 30), TextSink.NONE, null).text();
            String b = model.generate(chat(hot, 11, 30), TextSink.NONE, null).text();
            String c = model.generate(chat(hot, 12, 30), TextSink.NONE, null).text();
            assertEquals(a, b);
            assertNotEquals(a, c);
        }
    }

    @Test
    void streamedPiecesMakeTheWholeReplyAndMaxTokensEndsIt(@TempDir Path dir) {
        SamplingConfig hot = SamplingConfig.builder().optTemperature(1.5f).optTopK(0).optTopP(1f).build();
        try (OnnxLanguageModel model = load(TinyModels.write(dir, 6, 128))) {
            List<String> pieces = new ArrayList<>();
            GenerationResult r = model.generate(GenerationRequest.prompt("the forge is").optSampling(hot)
                    .optSeed(3).optMaxTokens(7).build(), piece -> pieces.add(piece.toString()), null);
            assertEquals(String.join("", pieces), r.text());
            assertTrue(r.generatedTokens() <= 7);
            if (r.finishReason() == FinishReason.LENGTH) {
                assertEquals(7, r.generatedTokens());
            }
        }
    }

    @Test
    void aStopStringEndsTheReplyAndIsNotShown(@TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, 4, 128))) {
            String free = model.generate(GenerationRequest.prompt("hello there").optSampling(SamplingConfig.GREEDY)
                    .optMaxTokens(12).build(), TextSink.NONE, null).text();
            String[] words = free.strip().split(" ");
            if (words.length >= 3) {
                String stop = " " + words[1];
                GenerationResult cut = model.generate(GenerationRequest.prompt("hello there")
                        .optSampling(SamplingConfig.GREEDY).optMaxTokens(12).optStopStrings(List.of(stop)).build(),
                        TextSink.NONE, null);
                assertEquals(free.substring(0, free.indexOf(stop)), cut.text());
                assertEquals(FinishReason.STOP, cut.finishReason());
            }
        }
    }

    @Test
    void aConversationLongerThanTheContextStillGetsAReply(@TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, 7, 64))) {
            List<ChatMessage> conversation = new ArrayList<>();
            conversation.add(ChatMessage.system("You are Mira, a blacksmith."));
            for (int i = 0; i < 30; i++) {
                conversation.add(ChatMessage.user("can you fix my sword please ?"));
                conversation.add(ChatMessage.assistant("yes , the forge is hot ."));
            }
            conversation.add(ChatMessage.user("what do you want ?"));
            GenerationResult r = model.generate(GenerationRequest.chat(conversation).optMaxTokens(10)
                    .optSampling(SamplingConfig.GREEDY).build(), TextSink.NONE, null);
            assertTrue(r.promptTokens() + 10 <= 64, "prompt " + r.promptTokens());
            assertTrue(r.generatedTokens() > 0);
        }
    }

    @Test
    void cancellingStopsBetweenSteps(@TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, 8, 128))) {
            Cancellation cancel = new Cancellation();
            List<String> pieces = new ArrayList<>();
            GenerationResult r = model.generate(GenerationRequest.prompt("w1 w2 w3").optMaxTokens(60)
                    .optSampling(SamplingConfig.builder().optTemperature(2f).optTopK(0).optTopP(1f).build()).build(),
                    piece -> {
                        pieces.add(piece.toString());
                        if (pieces.size() == 3) {
                            cancel.cancel();
                        }
                    }, cancel);
            assertEquals(FinishReason.CANCELLED, r.finishReason());
            assertEquals(3, pieces.size());
        }
    }

    private static final TinyDecoder.Export FLOAT16 = TinyDecoder.Export.DEFAULT.withFloat16Io();

    /** The largest difference a float16 logit may have from its float32 value: a few half-precision steps. */
    private static float halfTolerance(float value) {
        return 0.01f + Math.abs(value) * 0.005f;
    }

    /** A float16 cache and float16 logits: decoding with the cache gives the logits of decoding without it. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void aFloat16ModelsKvCacheGivesTheLogitsOfDecodingWithoutIt(long seed, @TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, TinyModels.gqaConfig(128), seed, FLOAT16))) {
            int vocab = model.vocabSize();
            Random random = new Random(seed);
            int[] tokens = new int[20];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = random.nextInt(vocab);
            }
            float[] full = model.logitsWithoutCache(tokens);
            try (OnnxLanguageModel.KvDecoder decoder = model.decoder()) {
                float[] prefix = decoder.append(java.util.Arrays.copyOf(tokens, 7));
                for (int i = 0; i < 7 * vocab; i++) {
                    assertEquals(full[i], prefix[i], halfTolerance(full[i]), "prompt logit " + i);
                }
                for (int i = 7; i < tokens.length; i++) {
                    float[] step = decoder.append(tokens[i]);
                    for (int v = 0; v < vocab; v++) {
                        float expected = full[i * vocab + v];
                        assertEquals(expected, step[v], halfTolerance(expected), "token " + i + " logit " + v);
                    }
                }
            }
        }
    }

    /** The same weights exported with a float16 cache and logits give the float32 logits, to half precision. */
    @Test
    void aFloat16ExportGivesTheLogitsOfTheFloat32ExportToHalfPrecision(@TempDir Path dir) {
        Path single = TinyModels.write(dir.resolve("f32"), TinyModels.gqaConfig(128), 15);
        Path half = TinyModels.write(dir.resolve("f16"), TinyModels.gqaConfig(128), 15, FLOAT16);
        int[] tokens = {3, 8, 13, 21, 34, 55, 12, 40, 7, 7, 19};
        try (OnnxLanguageModel a = load(single); OnnxLanguageModel b = load(half)) {
            float[] expected = a.logitsWithoutCache(tokens);
            float[] actual = b.logitsWithoutCache(tokens);
            assertEquals(expected.length, actual.length);
            boolean anyRounded = false;
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], halfTolerance(expected[i]), "logit " + i);
                anyRounded |= expected[i] != actual[i];
            }
            assertTrue(anyRounded, "the float16 model's logits are rounded to half precision");
        }
    }

    /**
     * Greedy replies of the float16 export equal the float32 export's wherever every chosen token led the runner-up
     * by more than twice the largest difference between the two exports' logits on that text (where it did not,
     * either choice could be right).
     */
    @Test
    void aFloat16ExportGivesTheGreedyTextOfTheFloat32ExportWhereTheMarginsAllow(@TempDir Path dir) {
        Path single = TinyModels.write(dir.resolve("f32"), TinyModels.gqaConfig(128), 16);
        Path half = TinyModels.write(dir.resolve("f16"), TinyModels.gqaConfig(128), 16, FLOAT16);
        List<String> prompts = List.of("hello there traveller", "the forge is hot", "can you fix my sword please ?",
                "what do you want", "gold coins and the mine north", "w1 w2 w3 w4");
        int compared = 0;
        try (OnnxLanguageModel a = load(single); OnnxLanguageModel b = load(half)) {
            int vocab = a.vocabSize();
            for (String prompt : prompts) {
                GenerationRequest request = GenerationRequest.prompt(prompt).optSampling(SamplingConfig.GREEDY)
                        .optMaxTokens(12).build();
                GenerationResult expected = a.generate(request, TextSink.NONE, null);
                GenerationResult actual = b.generate(request, TextSink.NONE, null);
                int[] promptTokens = a.tokenizer().encode(prompt, true);
                int[] path = greedyPath(a, promptTokens, expected.generatedTokens() + 1);
                float[] logits32 = a.logitsWithoutCache(path);
                float[] logits16 = b.logitsWithoutCache(path);
                float worst = 0;
                float margin = Float.MAX_VALUE;
                for (int p = promptTokens.length - 1; p < path.length; p++) {
                    margin = Math.min(margin, margin(logits32, p * vocab, vocab));
                    for (int v = 0; v < vocab; v++) {
                        worst = Math.max(worst, Math.abs(logits32[p * vocab + v] - logits16[p * vocab + v]));
                    }
                }
                if (margin > 2 * worst) {
                    assertEquals(expected.text(), actual.text(), "prompt '" + prompt + "'");
                    compared++;
                }
            }
        }
        assertTrue(compared >= 3, "only " + compared + " prompts had clear margins");
    }

    /** @return the prompt followed by {@code steps} greedy choices (the last one's logits are not needed) */
    private static int[] greedyPath(OnnxLanguageModel model, int[] prompt, int steps) {
        int vocab = model.vocabSize();
        int[] path = java.util.Arrays.copyOf(prompt, prompt.length + steps - 1);
        try (OnnxLanguageModel.KvDecoder decoder = model.decoder()) {
            float[] logits = decoder.append(prompt);
            float[] last = java.util.Arrays.copyOfRange(logits, logits.length - vocab, logits.length);
            for (int step = 0; step < steps - 1; step++) {
                int best = 0;
                for (int v = 1; v < vocab; v++) {
                    best = last[v] > last[best] ? v : best;
                }
                path[prompt.length + step] = best;
                last = decoder.append(best);
            }
        }
        return path;
    }

    /** @return how far the largest of {@code logits[from, from + n)} leads the runner-up */
    private static float margin(float[] logits, int from, int n) {
        float best = -Float.MAX_VALUE;
        float second = -Float.MAX_VALUE;
        for (int i = from; i < from + n; i++) {
            if (logits[i] > best) {
                second = best;
                best = logits[i];
            } else {
                second = Math.max(second, logits[i]);
            }
        }
        return best - second;
    }

    @Test
    void aFloat16ModelReusesACachedPromptPrefixAndGivesTheSameText(@TempDir Path dir) {
        try (OnnxLanguageModel model = load(TinyModels.write(dir, TinyModels.gqaConfig(256), 17, FLOAT16))) {
            String start = "you are mira , a blacksmith . the forge is hot . you want gold coins and the mine north . ";
            GenerationRequest first = GenerationRequest.prompt(start + "hello").optSampling(SamplingConfig.GREEDY)
                    .optMaxTokens(10).build();
            GenerationRequest second = GenerationRequest.prompt(start + "what do you want today ?")
                    .optSampling(SamplingConfig.GREEDY).optMaxTokens(10).build();
            String secondCold = model.generate(second, TextSink.NONE, null).text();
            try (OnnxLanguageModel cold = OnnxLanguageModel.builder().setModelFolder(dir).optSessionConfig(CPU)
                    .optPrefixCacheTokens(0).build()) {
                assertEquals(cold.generate(second, TextSink.NONE, null).text(), secondCold);
            }
            long hits = model.prefixCacheHits();
            model.generate(first, TextSink.NONE, null);
            assertEquals(secondCold, model.generate(second, TextSink.NONE, null).text());
            assertTrue(model.prefixCacheHits() >= hits + 2, "the shared start was reused");
            assertTrue(model.prefixTokensReused() >= 20, "tokens reused: " + model.prefixTokensReused());
        }
    }

    /** A decoder-shaped graph whose past inputs have type {@code past} and present outputs type {@code present}. */
    private static Path kvTypedModel(Path dir, ElementType past, ElementType present) throws Exception {
        OnnxGraphBuilder g = new OnnxGraphBuilder("kv-types");
        String ids = g.addInput("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.addInput("attention_mask", ElementType.INT64, "batch_size", "total_sequence_length");
        for (String kind : List.of("key", "value")) {
            String in = g.addInput("past_key_values.0." + kind, past, "batch_size", "1", "past_sequence_length", "4");
            g.node("Cast").inputs(in).attr("to", (long) present.onnxType()).output("present.0." + kind);
            g.addOutput("present.0." + kind, present, "batch_size", "1", "total_sequence_length", "4");
        }
        String floats = g.node("Cast").inputs(ids).attr("to", (long) ElementType.FLOAT.onnxType()).output("ids_f");
        g.node("Unsqueeze").inputs(floats, g.addInitializer("axis2", new long[] {2}, 1)).output("logits");
        g.addOutput("logits", ElementType.FLOAT, "batch_size", "sequence_length", "1");
        Files.createDirectories(dir);
        g.write(dir.resolve("model.onnx"));
        Files.writeString(dir.resolve("tokenizer.json"),
                TokenizerJson.wordLevel(TinyModels.SPECIALS, TinyModels.words()));
        return dir;
    }

    @Test
    void aKvCacheOfAnotherTypeOrOfMixedTypesIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        AnimataException mixed = assertThrows(AnimataException.class,
                () -> load(kvTypedModel(dir.resolve("mixed"), ElementType.FLOAT16, ElementType.FLOAT)));
        assertTrue(mixed.getMessage().contains("mixes KV cache types") && mixed.getMessage().contains("present.0.key"),
                mixed.getMessage());
        AnimataException integers = assertThrows(AnimataException.class,
                () -> load(kvTypedModel(dir.resolve("int"), ElementType.INT64, ElementType.INT64)));
        assertTrue(integers.getMessage().contains("keeps its KV cache as INT64")
                && integers.getMessage().contains("float16"), integers.getMessage());
    }

    /**
     * A merged decoder ({@code decoder_model_merged.onnx}): its If node reads the past only when told to by
     * {@code use_cache_branch}, so a wrong flag would give an error or other logits.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aMergedDecoderGivesTheLogitsAndTextOfTheSameModelWithoutABranch(boolean float16, @TempDir Path dir) {
        TinyDecoder.Export plain = float16 ? FLOAT16 : TinyDecoder.Export.DEFAULT;
        Path single = TinyModels.write(dir.resolve("single"), TinyModels.gqaConfig(128), 19, plain);
        Path merged = TinyModels.write(dir.resolve("merged"), TinyModels.gqaConfig(128), 19, plain.asMerged());
        assertTrue(Files.exists(merged.resolve("decoder_model_merged.onnx")));
        int[] tokens = {3, 8, 13, 21, 34, 55, 12, 40, 9};
        try (OnnxLanguageModel a = load(single); OnnxLanguageModel b = load(merged)) {
            int vocab = a.vocabSize();
            assertArrayEquals(a.logitsWithoutCache(tokens), b.logitsWithoutCache(tokens));
            try (OnnxLanguageModel.KvDecoder x = a.decoder(); OnnxLanguageModel.KvDecoder y = b.decoder()) {
                int[] prompt = java.util.Arrays.copyOf(tokens, 4);
                assertArrayEquals(x.append(prompt), y.append(prompt));
                for (int i = 4; i < tokens.length; i++) {
                    float[] expected = x.append(tokens[i]);
                    assertEquals(vocab, expected.length);
                    assertArrayEquals(expected, y.append(tokens[i]), "token " + i);
                }
            }
            assertEquals(a.generate(chat(SamplingConfig.GREEDY, 1, 20), TextSink.NONE, null).text(),
                    b.generate(chat(SamplingConfig.GREEDY, 1, 20), TextSink.NONE, null).text());
        }
    }

    /** Weights in {@code model.onnx_data} beside the model, as exports over 2 GB have them. */
    @Test
    void aModelWithExternalDataGivesTheLogitsAndTextOfTheSameModelInOneFile(@TempDir Path dir) {
        Path single = TinyModels.write(dir.resolve("single"), TinyModels.gqaConfig(128), 13);
        Path external = TinyModels.write(dir.resolve("external"), TinyModels.gqaConfig(128), 13,
                TinyDecoder.Export.DEFAULT.withExternalData("model.onnx_data"));
        assertTrue(Files.exists(external.resolve("model.onnx_data")));
        int[] tokens = {3, 8, 13, 21, 34, 55, 12, 40};
        try (OnnxLanguageModel a = load(single); OnnxLanguageModel b = load(external)) {
            assertArrayEquals(a.logitsWithoutCache(tokens), b.logitsWithoutCache(tokens));
            assertEquals(a.generate(chat(SamplingConfig.GREEDY, 1, 20), TextSink.NONE, null).text(),
                    b.generate(chat(SamplingConfig.GREEDY, 1, 20), TextSink.NONE, null).text());
        }
    }

    @Test
    void aMissingOrTruncatedExternalDataFileIsNamed(@TempDir Path dir) throws Exception {
        Path folder = TinyModels.write(dir, TinyModels.config(64), 14,
                TinyDecoder.Export.DEFAULT.withExternalData("model.onnx_data"));
        Path data = folder.resolve("model.onnx_data");
        byte[] bytes = Files.readAllBytes(data);
        Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        AnimataException truncated = assertThrows(AnimataException.class, () -> load(folder));
        assertTrue(truncated.getMessage().contains("model.onnx_data") && truncated.getMessage().contains("truncated"),
                truncated.getMessage());
        Files.delete(data);
        AnimataException missing = assertThrows(AnimataException.class, () -> load(folder));
        assertTrue(missing.getMessage().contains("model.onnx_data") && missing.getMessage().contains("missing"),
                missing.getMessage());
    }

    @Test
    void missingFilesAreExplained(@TempDir Path dir) throws Exception {
        AnimataException noModel = assertThrows(AnimataException.class, () -> load(dir));
        assertTrue(noModel.getMessage().contains("no ONNX decoder in"), noModel.getMessage());
        Path folder = TinyModels.write(dir.resolve("m"), 1, 32);
        Files.delete(folder.resolve("tokenizer.json"));
        AnimataException noTokenizer = assertThrows(AnimataException.class, () -> load(folder));
        assertTrue(noTokenizer.getMessage().contains("tokenizer file not found"), noTokenizer.getMessage());
        AnimataException notDecoder = assertThrows(AnimataException.class,
                () -> OnnxLanguageModel.builder().setModelFolder(Path.of(System.getProperty("animata.root"),
                        "ai-runtime/src/test/resources/models/tiny-policy.onnx")).optSessionConfig(CPU).build());
        assertTrue(notDecoder.getMessage().contains("tokenizer file not found")
                || notDecoder.getMessage().contains("not a decoder"), notDecoder.getMessage());
    }
}
