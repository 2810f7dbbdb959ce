package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextGenerationQueue;
import io.animata.runtime.testing.RecordingTextListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Concurrent generations decoded in one batched call per round give the text each gives alone. */
class OnnxBatchedDecodingTest {
    private static final List<String> PROMPTS = List.of("hello there traveller", "the forge is hot",
            "can you fix my sword please ?", "what do you want", "gold coins and the mine north");

    private static GenerationRequest request(int i, int maxTokens) {
        return GenerationRequest.prompt(PROMPTS.get(i % PROMPTS.size())).optSampling(i % 2 == 0
                ? SamplingConfig.GREEDY : SamplingConfig.builder().optTemperature(1.2f).build())
                .optSeed(100 + i).optMaxTokens(maxTokens).build();
    }

    /** Starts generation i at round {@code joinAt[i]}; cancels generation {@code cancel} at round 6. */
    private static List<String> batched(OnnxLanguageModel model, int[] maxTokens, int[] joinAt, int cancel) {
        int n = maxTokens.length;
        List<StringBuilder> texts = new ArrayList<>();
        Generation[] all = new Generation[n];
        for (int i = 0; i < n; i++) {
            texts.add(new StringBuilder());
        }
        List<Integer> active = new ArrayList<>();
        Generation[] batch = new Generation[n];
        StepStatus[] statuses = new StepStatus[n];
        RuntimeException[] errors = new RuntimeException[n];
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < n; i++) {
                if (joinAt[i] == round) {
                    all[i] = model.start(request(i, maxTokens[i]), texts.get(i)::append);
                    active.add(i);
                }
            }
            if (round == 6 && active.contains(cancel)) {
                all[cancel].close();
                active.remove(Integer.valueOf(cancel));
            }
            if (active.isEmpty() && round > 10) {
                break;
            }
            for (int k = 0; k < active.size(); k++) {
                batch[k] = all[active.get(k)];
            }
            model.stepAll(batch, active.size(), statuses, errors);
            List<Integer> still = new ArrayList<>();
            for (int k = 0; k < active.size(); k++) {
                assertNull(errors[k]);
                if (statuses[k] == StepStatus.DONE) {
                    all[active.get(k)].close();
                } else {
                    still.add(active.get(k));
                }
            }
            active = still;
        }
        List<String> out = new ArrayList<>();
        texts.forEach(t -> out.add(t.toString()));
        return out;
    }

    @Test
    void batchedRoundsGiveEachGenerationsSoloText(@TempDir Path dir) {
        batchedEqualsSolo(TinyModels.write(dir, 9, 256));
    }

    @Test
    void batchedRoundsWithGroupedQueryAttentionGiveEachGenerationsSoloText(@TempDir Path dir) {
        batchedEqualsSolo(TinyModels.write(dir, TinyModels.gqaConfig(256), 9));
    }

    /** A float16 KV cache is packed, re-packed and stepped with ended rows like a float32 one. */
    @Test
    void batchedRoundsOfAFloat16ModelGiveEachGenerationsSoloText(@TempDir Path dir) {
        batchedEqualsSolo(TinyModels.write(dir, TinyModels.gqaConfig(256), 9, FLOAT16));
    }

    private static final TinyDecoder.Export FLOAT16 = TinyDecoder.Export.DEFAULT.withFloat16Io();

    /** A merged decoder is told by use_cache_branch whether each batched call has a past. */
    @Test
    void batchedRoundsOfAMergedDecoderGiveEachGenerationsSoloText(@TempDir Path dir) {
        batchedEqualsSolo(TinyModels.write(dir, TinyModels.gqaConfig(256), 9, TinyDecoder.Export.DEFAULT.asMerged()));
    }

    @Test
    void aMergedDecoderReadsPromptsTogetherFromCachedPrefixesAndGivesTheirSoloText(@TempDir Path dir) {
        prefillsFromCachedPrefixesEqualSolo(TinyModels.write(dir, TinyModels.gqaConfig(256), 12,
                FLOAT16.asMerged()));
    }

    /** Generations decoded as a batch for a few rounds, then stepped one by one, go on as they would have alone. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aGenerationLeavingItsBatchToStepAloneGoesOnAsAlone(boolean float16, @TempDir Path dir) {
        Path folder = TinyModels.write(dir, TinyModels.gqaConfig(256), 18,
                float16 ? FLOAT16 : TinyDecoder.Export.DEFAULT);
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            int n = 3;
            List<String> alone = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                alone.add(model.generate(request(2 * i, 20), TextSink.NONE, null).text());
            }
            Generation[] gens = new Generation[n];
            List<StringBuilder> texts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StringBuilder text = new StringBuilder();
                texts.add(text);
                gens[i] = model.start(request(2 * i, 20), text::append);
            }
            StepStatus[] statuses = new StepStatus[n];
            RuntimeException[] errors = new RuntimeException[n];
            long rounds = model.batchedRounds();
            // the prompts read together, then two decode steps as a batch
            for (int round = 0; round < 3; round++) {
                model.stepAll(gens, n, statuses, errors);
                for (int i = 0; i < n; i++) {
                    assertNull(errors[i]);
                    assertEquals(StepStatus.PROGRESS, statuses[i], "generation " + i + " at round " + round);
                }
            }
            assertEquals(rounds + 2, model.batchedRounds(), "they were decoded as a batch");
            for (int i = 0; i < n; i++) {
                while (gens[i].step() != StepStatus.DONE) {
                    // each now steps alone, from its row of the batch's cache
                }
                gens[i].close();
                assertEquals(alone.get(i), texts.get(i).toString(), "generation " + i);
            }
        }
    }

    private static void batchedEqualsSolo(Path folder) {
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            int[] maxTokens = {30, 8, 25, 40, 17};
            // two join together at the start, two more together while the first ones decode
            int[] joinAt = {0, 0, 3, 3, 12};
            int cancel = 3;
            List<String> together = batched(model, maxTokens, joinAt, cancel);
            long rounds = model.batchedRounds();
            assertEquals(2, model.batchedPrefills(), "prompts that arrive together are read in one call");
            assertTrue(rounds >= 15, "rounds decoded as batches: " + rounds);
            // members join three times (re-packs); those that end stay as rows stepped with a dummy token until
            // fewer than a quarter are live, so that ends alone do not re-pack
            assertTrue(model.repacks() >= 2 && model.repacks() <= 4,
                    "the cache is re-packed when members join, not each time one ends: " + model.repacks() + " of "
                            + rounds);
            for (int i = 0; i < maxTokens.length; i++) {
                String alone = model.generate(request(i, maxTokens[i]), TextSink.NONE, null).text();
                if (i == cancel) {
                    assertTrue(alone.startsWith(together.get(i)), "the cancelled one stopped early: " + together.get(i));
                } else {
                    assertEquals(alone, together.get(i), "generation " + i);
                }
            }
        }
    }

    /** NPC-like prompts: one long shared start (persona and rules), then different lines of different lengths. */
    private static GenerationRequest npcRequest(int i) {
        String start = "you are mira , a blacksmith . the forge is hot . you want gold coins and the mine north . "
                + "you can fix a sword . ";
        String[] lines = {"hello", "can you fix my sword please ?", "what do you want today ?", "hello there traveller",
            "the trader is late and the mine north is w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 ."};
        return GenerationRequest.prompt(start + lines[i % lines.length]).optSampling(SamplingConfig.GREEDY)
                .optMaxTokens(6 + i % 5).build();
    }

    @Test
    void promptsThatArriveTogetherAreReadInOneCallFromTheirCachedPrefixesAndGiveTheirSoloText(@TempDir Path dir) {
        prefillsFromCachedPrefixesEqualSolo(TinyModels.write(dir, TinyModels.gqaConfig(256), 12));
    }

    @Test
    void aFloat16ModelReadsPromptsTogetherFromCachedPrefixesAndGivesTheirSoloText(@TempDir Path dir) {
        prefillsFromCachedPrefixesEqualSolo(TinyModels.write(dir, TinyModels.gqaConfig(256), 12, FLOAT16));
    }

    private static void prefillsFromCachedPrefixesEqualSolo(Path folder) {
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            List<String> alone = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                alone.add(model.generate(npcRequest(i), TextSink.NONE, null).text());
            }
            long hitsBefore = model.prefixCacheHits();
            for (int round = 0; round < 2; round++) {
                int n = 5;
                Generation[] gens = new Generation[n];
                List<StringBuilder> texts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    StringBuilder text = new StringBuilder();
                    texts.add(text);
                    gens[i] = model.start(npcRequest(i), text::append);
                }
                StepStatus[] statuses = new StepStatus[n];
                RuntimeException[] errors = new RuntimeException[n];
                boolean[] done = new boolean[n];
                for (int step = 0; step < 40; step++) {
                    Generation[] live = new Generation[n];
                    int[] at = new int[n];
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        if (!done[i]) {
                            at[k] = i;
                            live[k++] = gens[i];
                        }
                    }
                    if (k == 0) {
                        break;
                    }
                    model.stepAll(live, k, statuses, errors);
                    for (int j = 0; j < k; j++) {
                        assertNull(errors[j]);
                        done[at[j]] = statuses[j] == StepStatus.DONE;
                    }
                }
                for (int i = 0; i < n; i++) {
                    gens[i].close();
                    assertEquals(alone.get(i), texts.get(i).toString(), "round " + round + ", generation " + i);
                }
            }
            assertEquals(2, model.batchedPrefills(), "each round's five prompts were read in one call");
            assertTrue(model.prefixCacheHits() >= hitsBefore + 10, "they started from the cached prefix");
        }
    }

    private static List<String> throughTheQueue(Path folder) {
        List<String> out = new ArrayList<>();
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP)
                .optLockstepTimeout(Duration.ofSeconds(30)).build()) {
            OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder)
                    .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build();
            TextGenerationQueue queue = runtime.textQueue(model);
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            for (int i = 0; i < 4; i++) {
                queue.submit(request(i, 20), listener, i);
            }
            runtime.endFrame(1);
            long tick = 1;
            while (listener.ended.size() + listener.failed.size() < 4 && tick < 500) {
                tick++;
                runtime.beginFrame(tick);
                runtime.endFrame(tick);
            }
            for (int i = 0; i < 4; i++) {
                out.add(listener.text(i));
            }
            out.add(String.join("|", listener.events));
            assertTrue(model.batchedRounds() > 0);
        }
        return out;
    }

    @Test
    void concurrentConversationsThroughTheRuntimeMatchSoloAndRepeatFrameForFrame(@TempDir Path dir) {
        Path folder = TinyModels.write(dir, 10, 256);
        List<String> first = throughTheQueue(folder);
        assertEquals(first, throughTheQueue(folder), "lockstep: the same text in the same frames");
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            for (int i = 0; i < 4; i++) {
                assertEquals(model.generate(request(i, 20), TextSink.NONE, null).text(), first.get(i), "conversation " + i);
            }
        }
    }

    /** Prompts of 3 to 40 words (the vocabulary's words in turn). */
    private static GenerationRequest longRequest(int i) {
        List<String> words = TinyModels.words();
        StringBuilder prompt = new StringBuilder();
        for (int w = 0; w < 3 + 9 * i; w++) {
            prompt.append(words.get((w * 7 + i) % words.size())).append(' ');
        }
        return GenerationRequest.prompt(prompt.toString().strip()).optSampling(SamplingConfig.GREEDY)
                .optMaxTokens(12).build();
    }

    @Test
    void longPromptsAreReadAChunkPerRoundWhileOthersDecodeAndGiveTheTextOfAWholeRead(@TempDir Path dir) {
        Path folder = TinyModels.write(dir, TinyModels.gqaConfig(256), 21);
        List<String> whole = new ArrayList<>();
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder).optPrefixCacheTokens(0)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            for (int i = 0; i < 5; i++) {
                whole.add(model.generate(longRequest(i), TextSink.NONE, null).text());
            }
        }
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder).optPromptChunk(8)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            int n = 5;
            Generation[] gens = new Generation[n];
            List<StringBuilder> texts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                texts.add(new StringBuilder());
                gens[i] = model.start(longRequest(i), texts.get(i)::append);
            }
            StepStatus[] statuses = new StepStatus[n];
            RuntimeException[] errors = new RuntimeException[n];
            int[] firstTextRound = new int[n];
            java.util.Arrays.fill(firstTextRound, -1);
            List<Integer> active = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            for (int round = 0; round < 100 && !active.isEmpty(); round++) {
                Generation[] batch = new Generation[active.size()];
                for (int k = 0; k < batch.length; k++) {
                    batch[k] = gens[active.get(k)];
                }
                model.stepAll(batch, batch.length, statuses, errors);
                List<Integer> still = new ArrayList<>();
                for (int k = 0; k < batch.length; k++) {
                    int i = active.get(k);
                    assertNull(errors[k]);
                    if (firstTextRound[i] < 0 && gens[i].generatedTokens() > 0) {
                        firstTextRound[i] = round;
                    }
                    if (statuses[k] != StepStatus.DONE) {
                        still.add(i);
                    }
                }
                active = still;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(whole.get(i), texts.get(i).toString(), "generation " + i);
                int chunks = (gens[i].promptTokens() + 7) / 8;
                assertEquals(chunks - 1, firstTextRound[i], "a prompt of " + gens[i].promptTokens() + " tokens is"
                        + " read in " + chunks + " rounds of at most 8 tokens before its first token");
                gens[i].close();
            }
            assertTrue(model.batchedRounds() > 0, "the short ones decode together while the long ones read");
        }
    }
}
