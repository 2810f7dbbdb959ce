package io.animata.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.corpus.DialogueCorpus;
import io.animata.core.npc.corpus.TrainingText;
import io.animata.runtime.AnimataException;
import io.animata.runtime.text.HfTokenizer;
import io.animata.runtime.text.TinyDecoder;
import io.animata.runtime.text.TokenizerJson;
import io.animata.runtime.train.DecoderTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes the shipped NPC dialogue model: writes the dialogue corpus ({@link DialogueCorpus}), builds a tokenizer from
 * it (GPT-2 style byte-level pieces, one token per piece the corpus uses, {@link TokenizerJson#byteLevelWords}),
 * tokenizes the corpus with that {@code tokenizer.json} through DJL's Hugging Face binding (as any model's), trains a
 * {@link TinyDecoder} on the NPC's replies with {@link DecoderTrainer}, and writes the model folder in the Optimum
 * layout, loaded with {@code OnnxLanguageModel.builder().setModelFolder(dir)} like any downloaded model.
 *
 * <p>Threading: one thread; PyTorch runs on the configured intra-op threads.
 */
final class DialogueTraining {
    /** The decoder's width, heads, key/value heads, layers and feed-forward width. */
    static final int HIDDEN = 128;
    static final int HEADS = 4;
    static final int KV_HEADS = 2;
    static final int LAYERS = 5;
    static final int FFN = 512;
    /** The context: the longest conversation of the corpus and the longest prompt of a chat fit. */
    static final int CONTEXT = 512;
    private static final Pattern SPECIALS = Pattern.compile(
            String.join("|", DialogueCorpus.SPECIAL_TOKENS.stream().map(Pattern::quote).toList()));

    /** What a run is asked to do. */
    record Settings(long seed, int steps, int conversations, int heldOut, int batch, float learningRate) {
    }

    /** What a run made. */
    record Outcome(DecoderTrainer.Summary summary, TinyDecoder.Config config, int trainTokens, int maxLength,
            long modelBytes) {
    }

    private DialogueTraining() {
    }

    /** @return the tokenizer's pieces: every piece of the corpus's text outside the special tokens, most used first */
    static List<String> vocabulary(List<TrainingText> corpus) {
        Map<String, Integer> counts = new HashMap<>();
        for (TrainingText t : corpus) {
            for (TrainingText.Span s : t.spans()) {
                for (String part : SPECIALS.split(s.text())) {
                    for (String piece : TokenizerJson.byteLevelPieces(part)) {
                        counts.merge(piece, 1, Integer::sum);
                    }
                }
            }
        }
        List<String> pieces = new ArrayList<>(counts.keySet());
        pieces.sort((a, b) -> counts.get(a).equals(counts.get(b)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return pieces;
    }

    /** @return the corpus's spans as token sequences, the reply spans trained on */
    static List<DecoderTrainer.Sequence> tokenize(List<TrainingText> corpus, HfTokenizer tokenizer) {
        List<DecoderTrainer.Sequence> out = new ArrayList<>(corpus.size());
        for (TrainingText t : corpus) {
            List<int[]> parts = new ArrayList<>();
            int length = 0;
            for (TrainingText.Span s : t.spans()) {
                int[] ids = tokenizer.encode(s.text(), false);
                parts.add(ids);
                length += ids.length;
            }
            int[] ids = new int[length];
            boolean[] trained = new boolean[length];
            int at = 0;
            for (int i = 0; i < parts.size(); i++) {
                int[] p = parts.get(i);
                System.arraycopy(p, 0, ids, at, p.length);
                java.util.Arrays.fill(trained, at, at + p.length, t.spans().get(i).reply());
                at += p.length;
            }
            out.add(new DecoderTrainer.Sequence(ids, trained));
        }
        return out;
    }

    /**
     * Trains and writes the model folder {@code out}: model.onnx, tokenizer.json, config.json,
     * tokenizer_config.json (the chat template) and training.json (how it was made and how it did).
     */
    static Outcome run(Settings s, Path out, DecoderTrainer.Listener listener, java.io.PrintWriter log) {
        List<TrainingText> corpus = DialogueCorpus.generate(s.seed(), s.conversations());
        // held-out conversations come from another seed: new persona draws, facts and lines
        List<TrainingText> heldOutText = DialogueCorpus.generate(s.seed() + 1_000_003L, s.heldOut());
        List<String> pieces = vocabulary(corpus);
        String tokenizerJson = TokenizerJson.byteLevelWords(DialogueCorpus.SPECIAL_TOKENS, pieces);
        int eos = 1 + DialogueCorpus.SPECIAL_TOKENS.indexOf(DialogueCorpus.END_OF_TURN);
        TinyDecoder.Config config = new TinyDecoder.Config(1 + DialogueCorpus.SPECIAL_TOKENS.size() + pieces.size(),
                HIDDEN, HEADS, KV_HEADS, LAYERS, FFN, CONTEXT);
        List<DecoderTrainer.Sequence> train;
        List<DecoderTrainer.Sequence> heldOut;
        try {
            Files.createDirectories(out);
            Path tokenizerFile = out.resolve("tokenizer.json");
            Files.writeString(tokenizerFile, tokenizerJson);
            try (HfTokenizer tokenizer = HfTokenizer.load(tokenizerFile)) {
                train = tokenize(corpus, tokenizer);
                heldOut = tokenize(heldOutText, tokenizer);
            }
        } catch (IOException e) {
            throw new AnimataException("cannot write " + out.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        int tokens = 0;
        int longest = 0;
        for (DecoderTrainer.Sequence q : train) {
            tokens += q.ids().length;
            longest = Math.max(longest, q.ids().length);
        }
        log.printf(java.util.Locale.ROOT, "corpus: %d conversations, %d tokens (longest %d), %d held out; vocabulary "
                + "%d; decoder %s, %d parameters%n", corpus.size(), tokens, longest, heldOut.size(),
                config.vocabSize(), config, config.parameters());
        log.flush();
        DecoderTrainer.Summary summary;
        TinyDecoder decoder;
        try (DecoderTrainer trainer = DecoderTrainer.builder().setConfig(config).optSeed(s.seed()).optSteps(s.steps())
                .optBatchSize(s.batch()).optLearningRate(s.learningRate()).build()) {
            summary = trainer.train(train, heldOut, listener);
            decoder = trainer.toDecoder();
        }
        decoder.writeModelFolder(out, tokenizerJson, DialogueCorpus.TEMPLATE, eos);
        long bytes;
        try {
            bytes = Files.size(out.resolve("model.onnx"));
            ObjectMapper json = new ObjectMapper();
            ObjectNode info = json.createObjectNode();
            info.put("made_by", "animata train dialogue --seed " + s.seed() + " --steps " + s.steps()
                    + " --conversations " + s.conversations());
            info.put("corpus_conversations", corpus.size());
            info.put("corpus_tokens", tokens);
            info.put("held_out_conversations", heldOut.size());
            info.put("parameters", config.parameters());
            info.put("steps", summary.steps());
            info.put("batch", s.batch());
            info.put("learning_rate", s.learningRate());
            info.put("loss_first", summary.firstLoss());
            info.put("loss_final", summary.finalLoss());
            info.put("loss_held_out", summary.heldOutLoss());
            info.put("trained_tokens", summary.trainedTokens());
            info.put("skipped_steps", summary.skippedSteps());
            info.put("seconds", Math.round(summary.seconds()));
            Files.writeString(out.resolve("training.json"), info.toPrettyString());
        } catch (IOException e) {
            throw new AnimataException("cannot write " + out.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new Outcome(summary, config, tokens, longest, bytes);
    }
}
