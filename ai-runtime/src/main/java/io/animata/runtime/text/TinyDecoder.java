package io.animata.runtime.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxGraphBuilder;
import io.animata.runtime.onnx.OnnxGraphBuilder.ElementType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small GPT-style decoder (learned token and position embeddings, pre-norm layers of multi-head attention and a
 * ReLU feed-forward block, a final norm and an output projection) written as ONNX in the Hugging Face Optimum
 * layout that {@link OnnxLanguageModel} runs: inputs {@code input_ids}, {@code attention_mask}, {@code position_ids}
 * and {@code past_key_values.N.key|value}; outputs {@code logits} and {@code present.N.key|value}. The attention
 * mask is causal and honours padding, so decoding with the KV cache gives the logits of decoding without it.
 *
 * <p>Its weights are plain float arrays, random ({@link #random}) or set by a trainer. It is the shape of the model
 * the project ships, and the model of the tests and the dialogue benchmark. It is written float32 in one file;
 * {@link Export} also writes it in the other forms downloaded exports take: a float16 KV cache and logits, weights in
 * an external data file, a merged decoder.
 *
 * <p>Threading: not thread-safe while weights are changed; writing reads them only.
 *
 * <pre>{@code
 * TinyDecoder decoder = TinyDecoder.random(new TinyDecoder.Config(vocab, 64, 4, 2, 128, 256), 7);
 * decoder.writeModelFolder(dir, TokenizerJson.wordLevel(specials, words), ChatTemplate.CHATML, eosId);
 * try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(dir).build()) { ... }
 * }</pre>
 */
public final class TinyDecoder {

    /**
     * The decoder's shape.
     *
     * @param vocabSize tokens
     * @param hiddenSize width of the residual stream; a multiple of {@code heads}
     * @param heads attention (query) heads
     * @param kvHeads key/value heads, dividing {@code heads}: fewer than {@code heads} is grouped-query attention,
     *     as current small chat models have (a smaller KV cache)
     * @param layers decoder layers
     * @param ffnSize width of the feed-forward block
     * @param maxPositions the context length
     */
    public record Config(int vocabSize, int hiddenSize, int heads, int kvHeads, int layers, int ffnSize,
            int maxPositions) {
        /** Validates the shape. */
        public Config {
            if (vocabSize < 2 || hiddenSize < 1 || heads < 1 || kvHeads < 1 || layers < 1 || ffnSize < 1
                    || maxPositions < 2) {
                throw new IllegalArgumentException("every size must be positive (vocab and positions at least 2)");
            }
            if (hiddenSize % heads != 0) {
                throw new IllegalArgumentException("hiddenSize " + hiddenSize + " is not a multiple of heads " + heads);
            }
            if (heads % kvHeads != 0) {
                throw new IllegalArgumentException("heads " + heads + " is not a multiple of kvHeads " + kvHeads);
            }
        }

        /** Multi-head attention: as many key/value heads as query heads. */
        public Config(int vocabSize, int hiddenSize, int heads, int layers, int ffnSize, int maxPositions) {
            this(vocabSize, hiddenSize, heads, heads, layers, ffnSize, maxPositions);
        }

        /** @return the width of one attention head */
        public int headDim() {
            return hiddenSize / heads;
        }

        /** @return the width of the keys (and of the values) of one position: {@code kvHeads * headDim} */
        public int kvDim() {
            return kvHeads * headDim();
        }

        /** @return the number of weights */
        public long parameters() {
            long d = hiddenSize;
            long perLayer = 4 * d + 2 * d * d + 2 * d * kvDim() + d * ffnSize + ffnSize + ffnSize * d + d;
            return (long) vocabSize * d * 2 + (long) maxPositions * d + layers * perLayer + 2 * d;
        }
    }

    private final Config config;
    /** [vocab, hidden] */
    public final float[] tokenEmbedding;
    /** [positions, hidden] */
    public final float[] positionEmbedding;
    /** Per layer: norm scale and bias [hidden], query and output projections [hidden, hidden], key and value
     * projections [hidden, kvDim]. */
    public final float[][] norm1Scale;
    public final float[][] norm1Bias;
    public final float[][] wq;
    public final float[][] wk;
    public final float[][] wv;
    public final float[][] wo;
    /** Per layer: norm scale and bias [hidden], feed-forward [hidden, ffn] + [ffn], [ffn, hidden] + [hidden]. */
    public final float[][] norm2Scale;
    public final float[][] norm2Bias;
    public final float[][] w1;
    public final float[][] b1;
    public final float[][] w2;
    public final float[][] b2;
    /** Final norm [hidden]. */
    public final float[] finalScale;
    public final float[] finalBias;
    /** [hidden, vocab] */
    public final float[] lmHead;

    /** A decoder of this shape with zero weights and unit norm scales. */
    public TinyDecoder(Config config) {
        this.config = config;
        int d = config.hiddenSize();
        int l = config.layers();
        tokenEmbedding = new float[config.vocabSize() * d];
        positionEmbedding = new float[config.maxPositions() * d];
        norm1Scale = ones(l, d);
        norm1Bias = new float[l][d];
        wq = new float[l][d * d];
        wk = new float[l][d * config.kvDim()];
        wv = new float[l][d * config.kvDim()];
        wo = new float[l][d * d];
        norm2Scale = ones(l, d);
        norm2Bias = new float[l][d];
        w1 = new float[l][d * config.ffnSize()];
        b1 = new float[l][config.ffnSize()];
        w2 = new float[l][config.ffnSize() * d];
        b2 = new float[l][d];
        finalScale = ones(1, d)[0];
        finalBias = new float[d];
        lmHead = new float[d * config.vocabSize()];
    }

    private static float[][] ones(int rows, int width) {
        float[][] a = new float[rows][width];
        for (float[] row : a) {
            java.util.Arrays.fill(row, 1f);
        }
        return a;
    }

    /**
     * @return a decoder with seeded random weights (normal, standard deviation 0.02 for embeddings and
     *     {@code 1/sqrt(fan-in)} for projections): it talks nonsense, at the speed of a trained one
     */
    public static TinyDecoder random(Config config, long seed) {
        TinyDecoder t = new TinyDecoder(config);
        SplittableRandom r = new SplittableRandom(seed);
        int d = config.hiddenSize();
        fill(r, t.tokenEmbedding, 0.5);
        fill(r, t.positionEmbedding, 0.5);
        for (int i = 0; i < config.layers(); i++) {
            fill(r, t.wq[i], 1 / Math.sqrt(d));
            fill(r, t.wk[i], 1 / Math.sqrt(d));  // [hidden, kvDim]
            fill(r, t.wv[i], 1 / Math.sqrt(d));
            fill(r, t.wo[i], 1 / Math.sqrt(d));
            fill(r, t.w1[i], 1 / Math.sqrt(d));
            fill(r, t.w2[i], 1 / Math.sqrt(config.ffnSize()));
        }
        fill(r, t.lmHead, 2 / Math.sqrt(d));
        return t;
    }

    private static void fill(SplittableRandom r, float[] a, double std) {
        for (int i = 0; i < a.length; i++) {
            // Box-Muller from the seeded generator, so every JVM makes the same weights
            double u = 1.0 - r.nextDouble();
            double v = r.nextDouble();
            a[i] = (float) (std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
    }

    /** @return the decoder's shape */
    public Config config() {
        return config;
    }

    /**
     * How the model file is written.
     *
     * @param float16Io whether the KV cache ({@code past_key_values}, {@code present}) and the logits are float16 at
     *     the graph's boundary, as in a half-precision export (the weights and the arithmetic stay float32, with Cast
     *     nodes at the boundary; attention reads the keys and values as rounded to float16, as such a model does)
     * @param externalDataFile when not null, the weights go to a data file of this name beside the model (the ONNX
     *     external data format of models over 2 GB), else they are inside the model file
     * @param merged whether the model is a merged decoder ({@code decoder_model_merged.onnx}): a boolean input
     *     {@code use_cache_branch} picks, through an {@code If} node, the branch that reads the past or the one that
     *     ignores it (for the first call, with an empty past)
     */
    public record Export(boolean float16Io, String externalDataFile, boolean merged) {
        /** Float32 inputs and outputs, one file: what {@link #toOnnx()} writes. */
        public static final Export DEFAULT = new Export(false, null, false);

        /** @return this export with a float16 KV cache and float16 logits */
        public Export withFloat16Io() {
            return new Export(true, externalDataFile, merged);
        }

        /** @return this export with the weights in the data file {@code dataFileName} beside the model */
        public Export withExternalData(String dataFileName) {
            return new Export(float16Io, dataFileName, merged);
        }

        /** @return this export as a merged decoder, written as {@code decoder_model_merged.onnx} in a folder */
        public Export asMerged() {
            return new Export(float16Io, externalDataFile, true);
        }
    }

    /** @return the ONNX model, serialised: float32 inputs and outputs, weights inside */
    public byte[] toOnnx() {
        return graph(false, false).toBytes();
    }

    /**
     * Writes the model file as {@code export} says (with a data file beside it for external data).
     *
     * @throws AnimataException when a file cannot be written
     */
    public void writeOnnx(Path file, Export export) {
        OnnxGraphBuilder g = graph(export.float16Io(), export.merged());
        if (export.externalDataFile() != null) {
            g.writeWithExternalData(file, export.externalDataFile(), 1024);
        } else {
            g.write(file);
        }
    }

    private OnnxGraphBuilder graph(boolean float16Io, boolean merged) {
        Config c = config;
        ElementType io = float16Io ? ElementType.FLOAT16 : ElementType.FLOAT;
        String kvh = String.valueOf(c.kvHeads());
        String hd = String.valueOf(c.headDim());
        OnnxGraphBuilder g = new OnnxGraphBuilder("animata-tiny-decoder")
                .optDocString("Animata TinyDecoder: " + c + " in the Hugging Face Optimum decoder layout"
                        + (merged ? " (merged: an If node on use_cache_branch picks the branch with or without past)"
                                : ""));
        g.addInput("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.addInput("attention_mask", ElementType.INT64, "batch_size", "total_sequence_length");
        g.addInput("position_ids", ElementType.INT64, "batch_size", "sequence_length");
        for (int l = 0; l < c.layers(); l++) {
            g.addInput("past_key_values." + l + ".key", io, "batch_size", kvh, "past_sequence_length", hd);
            g.addInput("past_key_values." + l + ".value", io, "batch_size", kvh, "past_sequence_length", hd);
        }
        if (merged) {
            g.addInput("use_cache_branch", ElementType.BOOL, "1");
        }
        addWeights(g);
        List<String> outputs = new ArrayList<>();
        outputs.add("logits");
        for (int l = 0; l < c.layers(); l++) {
            outputs.add("present." + l + ".key");
            outputs.add("present." + l + ".value");
        }
        if (merged) {
            // the weights stay in the main graph, shared by both branches, as in Optimum's merged decoders
            OnnxGraphBuilder withPast = g.subgraph("with_past");
            OnnxGraphBuilder withoutPast = g.subgraph("without_past");
            for (String out : body(withPast, "with_past.", float16Io, true)) {
                withPast.addOutput(out, io, outputDims(out.substring("with_past.".length())));
            }
            for (String out : body(withoutPast, "without_past.", float16Io, false)) {
                withoutPast.addOutput(out, io, outputDims(out.substring("without_past.".length())));
            }
            g.node("If").inputs("use_cache_branch").attr("then_branch", withPast).attr("else_branch", withoutPast)
                    .outputs(outputs.toArray(new String[0]));
        } else {
            body(g, "", float16Io, true);
        }
        for (String out : outputs) {
            g.addOutput(out, io, outputDims(out));
        }
        return g;
    }

    private String[] outputDims(String output) {
        return output.equals("logits")
                ? new String[] {"batch_size", "sequence_length", String.valueOf(config.vocabSize())}
                : new String[] {"batch_size", String.valueOf(config.kvHeads()), "total_sequence_length",
                    String.valueOf(config.headDim())};
    }

    /** Adds the weights and the constant shapes, under the names {@link #body} reads them by. */
    private void addWeights(OnnxGraphBuilder g) {
        Config c = config;
        long d = c.hiddenSize();
        long h = c.heads();
        long kvh = c.kvHeads();
        long hd = c.headDim();
        long kvd = c.kvDim();
        g.addInitializer("wte", tokenEmbedding, c.vocabSize(), d);
        g.addInitializer("wpe", positionEmbedding, c.maxPositions(), d);
        g.addInitializer("one", new long[] {1});
        g.addInitializer("zero", new long[] {0});
        g.addInitializer("axes0", new long[] {0}, 1);
        g.addInitializer("axes1", new long[] {1}, 1);
        g.addInitializer("axes12", new long[] {1, 2}, 2);
        g.addInitializer("split_heads", new long[] {0, 0, h, hd}, 4);
        g.addInitializer("split_kv_heads", new long[] {0, 0, kvh, hd}, 4);
        if (h / kvh > 1) {
            // grouped-query attention without copying the cache: the query heads of a key/value head are stacked as
            // extra query rows ([b, kvHeads, group * s, headDim]) instead of the keys and values being repeated
            g.addInitializer("by_kv_head", new long[] {0, kvh, -1, hd}, 4);
            g.addInitializer("scores_by_head", new long[] {0, h, -1, 0}, 4);
            g.addInitializer("scores_by_kv_head", new long[] {0, kvh, -1, 0}, 4);
            g.addInitializer("context_by_head", new long[] {0, h, -1, hd}, 4);
        }
        g.addInitializer("merge_heads", new long[] {0, 0, d}, 3);
        g.addInitializer("scale", new float[] {(float) (1 / Math.sqrt(hd))});
        g.addInitializer("masked", new float[] {-1e9f});
        for (int l = 0; l < c.layers(); l++) {
            String p = "layer" + l + ".";
            g.addInitializer(p + "norm1.scale", norm1Scale[l], d);
            g.addInitializer(p + "norm1.bias", norm1Bias[l], d);
            g.addInitializer(p + "wq", wq[l], d, d);
            g.addInitializer(p + "wk", wk[l], d, kvd);
            g.addInitializer(p + "wv", wv[l], d, kvd);
            g.addInitializer(p + "wo", wo[l], d, d);
            g.addInitializer(p + "norm2.scale", norm2Scale[l], d);
            g.addInitializer(p + "norm2.bias", norm2Bias[l], d);
            g.addInitializer(p + "w1", w1[l], d, c.ffnSize());
            g.addInitializer(p + "b1", b1[l], c.ffnSize());
            g.addInitializer(p + "w2", w2[l], c.ffnSize(), d);
            g.addInitializer(p + "b2", b2[l], d);
        }
        g.addInitializer("final_norm.scale", finalScale, d);
        g.addInitializer("final_norm.bias", finalBias, d);
        g.addInitializer("lm_head", lmHead, d, c.vocabSize());
    }

    /**
     * Adds the decoder's nodes to {@code g}, every value named with the prefix {@code b}: the whole graph, or one
     * branch of a merged one. Without past ({@code readsPast} false) the past inputs are not read and the present
     * keys and values are those of the tokens read.
     *
     * @return the outputs' names: the logits, then each layer's present key and value
     */
    private String[] body(OnnxGraphBuilder g, String b, boolean float16Io, boolean readsPast) {
        Config c = config;
        long group = c.heads() / c.kvHeads();
        String ids = "input_ids";
        String mask = "attention_mask";
        String[] outputs = new String[1 + 2 * c.layers()];
        String x = g.node("Add").inputs(g.node("Gather").inputs("wte", ids).output(b + "tok"),
                g.node("Gather").inputs("wpe", "position_ids").output(b + "pos")).output(b + "embed");

        // mask [b, 1, s, T]: key j is visible to query i (absolute position T - s + i) when j <= T - s + i and
        // attention_mask[b, j] is 1
        String total = g.node("Gather").inputs(g.node("Shape").inputs(mask).output(b + "mask_shape"), "one")
                .output(b + "total");
        String seq = g.node("Gather").inputs(g.node("Shape").inputs(ids).output(b + "ids_shape"), "one")
                .output(b + "seq");
        String keyPos = g.node("Range").inputs("zero", total, "one").output(b + "key_pos");
        String queryPos = g.node("Range").inputs(g.node("Sub").inputs(total, seq).output(b + "query_start"), total,
                "one").output(b + "query_pos");
        String causal = g.node("LessOrEqual").inputs(
                g.node("Unsqueeze").inputs(keyPos, "axes0").output(b + "key_row"),
                g.node("Unsqueeze").inputs(queryPos, "axes1").output(b + "query_col")).output(b + "causal");
        String padding = g.node("Unsqueeze").inputs(g.node("Cast").inputs(mask)
                .attr("to", (long) ElementType.BOOL.onnxType()).output(b + "mask_bool"), "axes12")
                .output(b + "padding");
        String visible = g.node("And").inputs(causal, padding).output(b + "visible");

        for (int l = 0; l < c.layers(); l++) {
            String p = "layer" + l + ".";
            String v = b + p;
            String n1 = layerNorm(g, x, p + "norm1", v + "norm1");
            String q = heads(g, g.node("MatMul").inputs(n1, p + "wq").output(v + "q"), "split_heads", v + "q");
            String k = heads(g, g.node("MatMul").inputs(n1, p + "wk").output(v + "k"), "split_kv_heads", v + "k");
            String val = heads(g, g.node("MatMul").inputs(n1, p + "wv").output(v + "v"), "split_kv_heads", v + "v");
            String presentKName = b + "present." + l + ".key";
            String presentVName = b + "present." + l + ".value";
            String presentK;
            String presentV;
            if (readsPast) {
                String pastK = "past_key_values." + l + ".key";
                String pastV = "past_key_values." + l + ".value";
                if (float16Io) {
                    pastK = toFloat(g, pastK, v + "past_key_f32");
                    pastV = toFloat(g, pastV, v + "past_value_f32");
                }
                presentK = g.node("Concat").inputs(pastK, k).attr("axis", 2L)
                        .output(float16Io ? v + "keys_f32" : presentKName);
                presentV = g.node("Concat").inputs(pastV, val).attr("axis", 2L)
                        .output(float16Io ? v + "values_f32" : presentVName);
            } else {
                presentK = float16Io ? k : g.node("Identity").inputs(k).output(presentKName);
                presentV = float16Io ? val : g.node("Identity").inputs(val).output(presentVName);
            }
            if (float16Io) {
                // attention reads the cache as it is stored, so decoding with it gives the logits of decoding without
                presentK = toFloat(g, g.node("Cast").inputs(presentK).attr("to", (long) ElementType.FLOAT16.onnxType())
                        .output(presentKName), v + "keys");
                presentV = toFloat(g, g.node("Cast").inputs(presentV).attr("to", (long) ElementType.FLOAT16.onnxType())
                        .output(presentVName), v + "values");
            }
            outputs[1 + 2 * l] = presentKName;
            outputs[2 + 2 * l] = presentVName;
            String keysT = g.node("Transpose").inputs(presentK).attrInts("perm", 0, 1, 3, 2).output(v + "keys_t");
            String queries = group > 1 ? g.node("Reshape").inputs(q, "by_kv_head").output(v + "q_grouped") : q;
            String qk = g.node("MatMul").inputs(queries, keysT).output(v + "qk");
            if (group > 1) {
                qk = g.node("Reshape").inputs(qk, "scores_by_head").output(v + "qk_by_head"); // [b, heads, s, T]
            }
            String scores = g.node("Mul").inputs(qk, "scale").output(v + "scores");
            String weights = g.node("Softmax").inputs(g.node("Where").inputs(visible, scores, "masked")
                    .output(v + "masked")).attr("axis", -1L).output(v + "attention");
            if (group > 1) {
                weights = g.node("Reshape").inputs(weights, "scores_by_kv_head").output(v + "attention_grouped");
            }
            String contextHeads = g.node("MatMul").inputs(weights, presentV).output(v + "context_heads");
            if (group > 1) {
                contextHeads = g.node("Reshape").inputs(contextHeads, "context_by_head").output(v + "context_by_head");
            }
            String context = g.node("Reshape").inputs(g.node("Transpose").inputs(contextHeads)
                    .attrInts("perm", 0, 2, 1, 3).output(v + "context_t"), "merge_heads").output(v + "context");
            x = g.node("Add").inputs(x, g.node("MatMul").inputs(context, p + "wo").output(v + "attn_out"))
                    .output(v + "resid1");
            String n2 = layerNorm(g, x, p + "norm2", v + "norm2");
            String hidden = g.node("Relu").inputs(g.node("Add").inputs(
                    g.node("MatMul").inputs(n2, p + "w1").output(v + "ff1"), p + "b1").output(v + "ff1b"))
                    .output(v + "ff_act");
            String ff = g.node("Add").inputs(g.node("MatMul").inputs(hidden, p + "w2").output(v + "ff2"), p + "b2")
                    .output(v + "ff_out");
            x = g.node("Add").inputs(x, ff).output(v + "resid2");
        }
        String out = layerNorm(g, x, "final_norm", b + "final_norm");
        String logits = g.node("MatMul").inputs(out, "lm_head").output(b + (float16Io ? "logits_f32" : "logits"));
        if (float16Io) {
            g.node("Cast").inputs(logits).attr("to", (long) ElementType.FLOAT16.onnxType()).output(b + "logits");
        }
        outputs[0] = b + "logits";
        return outputs;
    }

    private static String toFloat(OnnxGraphBuilder g, String x, String name) {
        return g.node("Cast").inputs(x).attr("to", (long) ElementType.FLOAT.onnxType()).output(name);
    }

    private static String layerNorm(OnnxGraphBuilder g, String x, String weights, String name) {
        return g.node("LayerNormalization").inputs(x, weights + ".scale", weights + ".bias").attr("axis", -1L)
                .attr("epsilon", 1e-5f).output(name);
    }

    /** [b, s, width] to [b, heads, s, headDim]. */
    private static String heads(OnnxGraphBuilder g, String x, String splitShape, String name) {
        return g.node("Transpose").inputs(g.node("Reshape").inputs(x, splitShape).output(name + "_split"))
                .attrInts("perm", 0, 2, 1, 3).output(name + "_heads");
    }

    /**
     * Writes a model folder {@link OnnxLanguageModel} loads: {@code model.onnx}, {@code tokenizer.json},
     * {@code config.json} (shape, context length, end-of-sequence id) and, for a chat template other than
     * {@link ChatTemplate#PLAIN}, {@code tokenizer_config.json} naming it.
     *
     * @param eosTokenId the token that ends a reply, or -1 for none
     * @throws AnimataException when the folder cannot be written
     */
    public void writeModelFolder(Path dir, String tokenizerJson, ChatTemplate template, int eosTokenId) {
        writeModelFolder(dir, tokenizerJson, template, eosTokenId, Export.DEFAULT);
    }

    /**
     * Writes a model folder as {@link #writeModelFolder(Path, String, ChatTemplate, int)} does, the model file written
     * as {@code export} says ({@code decoder_model_merged.onnx} for a merged decoder).
     *
     * @throws AnimataException when the folder cannot be written
     */
    public void writeModelFolder(Path dir, String tokenizerJson, ChatTemplate template, int eosTokenId,
            Export export) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode cfg = json.createObjectNode();
        cfg.put("model_type", "animata-tiny");
        cfg.put("vocab_size", config.vocabSize());
        cfg.put("hidden_size", config.hiddenSize());
        cfg.put("num_attention_heads", config.heads());
        cfg.put("num_key_value_heads", config.kvHeads());
        cfg.put("num_hidden_layers", config.layers());
        cfg.put("intermediate_size", config.ffnSize());
        cfg.put("max_position_embeddings", config.maxPositions());
        if (eosTokenId >= 0) {
            cfg.put("eos_token_id", eosTokenId);
        }
        try {
            Files.createDirectories(dir);
            writeOnnx(dir.resolve(export.merged() ? "decoder_model_merged.onnx" : "model.onnx"), export);
            Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson);
            Files.writeString(dir.resolve("config.json"), cfg.toPrettyString());
            if (template != ChatTemplate.PLAIN) {
                ObjectNode tc = json.createObjectNode();
                tc.put("animata_chat_template", template.name().toLowerCase(java.util.Locale.ROOT));
                Files.writeString(dir.resolve("tokenizer_config.json"), tc.toPrettyString());
            }
        } catch (IOException e) {
            throw new AnimataException("cannot write the model folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
