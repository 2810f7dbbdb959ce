package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The llama.cpp backend through the real native library, on a tiny llama model written by {@link GgufWriter}. */
class LlamaCppModelTest {
    static final String CHATML_JINJA = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'"
            + " + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    @TempDir
    static Path dir;
    static Path file;
    static LlamaCppModel model;

    @BeforeAll
    static void load() {
        file = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), TinyLlamaGguf.Config.DEFAULT, 42L, null);
        model = LlamaCppModel.builder().setModelFile(file).optContextLength(512).optParallel(2).optThreads(1).build();
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    private static GenerationRequest.Builder raw(String prompt, int maxTokens) {
        return GenerationRequest.prompt(prompt).optMaxTokens(maxTokens);
    }

    private static GenerationResult run(LanguageModel m, GenerationRequest request, List<String> pieces) {
        return m.generate(request, piece -> pieces.add(piece.toString()), null);
    }

    @Test
    void loadsTheModelAndDescribesIt() {
        assertEquals("animata-tiny-llama", model.name());
        assertEquals("cpu", model.device());
        assertEquals(512, model.contextLength());
        assertEquals(2, model.parallel());
        assertEquals("llama", model.gguf().architecture());
        assertFalse(model.usesModelTemplate(), "the tiny model has no chat template of its own");
        assertEquals(ChatTemplate.PLAIN, model.chatTemplate());
        // SentencePiece with byte fallback: "the" is one piece (with the leading space it adds), "\u00e9" two bytes
        int[] the = model.tokenize("the");
        assertEquals(1, the.length, Arrays.toString(the));
        assertEquals(3, model.tokenize("\u00e9").length, "the space piece and two bytes");
    }

    @Test
    void greedyOutputIsDeterministicAndStreamedInPieces() {
        GenerationRequest request = raw("the forge is hot", 24).optSampling(SamplingConfig.GREEDY).build();
        List<String> pieces = new ArrayList<>();
        GenerationResult first = run(model, request, pieces);
        GenerationResult second = run(model, request, new ArrayList<>());
        assertEquals(first.text(), second.text());
        assertEquals(24, first.generatedTokens());
        assertEquals(FinishReason.LENGTH, first.finishReason());
        assertTrue(pieces.size() >= 12, "streamed in pieces: " + pieces);
        assertEquals(first.text(), String.join("", pieces));
        assertTrue(first.promptTokens() > 1);
        assertTrue(first.firstTextNanos() > 0 && first.firstTextNanos() <= first.totalNanos());
        GenerationResult other = run(model, raw("a sword of gold", 24).optSampling(SamplingConfig.GREEDY).build(),
                new ArrayList<>());
        assertNotEquals(first.text(), other.text(), "the prompt matters");
    }

    @Test
    void aSeedRepeatsASampledReplyAndSeedsDiffer() {
        SamplingConfig warm = SamplingConfig.builder().optTemperature(1.2f).optTopK(40).optTopP(0.95f)
                .optRepetitionPenalty(1.1f).build();
        Set<String> texts = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            GenerationRequest request = raw("hello there", 20).optSampling(warm).optSeed(seed).build();
            String a = run(model, request, new ArrayList<>()).text();
            String b = run(model, request, new ArrayList<>()).text();
            assertEquals(a, b, "seed " + seed);
            texts.add(a);
        }
        assertTrue(texts.size() >= 3, "different seeds give different replies: " + texts);
        String greedy = run(model, raw("hello there", 20).optSampling(SamplingConfig.GREEDY).build(),
                new ArrayList<>()).text();
        assertFalse(texts.contains(greedy) && texts.size() == 1, "sampling is not greedy");
    }

    @Test
    void theMaximumNumberOfTokensIsRespected() {
        for (int max : new int[] {1, 5, 33}) {
            GenerationResult r = run(model, raw("the", max).optSampling(SamplingConfig.GREEDY).build(),
                    new ArrayList<>());
            assertEquals(max, r.generatedTokens());
            assertEquals(FinishReason.LENGTH, r.finishReason());
        }
    }

    @Test
    void aStopStringEndsTheReplyBeforeIt() {
        GenerationRequest.Builder base = raw("the forge is hot", 60).optSampling(SamplingConfig.GREEDY);
        String full = run(model, base.build(), new ArrayList<>()).text();
        assertTrue(full.length() > 20, full);
        String stop = full.substring(12, 15);
        String expected = full.substring(0, full.indexOf(stop));
        List<String> pieces = new ArrayList<>();
        GenerationResult r = run(model, base.optStopStrings(List.of(stop, "never appears")).build(), pieces);
        assertEquals(expected, r.text());
        assertEquals(expected, String.join("", pieces));
        assertEquals(FinishReason.STOP, r.finishReason());
        assertTrue(r.generatedTokens() < 60);
    }

    @Test
    void cancellingStopsDecodingAndFreesTheSlotAtOnce() {
        try (LlamaCppModel one = LlamaCppModel.builder().setModelFile(file).optContextLength(2048).optParallel(1)
                .optThreads(1).build()) {
            GenerationResult warm = run(one, raw("the", 200).optSampling(SamplingConfig.GREEDY).build(),
                    new ArrayList<>());
            double tokensPerSecond = warm.tokensPerSecond();
            Cancellation cancel = new Cancellation();
            int[] pieces = {0};
            GenerationResult cancelled = one.generate(raw("the", 2000).optSampling(SamplingConfig.GREEDY).build(),
                    piece -> {
                        if (++pieces[0] == 5) {
                            cancel.cancel();
                        }
                    }, cancel);
            assertEquals(FinishReason.CANCELLED, cancelled.finishReason());
            assertEquals(5, cancelled.generatedTokens());
            // the one slot is free at once: had the 2000 tokens gone on, the next request would wait for them
            long start = System.nanoTime();
            GenerationResult next = run(one, raw("a", 3).optSampling(SamplingConfig.GREEDY).build(),
                    new ArrayList<>());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(3, next.generatedTokens());
            double remaining = 1995 / tokensPerSecond;
            assertTrue(seconds < remaining / 3, "next request took " + seconds + " s; the cancelled one had "
                    + remaining + " s of decoding left");
        }
    }

    @Test
    void modelsOpenedAfterOthersWereClosedRepeatTheirReplies() {
        // with llama.cpp's prompt cache on, such models were seen to continue a reused prompt wrongly; it is off
        List<String> first = null;
        for (int i = 0; i < 8; i++) {
            try (LlamaCppModel m = LlamaCppModel.builder().setModelFile(file).optContextLength(256).optParallel(1)
                    .optThreads(1).build()) {
                List<String> texts = new ArrayList<>();
                for (String line : List.of("Where is the forge?", "Where is the mine?", "Gold!")) {
                    texts.add(run(m, GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."),
                            ChatMessage.user(line))).optMaxTokens(12).optSampling(SamplingConfig.GREEDY).build(),
                            new ArrayList<>()).text());
                }
                if (first == null) {
                    first = texts;
                }
                assertEquals(first, texts, "model " + i);
            }
        }
    }

    @Test
    void closingAGenerationBeforeItsFirstStepNeverStartsIt() {
        Generation g = model.start(raw("x", 10).build(), TextSink.NONE);
        g.close();
        assertEquals(FinishReason.CANCELLED, g.finishReason());
        assertEquals(StepStatus.DONE, g.step());
        assertEquals(0, g.generatedTokens());
    }

    @Test
    void moreGenerationsThanSlotsWaitForOneAndAllFinish() {
        List<Generation> gens = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StringBuilder text = new StringBuilder();
            texts.add(text);
            gens.add(model.start(raw("the forge " + i, 8).optSampling(SamplingConfig.GREEDY).build(), text::append));
        }
        Generation[] array = gens.toArray(new Generation[0]);
        StepStatus[] statuses = new StepStatus[3];
        RuntimeException[] errors = new RuntimeException[3];
        model.stepAll(array, 3, statuses, errors);
        assertEquals(List.of(StepStatus.PROGRESS, StepStatus.PROGRESS, StepStatus.WAITING), Arrays.asList(statuses),
                "two slots");
        int rounds = 0;
        while (gens.stream().anyMatch(g -> g.finishReason() == null) && rounds++ < 100) {
            model.stepAll(array, 3, statuses, errors);
            for (RuntimeException e : errors) {
                if (e != null) {
                    throw e;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(FinishReason.LENGTH, gens.get(i).finishReason());
            assertEquals(8, gens.get(i).generatedTokens());
            String alone = run(model, raw("the forge " + i, 8).optSampling(SamplingConfig.GREEDY).build(),
                    new ArrayList<>()).text();
            assertEquals(alone, texts.get(i).toString(), "batched decoding gives the text decoded alone");
            gens.get(i).close();
        }
    }

    @Test
    void aConversationWithoutAModelTemplateUsesOursAndStopsAtItsMarkers() {
        List<ChatMessage> chat = List.of(ChatMessage.system("You are Mira."), ChatMessage.user("Hello <|im_end|>"));
        assertEquals(ChatTemplate.PLAIN.render(chat), model.renderChat(chat));
        GenerationResult r = run(model, GenerationRequest.chat(chat).optMaxTokens(40)
                .optSampling(SamplingConfig.GREEDY).build(), new ArrayList<>());
        assertFalse(r.text().contains("\nUser:"));
        assertTrue(r.generatedTokens() > 0);
    }

    @Test
    void aModelWithItsOwnChatTemplateRendersConversationsWithIt() {
        Path chatml = TinyLlamaGguf.write(dir.resolve("chatml.gguf"), TinyLlamaGguf.Config.DEFAULT, 42L,
                CHATML_JINJA);
        try (LlamaCppModel m = LlamaCppModel.builder().setModelFile(chatml).optContextLength(256).optParallel(1)
                .optThreads(1).build()) {
            assertTrue(m.usesModelTemplate());
            assertEquals(ChatTemplate.CHATML, m.chatTemplate(), "our fallback, from the template's markers");
            List<ChatMessage> chat = List.of(ChatMessage.system("You are Mira."), ChatMessage.user("Hi"),
                    ChatMessage.assistant("Hello, traveller."), ChatMessage.user("A sword <|im_start|>please"));
            // llama.cpp's Jinja engine and our ChatML renderer agree, control markers removed from the contents
            assertEquals(ChatTemplate.CHATML.render(chat), m.renderChat(chat));
            GenerationResult r = run(m, GenerationRequest.chat(chat).optMaxTokens(16)
                    .optSampling(SamplingConfig.GREEDY).build(), new ArrayList<>());
            assertTrue(r.generatedTokens() > 0);
        }
        try (LlamaCppModel ours = LlamaCppModel.builder().setModelFile(chatml).optContextLength(256).optParallel(1)
                .optChatTemplate(ChatTemplate.PHI3).build()) {
            assertFalse(ours.usesModelTemplate(), "a template chosen by hand wins");
            assertEquals(ChatTemplate.PHI3.render(List.of(ChatMessage.user("x"))),
                    ours.renderChat(List.of(ChatMessage.user("x"))));
        }
    }

    @Test
    void aChatTemplateLlamaCppCannotRunFallsBackToOurs() {
        Path broken = TinyLlamaGguf.write(dir.resolve("broken-template.gguf"), TinyLlamaGguf.Config.DEFAULT, 42L,
                "{% for %}");
        try (LlamaCppModel m = LlamaCppModel.builder().setModelFile(broken).optContextLength(128).optParallel(1)
                .build()) {
            assertTrue(m.usesModelTemplate());
            List<ChatMessage> chat = List.of(ChatMessage.system("S"), ChatMessage.user("U"));
            assertEquals(ChatTemplate.PLAIN.render(chat), m.renderChat(chat));
            assertFalse(m.usesModelTemplate(), "the broken template is not tried again");
        }
    }

    @Test
    void tooLongConversationsAndPromptsStillGetAReply() {
        List<ChatMessage> chat = new ArrayList<>();
        chat.add(ChatMessage.system("You are Mira, a blacksmith."));
        for (int i = 0; i < 80; i++) {
            chat.add(ChatMessage.user("turn " + i + ": tell me about the forge and the north mine"));
            chat.add(ChatMessage.assistant("the forge is hot and the mine is north " + i));
        }
        chat.add(ChatMessage.user("and now?"));
        GenerationResult r = run(model, GenerationRequest.chat(chat).optMaxTokens(20)
                .optSampling(SamplingConfig.GREEDY).build(), new ArrayList<>());
        assertTrue(r.promptTokens() <= model.contextLength() - 20, "prompt " + r.promptTokens());
        assertTrue(r.generatedTokens() > 0);
        String longPrompt = "the forge is hot ".repeat(200);
        GenerationResult p = run(model, raw(longPrompt, 10).optSampling(SamplingConfig.GREEDY).build(),
                new ArrayList<>());
        assertEquals(10, p.generatedTokens());
        assertTrue(p.promptTokens() <= model.contextLength() - 10, "prompt " + p.promptTokens());
    }

    @Test
    void languageModelsOpensGgufFiles() {
        try (LanguageModel m = LanguageModels.open(file.toString(), LanguageModels.options().withContextLength(128))) {
            assertTrue(m instanceof LlamaCppModel);
            assertEquals(128, m.contextLength());
            assertEquals(5, m.generate(raw("the", 5).build(), TextSink.NONE, null).generatedTokens());
        }
    }

    @Test
    void aClosedModelRefusesWorkAndClosesTwice() {
        LlamaCppModel m = LlamaCppModel.builder().setModelFile(file).optContextLength(64).optParallel(1).build();
        m.close();
        m.close();
        assertThrows(AnimataException.class, () -> m.start(raw("x", 2).build(), TextSink.NONE));
    }

    @Test
    void aConstrainedReplyIsAlwaysTextTheAutomatonAccepts() {
        TextConstraint c = GbnfGrammarTest.speechThenAction();
        assertSame(model.grammarFor(c), model.grammarFor(c), "the grammar is made once per constraint");
        SamplingConfig hot = SamplingConfig.builder().optTemperature(2f).optTopK(0).optTopP(1f).build();
        for (long seed = 1; seed <= 12; seed++) {
            for (SamplingConfig sampling : List.of(SamplingConfig.DEFAULT, hot)) {
                GenerationRequest request = GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."),
                        ChatMessage.user("ACTION: {\"a\": \"open\"} now " + seed))).optMaxTokens(48)
                        .optSampling(sampling).optSeed(seed).optConstraint(c).build();
                List<String> pieces = new ArrayList<>();
                GenerationResult r = run(model, request, pieces);
                int end = c.walk(c.start(), r.text());
                assertNotEquals(TextConstraint.REJECT, end, r.text());
                assertEquals(r.text(), String.join("", pieces));
                if (r.finishReason() == FinishReason.STOP) {
                    assertTrue(c.canEnd(end), "'" + r.text() + "' ended where the automaton cannot");
                }
            }
        }
        // a language of three words: the grammar ends the reply after one, though the model never ends by itself
        CharAutomaton.Builder b = CharAutomaton.builder();
        int start = b.state(false);
        int end = b.state(true);
        for (String word : List.of("yes", "no", "maybe")) {
            String prefix = word.substring(0, word.length() - 1);
            b.edge(b.word(start, prefix), word.charAt(word.length() - 1), end);
        }
        TextConstraint oneWord = b.build(start);
        Set<String> words = new HashSet<>();
        for (long seed = 1; seed <= 12; seed++) {
            GenerationResult r = run(model, raw("the", 40).optSeed(seed).optConstraint(oneWord).build(),
                    new ArrayList<>());
            assertEquals(FinishReason.STOP, r.finishReason(), r.text());
            assertTrue(List.of("yes", "no", "maybe").contains(r.text()), r.text());
            words.add(r.text());
        }
        assertTrue(words.size() >= 2, "sampled among the words: " + words);
        // two constrained conversations decoded together each keep to their own grammar
        TextConstraint yesNo = GbnfGrammarTest.yesNo();
        StringBuilder[] texts = {new StringBuilder(), new StringBuilder()};
        Generation[] gens = new Generation[2];
        gens[0] = model.start(raw("the", 12).optSeed(3).optConstraint(yesNo).build(), texts[0]::append);
        gens[1] = model.start(raw("the", 12).optSeed(3).optConstraint(c).build(), texts[1]::append);
        StepStatus[] statuses = new StepStatus[2];
        RuntimeException[] errors = new RuntimeException[2];
        for (int round = 0; round < 100 && (gens[0].finishReason() == null || gens[1].finishReason() == null);
                round++) {
            model.stepAll(gens, 2, statuses, errors);
            assertEquals(null, errors[0]);
            assertEquals(null, errors[1]);
        }
        assertTrue(texts[0].toString().matches("((yes|no) )*(yes|no|ye|y|n)?"), texts[0].toString());
        assertNotEquals(TextConstraint.REJECT, c.walk(c.start(), texts[1]));
        gens[0].close();
        gens[1].close();
    }

    @Test
    void aTokenBiasFavoursItsTokenAndIsChecked() {
        int q = model.tokenize("Q")[model.tokenize("Q").length - 1];
        try (LlamaCppModel biased = LlamaCppModel.builder().setModelFile(file).optContextLength(128).optParallel(1)
                .optThreads(1).optTokenBias(q, 30f).build()) {
            assertEquals("QQQQQQ", run(biased, raw("the", 6).optSampling(SamplingConfig.GREEDY).build(),
                    new ArrayList<>()).text());
            // a constraint still decides which tokens may come at all
            String yesNo = run(biased, raw("the", 6).optSampling(SamplingConfig.GREEDY)
                    .optConstraint(GbnfGrammarTest.yesNo()).build(), new ArrayList<>()).text();
            assertFalse(yesNo.contains("Q"), yesNo);
        }
        AnimataException e = assertThrows(AnimataException.class, () -> LlamaCppModel.builder().setModelFile(file)
                .optTokenBias(300, 1f).build());
        assertTrue(e.getMessage().contains("has 300 tokens"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LlamaCppModel.builder().optTokenBias(1, Float.NaN));
    }

    @Test
    void theSeedIsFoldedToThirtyTwoBitsAvoidingLlamaCppsRandomSeed() {
        assertEquals(7, LlamaCppModel.seed32(7));
        assertNotEquals(-1, LlamaCppModel.seed32(-1L << 32));
        assertNotEquals(-1, LlamaCppModel.seed32(0xFFFFFFFFL));
        assertNotEquals(LlamaCppModel.seed32(1), LlamaCppModel.seed32(1L << 32 | 2));
    }

    // ---- bad input: an AnimataException that says what is wrong, never a crash in native code ----

    private static AnimataException refused(Path bad) {
        AnimataException e = assertThrows(AnimataException.class,
                () -> LanguageModels.open(bad.toString(), LanguageModels.options()));
        AnimataException direct = assertThrows(AnimataException.class,
                () -> LlamaCppModel.builder().setModelFile(bad).build());
        assertEquals(e.getMessage(), direct.getMessage());
        return e;
    }

    @Test
    void aMissingFileIsNamed() {
        AnimataException e = refused(dir.resolve("nowhere.gguf"));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("nowhere.gguf"), e.getMessage());
    }

    @Test
    void aFileWithTheWrongMagicIsNotGguf() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] = 'X';
        AnimataException e = refused(Files.write(dir.resolve("magic.gguf"), bytes));
        assertTrue(e.getMessage().contains("is not a GGUF model"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {bytes.length - 1, bytes.length / 2, 2000}) {
            AnimataException e = refused(Files.write(dir.resolve("cut" + cut + ".gguf"),
                    Arrays.copyOf(bytes, cut)));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void aCorruptHeaderIsReportedAsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(8, 1L << 50); // the tensor count
        AnimataException e = refused(Files.write(dir.resolve("corrupt.gguf"), bytes));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void randomHeaderDamageEitherLoadsOrIsRefusedNeverCrashes() throws IOException {
        byte[] original = TinyLlamaGguf.build(new TinyLlamaGguf.Config(270, 16, 1, 2, 1, 32, 64), 3L, null).toBytes();
        long header = GgufFile.read(Files.write(dir.resolve("undamaged.gguf"), original)).dataOffset();
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            byte[] bytes = original.clone();
            for (int k = 0; k < 2; k++) {
                bytes[random.nextInt(8, (int) header)] = (byte) random.nextInt(256);
            }
            Path damaged = Files.write(dir.resolve("damaged.gguf"), bytes);
            try (LlamaCppModel m = LlamaCppModel.builder().setModelFile(damaged).optContextLength(64).optParallel(1)
                    .build()) {
                m.generate(raw("the", 3).build(), TextSink.NONE, null);
                loaded++;
            } catch (AnimataException e) {
                assertTrue(e.getMessage().contains("damaged.gguf"), e.getMessage());
                refused++;
            }
        }
        assertEquals(40, loaded + refused);
        assertTrue(refused > 0, "some damage is found");
    }

    @Test
    void anArchitectureLlamaCppDoesNotKnowIsRefusedWithItsName() {
        GgufWriter w = TinyLlamaGguf.build(new TinyLlamaGguf.Config(270, 16, 1, 2, 1, 32, 64), 1L, null);
        w.putString("general.architecture", "animata-unknown");
        Path bad = dir.resolve("unknown-arch.gguf");
        w.write(bad);
        AnimataException e = refused(bad);
        assertTrue(e.getMessage().contains("animata-unknown"), e.getMessage());
        assertTrue(e.getMessage().contains("llama.cpp"), e.getMessage());
    }

    @Test
    void aVocabularyLlamaCppWouldAbortOnIsRefusedBeforeNativeCode() {
        TinyLlamaGguf.Config c = new TinyLlamaGguf.Config(270, 16, 1, 2, 1, 32, 64);
        List<String> tokens = new ArrayList<>(TinyLlamaGguf.tokens(c.vocab()));
        tokens.set(3 + 'k', "\u2581nok");
        GgufWriter w = TinyLlamaGguf.build(c, 1L, null).putStringArray("tokenizer.ggml.tokens", tokens);
        Path bad = dir.resolve("no-byte-k.gguf");
        w.write(bad);
        AnimataException e = refused(bad);
        assertTrue(e.getMessage().contains("lacks 1 of the 256 byte tokens"), e.getMessage());
        GgufWriter scores = TinyLlamaGguf.build(c, 1L, null).putFloat32Array("tokenizer.ggml.scores", new float[10]);
        Path short10 = dir.resolve("short-scores.gguf");
        scores.write(short10);
        assertTrue(refused(short10).getMessage().contains("tokenizer.ggml.scores should be 270 FLOAT32 values"));
    }

    @Test
    void anEncoderOnlyModelIsRefusedBeforeNativeCode() {
        GgufWriter w = TinyLlamaGguf.build(new TinyLlamaGguf.Config(270, 16, 1, 2, 1, 32, 64), 1L, null);
        w.putString("general.architecture", "bert");
        Path bad = dir.resolve("bert.gguf");
        w.write(bad);
        AnimataException e = refused(bad);
        assertTrue(e.getMessage().contains("'bert'") && e.getMessage().contains("embeds"), e.getMessage());
    }

    @Test
    void aModelMissingATensorIsRefusedByLlamaCppWithItsReason() {
        TinyLlamaGguf.Config c = new TinyLlamaGguf.Config(270, 16, 2, 2, 1, 32, 64);
        GgufWriter w = TinyLlamaGguf.build(c, 1L, null);
        w.putUInt32("llama.block_count", 3); // the file has two blocks of tensors
        Path bad = dir.resolve("missing-tensor.gguf");
        w.write(bad);
        AnimataException e = refused(bad);
        assertTrue(e.getMessage().contains("llama.cpp could not load") && e.getMessage().contains("missing-tensor.gguf")
                && e.getMessage().contains("tensor is missing"), e.getMessage());
    }
}
