package io.animata.runtime.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny llama-architecture GGUF model with seeded random weights (float32), for tests, benchmarks and trying the
 * llama.cpp backend without downloading a model. Its output is gibberish by construction; what it shows is the
 * plumbing: loading, streaming, sampling, stop strings, cancellation, batching.
 *
 * <p>The vocabulary is a SentencePiece-style ("llama") one: {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte
 * tokens {@code <0x00>..<0xFF>} (so every text can be tokenised), then word pieces ({@code ▁the}, letters, pairs).
 * The output rows of the special tokens and of the bytes that are not printable ASCII are zero, so that sampling
 * with a top-k picks letters, words and punctuation, and the model never ends its reply by itself.
 *
 * <p>Threading: stateless; {@link #write} may run on any thread.
 *
 * <pre>{@code
 * Path gguf = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), TinyLlamaGguf.Config.DEFAULT, 42L, null);
 * LanguageModel model = LanguageModels.open(gguf.toString(), LanguageModels.options());
 * }</pre>
 */
public final class TinyLlamaGguf {
    /** Id of {@code <unk>}. */
    public static final int UNK = 0;
    /** Id of the beginning-of-sequence token {@code <s>}. */
    public static final int BOS = 1;
    /** Id of the end-of-sequence token {@code </s>}. */
    public static final int EOS = 2;
    private static final int FIRST_BYTE = 3;
    private static final int FIRST_PIECE = FIRST_BYTE + 256;
    private static final int TYPE_NORMAL = 1;
    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_BYTE = 6;

    private TinyLlamaGguf() {
    }

    /**
     * The model's shape.
     *
     * @param vocab vocabulary size, more than 259 (specials and bytes come first)
     * @param hidden embedding width, a multiple of {@code heads}
     * @param layers transformer blocks
     * @param heads attention heads
     * @param kvHeads key/value heads (grouped-query attention when fewer than {@code heads})
     * @param feedForward width of the gated feed-forward layer
     * @param contextLength the context the model declares
     */
    public record Config(int vocab, int hidden, int layers, int heads, int kvHeads, int feedForward,
            int contextLength) {
        /** 300 tokens, width 64, 2 layers, 4 heads sharing 2 key/value heads, feed-forward 128, context 2048. */
        public static final Config DEFAULT = new Config(300, 64, 2, 4, 2, 128, 2048);

        /** Checks the shape. */
        public Config {
            if (vocab <= FIRST_PIECE || hidden < 1 || layers < 1 || heads < 1 || kvHeads < 1 || heads % kvHeads != 0
                    || hidden % heads != 0 || (hidden / heads) % 2 != 0 || feedForward < 1 || contextLength < 8) {
                throw new IllegalArgumentException("invalid tiny llama shape: " + vocab + " tokens (more than "
                        + FIRST_PIECE + "), width " + hidden + " over " + heads + " heads (even head size), " + kvHeads
                        + " kv heads dividing the heads, " + layers + " layers, feed-forward " + feedForward
                        + ", context " + contextLength);
            }
        }
    }

    /**
     * Builds the model's GGUF content.
     *
     * @param config the shape
     * @param seed the seed of the weights
     * @param chatTemplate a Jinja chat template to store as {@code tokenizer.chat_template}, or null for none
     * @return a writer holding the whole model
     */
    public static GgufWriter build(Config config, long seed, String chatTemplate) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = config.hidden();
        int headDim = d / config.heads();
        int kvDim = headDim * config.kvHeads();
        GgufWriter gguf = new GgufWriter();
        gguf.putString("general.architecture", "llama");
        gguf.putString("general.name", "animata-tiny-llama");
        gguf.putUInt32("llama.context_length", config.contextLength());
        gguf.putUInt32("llama.embedding_length", d);
        gguf.putUInt32("llama.block_count", config.layers());
        gguf.putUInt32("llama.feed_forward_length", config.feedForward());
        gguf.putUInt32("llama.attention.head_count", config.heads());
        gguf.putUInt32("llama.attention.head_count_kv", config.kvHeads());
        gguf.putUInt32("llama.rope.dimension_count", headDim);
        gguf.putFloat32("llama.rope.freq_base", 10000f);
        gguf.putFloat32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        gguf.putUInt32("llama.vocab_size", config.vocab());
        gguf.putString("tokenizer.ggml.model", "llama");
        List<String> tokens = tokens(config.vocab());
        float[] scores = new float[tokens.size()];
        int[] types = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            types[i] = i == UNK ? TYPE_UNKNOWN : i < FIRST_BYTE ? TYPE_CONTROL : i < FIRST_PIECE ? TYPE_BYTE
                    : TYPE_NORMAL;
            // SentencePiece merges the best-scored pieces first: longer pieces score higher
            scores[i] = i < FIRST_PIECE ? 0f : tokens.get(i).length() - i * 1e-3f;
        }
        gguf.putStringArray("tokenizer.ggml.tokens", tokens);
        gguf.putFloat32Array("tokenizer.ggml.scores", scores);
        gguf.putInt32Array("tokenizer.ggml.token_type", types);
        gguf.putUInt32("tokenizer.ggml.unknown_token_id", UNK);
        gguf.putUInt32("tokenizer.ggml.bos_token_id", BOS);
        gguf.putUInt32("tokenizer.ggml.eos_token_id", EOS);
        gguf.putBool("tokenizer.ggml.add_bos_token", true);
        gguf.putBool("tokenizer.ggml.add_eos_token", false);
        if (chatTemplate != null) {
            gguf.putString("tokenizer.chat_template", chatTemplate);
        }
        int v = config.vocab();
        gguf.addTensor("token_embd.weight", new long[] {d, v}, gaussian(random, v * d, 1f));
        float inScale = (float) (1 / Math.sqrt(d));
        for (int l = 0; l < config.layers(); l++) {
            String p = "blk." + l + ".";
            gguf.addTensor(p + "attn_norm.weight", new long[] {d}, ones(d));
            gguf.addTensor(p + "attn_q.weight", new long[] {d, d}, gaussian(random, d * d, inScale));
            gguf.addTensor(p + "attn_k.weight", new long[] {d, kvDim}, gaussian(random, kvDim * d, inScale));
            gguf.addTensor(p + "attn_v.weight", new long[] {d, kvDim}, gaussian(random, kvDim * d, inScale));
            gguf.addTensor(p + "attn_output.weight", new long[] {d, d}, gaussian(random, d * d, inScale));
            gguf.addTensor(p + "ffn_norm.weight", new long[] {d}, ones(d));
            int ff = config.feedForward();
            gguf.addTensor(p + "ffn_gate.weight", new long[] {d, ff}, gaussian(random, ff * d, inScale));
            gguf.addTensor(p + "ffn_up.weight", new long[] {d, ff}, gaussian(random, ff * d, inScale));
            gguf.addTensor(p + "ffn_down.weight", new long[] {ff, d},
                    gaussian(random, d * ff, (float) (1 / Math.sqrt(ff))));
        }
        gguf.addTensor("output_norm.weight", new long[] {d}, ones(d));
        float[] output = gaussian(random, v * d, 1f);
        for (int t = 0; t < v; t++) {
            if (!printable(t)) {
                java.util.Arrays.fill(output, t * d, (t + 1) * d, 0f);
            }
        }
        gguf.addTensor("output.weight", new long[] {d, v}, output);
        return gguf;
    }

    /**
     * Writes the model to a file.
     *
     * @return {@code file}
     */
    public static Path write(Path file, Config config, long seed, String chatTemplate) {
        build(config, seed, chatTemplate).write(file);
        return file;
    }

    /** @return whether the model may generate token {@code t}: word pieces, printable ASCII bytes and newline */
    public static boolean printable(int t) {
        if (t >= FIRST_PIECE) {
            return true;
        }
        int b = t - FIRST_BYTE;
        return t >= FIRST_BYTE && (b == '\n' || (b >= 0x20 && b < 0x7F));
    }

    /**
     * @return the vocabulary: specials, bytes, then word pieces until {@code size} (a new list; a test may change a
     *     piece and store it as {@code tokenizer.ggml.tokens} to give the model a word of its own)
     */
    public static List<String> tokens(int size) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        List<String> pieces = new ArrayList<>(List.of("\u2581", "\u2581the", "\u2581a", "\u2581is", "\u2581of",
                "\u2581to", "\u2581and", "\u2581t", "th", "he", "er", "in", "an", "on", "en", "re"));
        for (char c = 'a'; c <= 'z'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            if (!pieces.contains("\u2581" + c)) {
                pieces.add("\u2581" + c);
            }
        }
        for (char c1 = 'a'; c1 <= 'z'; c1++) {
            for (char c2 = 'a'; c2 <= 'z'; c2++) {
                String pair = "" + c1 + c2;
                if (!pieces.contains(pair)) {
                    pieces.add(pair);
                }
            }
        }
        for (int i = 0; tokens.size() < size; i++) {
            tokens.add(i < pieces.size() ? pieces.get(i) : "\u2581w" + i);
        }
        return tokens;
    }

    private static float[] gaussian(SplittableRandom random, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from the seeded generator (SplittableRandom has no nextGaussian on Java 17)
            double u = 1 - random.nextDouble();
            double w = random.nextDouble();
            a[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w) * scale);
        }
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }
}
