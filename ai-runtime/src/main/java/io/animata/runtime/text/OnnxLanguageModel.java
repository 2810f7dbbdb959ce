package io.animata.runtime.text;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.onnx.TensorSpec;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A decoder-only language model exported to ONNX in the Hugging Face Optimum layout (inputs {@code input_ids},
 * {@code attention_mask}, optionally {@code position_ids}, and {@code past_key_values.N.key|value}; outputs
 * {@code logits} and {@code present.N.key|value}), run on ONNX Runtime (CUDA when present, else CPU) with a KV cache:
 * the prompt is read once, then each step feeds one token. The folder holds the model ({@code model.onnx} or
 * {@code decoder_model_merged.onnx}, also under {@code onnx/}), {@code tokenizer.json} (read with
 * {@link HfTokenizer}), and optionally {@code config.json}, {@code generation_config.json} and
 * {@code tokenizer_config.json}, from which the context length, the end-of-sequence tokens and the
 * {@link ChatTemplate} are taken.
 *
 * <p>The KV cache may be float32 or float16 (a half-precision export: {@code --dtype fp16}), and the logits too; every
 * past input and present output must have the same type. A float16 cache is kept as it is (packed into batches and
 * kept for prompt prefixes as float16), and float16 logits are widened to float for sampling. Weights may live in
 * external data files next to the {@code .onnx} file, as exports over 2 GB have them ({@code model.onnx_data},
 * {@code model.onnx.data} or the files each tensor names): the model is then read from its path, and a missing or
 * truncated data file is reported by name. A merged decoder ({@code decoder_model_merged.onnx}, whose {@code If} node
 * picks the branch with or without past) is told by {@code use_cache_branch} whether a call has a past.
 *
 * <p>Threading: like every {@link LanguageModel}: one thread at a time steps the generations (the model's worker);
 * {@link #close} frees the session and the tokenizer.
 *
 * <pre>{@code
 * try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(Path.of("models/qwen2.5-0.5b")).build()) {
 *     model.generate(GenerationRequest.chat(messages).build(), System.out::print, null);
 * }
 * }</pre>
 */
public final class OnnxLanguageModel implements LanguageModel {
    private static final System.Logger LOG = System.getLogger(OnnxLanguageModel.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODEL_FILES = List.of("model.onnx", "decoder_model_merged.onnx",
            "onnx/model.onnx", "onnx/decoder_model_merged.onnx");

    private final String name;
    private final Path folder;
    private final OnnxModel onnx;
    private final Tokenizer tokenizer;
    private final ChatTemplate template;
    private final int contextLength;
    private final int[] eosIds;
    private final int layers;
    private final int kvHeads;
    private final int headDim;
    /** How the KV cache holds its numbers (float32 or float16), and the bytes of one head at one position. */
    private final KvElementType kvType;
    private final int positionBytes;
    private final boolean positionIds;
    private final boolean cacheBranch;
    private final boolean hasCache;
    private final String[] pastKeyNames;
    private final String[] pastValueNames;
    private final String[] presentKeyNames;
    private final String[] presentValueNames;
    private final OnnxTensor[] emptyPast;
    private volatile int vocabSize;
    private volatile boolean closed;
    /** Worker-confined, like the generations. */
    private final PrefixCache prefixes;
    /** The most prompt tokens read in one model call; longer prompts are read over several rounds. */
    private final int promptChunk;
    /** Worker-confined: tokenises chat prompts piece by piece, remembering recent pieces. */
    private final PromptEncoder promptEncoder;

    private OnnxLanguageModel(Builder b) {
        Path modelFile = findModelFile(b.folder);
        this.folder = Files.isDirectory(b.folder) ? b.folder : b.folder.toAbsolutePath().getParent();
        JsonNode config = readJson(folder.resolve("config.json"));
        JsonNode generation = readJson(folder.resolve("generation_config.json"));
        JsonNode tokenizerConfig = readJson(folder.resolve("tokenizer_config.json"));
        this.name = b.name != null ? b.name : folder.getFileName().toString();
        Tokenizer tok = HfTokenizer.load(folder.resolve("tokenizer.json"));
        OnnxModel model = null;
        try {
            model = OnnxModel.load(name, modelFile, b.sessionConfig);
            Map<String, TensorSpec> inputs = new HashMap<>();
            for (TensorSpec s : model.inputs()) {
                inputs.put(s.name(), s);
            }
            Set<String> outputs = new LinkedHashSet<>();
            for (TensorSpec s : model.outputs()) {
                outputs.add(s.name());
            }
            if (!inputs.containsKey("input_ids") || !outputs.contains("logits")) {
                throw new AnimataException("model " + modelFile + " is not a decoder in the Optimum layout: it needs an"
                        + " input 'input_ids' and an output 'logits'; its inputs are " + inputs.keySet()
                        + " and outputs " + outputs);
            }
            int n = 0;
            while (inputs.containsKey("past_key_values." + n + ".key")) {
                n++;
            }
            this.layers = n;
            this.hasCache = n > 0;
            this.positionIds = inputs.containsKey("position_ids");
            this.cacheBranch = inputs.containsKey("use_cache_branch");
            this.pastKeyNames = new String[n];
            this.pastValueNames = new String[n];
            this.presentKeyNames = new String[n];
            this.presentValueNames = new String[n];
            for (int l = 0; l < n; l++) {
                pastKeyNames[l] = "past_key_values." + l + ".key";
                pastValueNames[l] = "past_key_values." + l + ".value";
                presentKeyNames[l] = "present." + l + ".key";
                presentValueNames[l] = "present." + l + ".value";
                if (!outputs.contains(presentKeyNames[l]) || !outputs.contains(presentValueNames[l])) {
                    throw new AnimataException("model " + modelFile + " takes " + pastKeyNames[l] + " but has no output "
                            + presentKeyNames[l] + "/.value; its outputs are " + outputs);
                }
            }
            this.kvType = hasCache ? kvType(modelFile, inputs, model.outputs()) : KvElementType.FLOAT32;
            TensorSpec logits = model.outputs().stream().filter(s -> s.name().equals("logits")).findFirst().get();
            if (!logits.type().equals("FLOAT") && !logits.type().equals("FLOAT16")) {
                throw new AnimataException("model " + modelFile + " gives its logits as " + logits.type()
                        + "; float32 and float16 are supported (export with --dtype fp32 or fp16)");
            }
            if (hasCache) {
                TensorSpec past = inputs.get(pastKeyNames[0]);
                int heads = past.rank() == 4 && past.dim(1) > 0 ? (int) past.dim(1)
                        : config.path("num_key_value_heads").asInt(config.path("num_attention_heads").asInt(-1));
                int dim = past.rank() == 4 && past.dim(3) > 0 ? (int) past.dim(3)
                        : config.path("head_dim").asInt(config.path("num_attention_heads").asInt(0) > 0
                                ? config.path("hidden_size").asInt() / config.path("num_attention_heads").asInt() : -1);
                if (heads < 1 || dim < 1) {
                    throw new AnimataException("cannot tell the KV cache shape of " + modelFile + ": its past inputs"
                            + " have symbolic heads/head size and config.json has no num_key_value_heads/head_dim");
                }
                this.kvHeads = heads;
                this.headDim = dim;
                this.positionBytes = dim * kvType.bytes;
            } else {
                this.kvHeads = 0;
                this.headDim = 0;
                this.positionBytes = 0;
                LOG.log(System.Logger.Level.WARNING, "model " + modelFile + " has no past_key_values inputs: every"
                        + " step reads the whole sequence again (export with --task text-generation-with-past)");
            }
            this.vocabSize = logits.rank() == 3 && logits.dim(2) > 0 ? (int) logits.dim(2)
                    : config.path("vocab_size").asInt(-1);
            int context = config.path("max_position_embeddings").asInt(config.path("n_positions").asInt(2048));
            this.contextLength = b.contextLength > 0 ? Math.min(b.contextLength, context) : Math.min(context, 8192);
            this.template = b.template != null ? b.template : chooseTemplate(tokenizerConfig, config);
            this.eosIds = eosIds(config, generation, tokenizerConfig, tok, template);
            this.emptyPast = hasCache ? emptyPast(model.environment()) : new OnnxTensor[0];
            this.prefixes = new PrefixCache(hasCache ? b.prefixCacheTokens : 0);
            this.promptChunk = b.promptChunk;
            this.promptEncoder = new PromptEncoder(tok, template.turnMarkers(), 256);
            this.onnx = model;
            this.tokenizer = tok;
            LOG.log(System.Logger.Level.INFO, "language model '" + name + "': " + layers + " layers, KV "
                    + kvHeads + "x" + headDim + " " + kvType + ", logits " + logits.type() + ", vocabulary "
                    + vocabSize + ", context " + contextLength
                    + ", template " + template + ", on " + model.device());
        } catch (RuntimeException e) {
            tok.close();
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    /**
     * @return the element type of the KV cache: that of every past input and present output, which must agree
     * @throws AnimataException for a type other than float32 or float16, or past and present of different types
     */
    private static KvElementType kvType(Path modelFile, Map<String, TensorSpec> inputs, List<TensorSpec> outputs) {
        String type = inputs.get("past_key_values.0.key").type();
        KvElementType kv = KvElementType.of(type);
        if (kv == null) {
            throw new AnimataException("model " + modelFile + " keeps its KV cache as " + type + "; float32 and"
                    + " float16 are supported: export with optimum-cli export onnx --task text-generation-with-past"
                    + " --dtype fp32 (or fp16)");
        }
        List<TensorSpec> kvTensors = new ArrayList<>();
        for (TensorSpec s : inputs.values()) {
            if (s.name().startsWith("past_key_values.")) {
                kvTensors.add(s);
            }
        }
        for (TensorSpec s : outputs) {
            if (s.name().startsWith("present.")) {
                kvTensors.add(s);
            }
        }
        for (TensorSpec s : kvTensors) {
            if (!s.type().equals(type)) {
                throw new AnimataException("model " + modelFile + " mixes KV cache types: past_key_values.0.key is "
                        + type + " but " + s.name() + " is " + s.type() + "; every past input and present output must"
                        + " have the same type");
            }
        }
        return kv;
    }

    /** @return a builder; {@link Builder#setModelFolder} is required */
    public static Builder builder() {
        return new Builder();
    }

    private static Path findModelFile(Path folderOrFile) {
        if (Files.isRegularFile(folderOrFile)) {
            return folderOrFile;
        }
        if (!Files.isDirectory(folderOrFile)) {
            throw new AnimataException("model folder not found: " + folderOrFile.toAbsolutePath());
        }
        for (String candidate : MODEL_FILES) {
            Path p = folderOrFile.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AnimataException("no ONNX decoder in " + folderOrFile.toAbsolutePath() + "; looked for "
                + MODEL_FILES + " (export with optimum-cli export onnx --task text-generation-with-past)");
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AnimataException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static ChatTemplate chooseTemplate(JsonNode tokenizerConfig, JsonNode config) {
        if (tokenizerConfig.hasNonNull("animata_chat_template")) {
            return ChatTemplate.forName(tokenizerConfig.get("animata_chat_template").asText());
        }
        JsonNode jinja = tokenizerConfig.path("chat_template");
        String text = null;
        if (jinja.isTextual()) {
            text = jinja.asText();
        } else if (jinja.isArray()) {
            StringBuilder all = new StringBuilder();
            jinja.forEach(t -> all.append(t.path("template").asText()));
            text = all.toString();
        }
        return ChatTemplate.detect(text, config.path("model_type").asText(null));
    }

    private static int[] eosIds(JsonNode config, JsonNode generation, JsonNode tokenizerConfig, Tokenizer tok,
            ChatTemplate template) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (JsonNode source : List.of(generation.path("eos_token_id"), config.path("eos_token_id"))) {
            if (source.isInt()) {
                ids.add(source.asInt());
            } else if (source.isArray()) {
                source.forEach(id -> ids.add(id.asInt()));
            }
        }
        JsonNode eosToken = tokenizerConfig.path("eos_token");
        String eosText = eosToken.isTextual() ? eosToken.asText() : eosToken.path("content").asText(null);
        List<String> texts = new ArrayList<>(template.stopStrings());
        if (eosText != null) {
            texts.add(eosText);
        }
        for (String s : texts) {
            int id = tok.tokenId(s);
            if (id >= 0 && s.startsWith("<") && s.endsWith(">")) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private OnnxTensor[] emptyPast(OrtEnvironment env) {
        OnnxTensor[] empty = new OnnxTensor[2 * layers];
        try {
            for (int i = 0; i < empty.length; i++) {
                empty[i] = kvType.tensor(env, ByteBuffer.allocate(0), new long[] {1, kvHeads, 0, headDim});
            }
        } catch (OrtException e) {
            throw new AnimataException("cannot make an empty KV cache for model '" + name + "': " + e.getMessage(), e);
        }
        return empty;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return onnx.device();
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    /** @return the chat template conversations are rendered with */
    public ChatTemplate chatTemplate() {
        return template;
    }

    /** @return the tokenizer (owned by the model) */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** @return the vocabulary size, from the model's logits (or config.json); -1 before the first run when unknown */
    public int vocabSize() {
        return vocabSize;
    }

    /** @return the ids that end a reply */
    public int[] eosTokenIds() {
        return eosIds.clone();
    }

    /** @return the folder the model was loaded from */
    public Path folder() {
        return folder;
    }

    /**
     * Runs a whole sequence with no cache and returns the logits of every position, {@code [tokens.length * vocab]},
     * row by row. For tests and tools (it allocates); generations use the cache.
     */
    public float[] logitsWithoutCache(int[] tokens) {
        try (OrtSession.Result r = run(tokens, 0, tokens.length, null, 0)) {
            return allLogits(r, tokens.length);
        }
    }

    /** @return a step-by-step decoder with its own KV cache, for tests and tools; close it */
    public KvDecoder decoder() {
        requireOpen();
        return new KvDecoder();
    }

    /**
     * A sequence decoded with a KV cache: {@link #append} feeds tokens after those fed before and returns their
     * logits. Single thread; close to free the cache.
     */
    public final class KvDecoder implements AutoCloseable {
        private int[] tokens = new int[64];
        private int count;
        private OrtSession.Result cache;
        private int cached;

        private KvDecoder() {
        }

        /** @return the logits of every appended token, {@code [n * vocab]} */
        public float[] append(int... next) {
            if (count + next.length > tokens.length) {
                tokens = java.util.Arrays.copyOf(tokens, Math.max(tokens.length * 2, count + next.length));
            }
            System.arraycopy(next, 0, tokens, count, next.length);
            count += next.length;
            OrtSession.Result r = hasCache ? run(tokens, cached, count, cache == null ? null : presents(cache), cached)
                    : run(tokens, 0, count, null, 0);
            float[] logits = allLogits(r, hasCache ? next.length : count);
            if (hasCache) {
                if (cache != null) {
                    cache.close();
                }
                cache = r;
                cached = count;
                return logits;
            }
            r.close();
            return java.util.Arrays.copyOfRange(logits, (count - next.length) * vocabSize, count * vocabSize);
        }

        /** @return tokens fed so far */
        public int length() {
            return count;
        }

        @Override
        public void close() {
            if (cache != null) {
                cache.close();
                cache = null;
            }
        }
    }

    /**
     * Runs {@code tokens[from, to)} after a cache of {@code pastLength} tokens held by {@code past} (null for
     * none). The caller closes the result, which holds the new cache and the logits.
     */
    private OrtSession.Result run(int[] tokens, int from, int to, OnnxTensor[] past, int pastLength) {
        requireOpen();
        int s = to - from;
        OrtEnvironment env = onnx.environment();
        List<OnnxTensor> made = new ArrayList<>(4);
        try {
            Map<String, OnnxTensorLike> feeds = new HashMap<>();
            LongBuffer ids = LongBuffer.allocate(s);
            LongBuffer positions = LongBuffer.allocate(s);
            for (int i = from; i < to; i++) {
                ids.put(tokens[i]);
                positions.put(pastLength + i - from);
            }
            ids.flip();
            positions.flip();
            feeds.put("input_ids", keep(made, OnnxTensor.createTensor(env, ids, new long[] {1, s})));
            LongBuffer mask = LongBuffer.allocate(pastLength + s);
            while (mask.hasRemaining()) {
                mask.put(1L);
            }
            mask.flip();
            feeds.put("attention_mask", keep(made, OnnxTensor.createTensor(env, mask, new long[] {1, pastLength + s})));
            if (positionIds) {
                feeds.put("position_ids", keep(made, OnnxTensor.createTensor(env, positions, new long[] {1, s})));
            }
            if (cacheBranch) {
                feeds.put("use_cache_branch", keep(made, OnnxTensor.createTensor(env, new boolean[] {past != null})));
            }
            for (int l = 0; l < layers; l++) {
                feeds.put(pastKeyNames[l], past == null ? emptyPast[2 * l] : past[2 * l]);
                feeds.put(pastValueNames[l], past == null ? emptyPast[2 * l + 1] : past[2 * l + 1]);
            }
            return onnx.runTensors(feeds);
        } catch (OrtException e) {
            throw new AnimataException("cannot make the inputs of model '" + name + "': " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : made) {
                t.close();
            }
        }
    }

    private static OnnxTensor keep(List<OnnxTensor> made, OnnxTensor t) {
        made.add(t);
        return t;
    }

    private static OnnxTensor presentOf(OrtSession.Result r, String output) {
        return (OnnxTensor) r.get(output).orElseThrow(() -> new AnimataException("the model gave no '" + output + "'"));
    }

    /** @return the present key and value tensors of a run, layer by layer (owned by the result) */
    private OnnxTensor[] presents(OrtSession.Result r) {
        OnnxTensor[] out = new OnnxTensor[2 * layers];
        for (int l = 0; l < layers; l++) {
            out[2 * l] = presentOf(r, presentKeyNames[l]);
            out[2 * l + 1] = presentOf(r, presentValueNames[l]);
        }
        return out;
    }

    /**
     * @return each tensor's elements as an array of their bytes in native order (ONNX Runtime copies an output
     *     whenever it is read)
     */
    private static byte[][] bytes(OnnxTensor[] tensors) {
        byte[][] out = new byte[tensors.length][];
        for (int t = 0; t < tensors.length; t++) {
            ByteBuffer buf = tensors[t].getByteBuffer();
            if (buf.hasArray() && buf.arrayOffset() == 0 && buf.array().length == buf.remaining()) {
                out[t] = buf.array();
            } else {
                out[t] = new byte[buf.remaining()];
                buf.get(out[t]);
            }
        }
        return out;
    }

    /**
     * @return the logits' elements: a float buffer for float32 logits, the raw halves for float16 ones (widened by
     *     {@link #copyLogits} only where read: a prompt's logits of every position are mostly never looked at)
     */
    private static Buffer readLogits(OnnxTensor logits) {
        return logits.getInfo().type == OnnxJavaType.FLOAT16 ? logits.getShortBuffer() : logits.getFloatBuffer();
    }

    /** Copies {@code n} logits from element {@code from} of a buffer {@link #readLogits} gave into {@code out}. */
    private static void copyLogits(Buffer all, int from, float[] out, int offset, int n) {
        if (all instanceof FloatBuffer floats) {
            floats.get(from, out, offset, n);
            return;
        }
        ShortBuffer halves = (ShortBuffer) all;
        for (int i = 0; i < n; i++) {
            out[offset + i] = Fp16Conversions.fp16ToFloat(halves.get(from + i));
        }
    }

    /** @return the logits of the last {@code rows} positions of a run, {@code [rows * vocab]} */
    private float[] allLogits(OrtSession.Result r, int rows) {
        OnnxTensor logits = (OnnxTensor) r.get("logits").orElseThrow(
                () -> new AnimataException("model '" + name + "' gave no 'logits'"));
        long[] shape = logits.getInfo().getShape();
        int vocab = (int) shape[shape.length - 1];
        vocabSize = vocab;
        Buffer all = readLogits(logits);
        float[] out = new float[rows * vocab];
        copyLogits(all, all.limit() - rows * vocab, out, 0, rows * vocab);
        return out;
    }

    /** Copies the last position's logits of a run into {@code row}, growing it if needed; returns it. */
    private float[] lastLogits(OrtSession.Result r, float[] row) {
        OnnxTensor logits = (OnnxTensor) r.get("logits").orElseThrow(
                () -> new AnimataException("model '" + name + "' gave no 'logits'"));
        long[] shape = logits.getInfo().getShape();
        int vocab = (int) shape[shape.length - 1];
        vocabSize = vocab;
        float[] out = row.length == vocab ? row : new float[vocab];
        Buffer all = readLogits(logits);
        copyLogits(all, all.limit() - vocab, out, 0, vocab);
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new AnimataException("language model '" + name + "' is closed");
        }
    }

    @Override
    public Generation start(GenerationRequest request, TextSink sink) {
        requireOpen();
        int maxTokens = Math.max(1, Math.min(request.maxTokens(), contextLength / 2));
        int budget = contextLength - maxTokens;
        int[] prompt;
        List<String> stops = new ArrayList<>(request.stopStrings());
        if (request.isChat()) {
            // the fitter counts each candidate by encoding it: keep the last encoding, which is the one that fits
            List<?>[] lastMessages = {null};
            int[][] lastTokens = {null};
            PromptFitter.Fitted fitted = PromptFitter.fit(request.messages(), messages -> {
                lastMessages[0] = messages;
                lastTokens[0] = promptEncoder.encode(template.render(messages));
                return lastTokens[0].length;
            }, budget);
            prompt = lastMessages[0] == fitted.messages() ? lastTokens[0]
                    : promptEncoder.encode(template.render(fitted.messages()));
            stops.addAll(template.stopStrings());
        } else {
            prompt = tokenizer.encode(request.prompt(), true);
        }
        if (prompt.length == 0) {
            throw new AnimataException("the prompt is empty after tokenising; give some text to continue");
        }
        if (prompt.length > budget) {
            prompt = java.util.Arrays.copyOfRange(prompt, prompt.length - budget, prompt.length);
        }
        TextConstraint constraint = request.constraint();
        TokenGuide guide = constraint == null ? null : new TokenGuide(constraint, () -> masksFor(constraint));
        return new OnnxGeneration(prompt, new Sampler(request.sampling(), request.seed(), guide),
                new StopStringMatcher(stops), sink, maxTokens);
    }

    /** Token texts of the vocabulary, made at the first constrained generation; worker-confined. */
    private TokenTexts tokenTexts;
    /** Masks of recently used constraints, by instance; worker-confined. */
    private final Map<TextConstraint, TokenMasks> masks = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TextConstraint, TokenMasks> eldest) {
            return size() > 32;
        }
    };

    /** @return the masks of {@code constraint} for this model's vocabulary (cached per constraint instance) */
    private synchronized TokenMasks masksFor(TextConstraint constraint) {
        int vocab = vocabSize;
        if (vocab < 1) {
            throw new AnimataException("model '" + name + "' does not say its vocabulary size (no static logits"
                    + " shape, no vocab_size in config.json); constrained decoding needs it");
        }
        if (tokenTexts == null || tokenTexts.size() != vocab) {
            tokenTexts = TokenTexts.of(tokenizer, vocab);
            masks.clear();
        }
        return masks.computeIfAbsent(constraint, c -> new TokenMasks(c, tokenTexts, eosIds));
    }

    private boolean isEos(int token) {
        for (int id : eosIds) {
            if (id == token) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes several generations one step each. Those that have read their prompt go together in one model call
     * on a left-padded batch (the attention mask hides the padding, the position ids keep each sequence's own
     * positions), whose KV cache is kept as it is while the same generations go on together and re-packed only when
     * one ends or joins; the others step alone. Models without a cache or without {@code position_ids} step each in
     * turn.
     */
    @Override
    public void stepAll(Generation[] generations, int count, StepStatus[] statuses, RuntimeException[] errors) {
        if (!hasCache || !positionIds || count < 2) {
            LanguageModel.super.stepAll(generations, count, statuses, errors);
            return;
        }
        List<OnnxGeneration> ready = new ArrayList<>(count);
        List<OnnxGeneration> fresh = new ArrayList<>(count);
        int[] readyIndex = new int[count];
        int[] freshIndex = new int[count];
        for (int i = 0; i < count; i++) {
            errors[i] = null;
            if (generations[i] instanceof OnnxGeneration g && g.owner() == this && g.reason == null) {
                if (g.cached > 0 && g.cached == g.count - 1) {
                    // one token to read: a decode step (also the last token of a prompt read in chunks)
                    readyIndex[ready.size()] = i;
                    ready.add(g);
                } else if (g.readsPrompt() && g.uncachedPrompt() <= promptChunk) {
                    // a prompt longer than a chunk is read alone, a chunk per round
                    freshIndex[fresh.size()] = i;
                    fresh.add(g);
                }
            }
        }
        boolean decodeTogether = ready.size() >= 2;
        boolean prefillTogether = fresh.size() >= 2;
        if (!decodeTogether && !prefillTogether) {
            LanguageModel.super.stepAll(generations, count, statuses, errors);
            return;
        }
        for (int i = 0; i < count; i++) {
            Generation g = generations[i];
            if (!(decodeTogether && ready.contains(g)) && !(prefillTogether && fresh.contains(g))) {
                try {
                    statuses[i] = g.step();
                } catch (RuntimeException e) {
                    statuses[i] = StepStatus.DONE;
                    errors[i] = e;
                }
            }
        }
        if (decodeTogether) {
            stepTogether(ready, readyIndex, statuses, errors, false);
        }
        if (prefillTogether) {
            // the new batch becomes the one to reuse only when no other was decoded this round
            stepTogether(fresh, freshIndex, statuses, errors, !decodeTogether);
        }
    }

    /** One batched call for {@code members}: a decode step of generations with caches, or their prompts read together. */
    private void stepTogether(List<OnnxGeneration> members, int[] index, StepStatus[] statuses,
            RuntimeException[] errors, boolean keepAsBatch) {
        int[] next;
        try {
            next = members.get(0).cached > 0 ? batchStep(members) : prefillStep(members, keepAsBatch);
        } catch (RuntimeException e) {
            for (int j = 0; j < members.size(); j++) {
                members.get(j).finish(FinishReason.STOP);
                statuses[index[j]] = StepStatus.DONE;
                errors[index[j]] = e;
            }
            return;
        }
        for (int j = 0; j < members.size(); j++) {
            try {
                statuses[index[j]] = members.get(j).accept(next[j]);
            } catch (RuntimeException e) {
                statuses[index[j]] = StepStatus.DONE;
                errors[index[j]] = e;
            }
        }
    }

    /**
     * Reads the prompts of generations that have no cache yet in one call. A prompt may start from a cached prefix
     * ({@link PrefixCache}); the rows read are each prompt's last {@code L} tokens, {@code L} the longest part any
     * member must read, so that every row's cache ends up contiguous and right-aligned: {@code [padding | past |
     * read]}, the padding masked, as after a decode step. A member with a shorter part re-reads a few prefix tokens,
     * which gives the same cache. Their caches become one batch.
     */
    private int[] prefillStep(List<OnnxGeneration> fresh, boolean keepAsBatch) {
        int b = fresh.size();
        PrefixCache.Hit[] hits = new PrefixCache.Hit[b];
        int reading = 1;
        for (int j = 0; j < b; j++) {
            OnnxGeneration g = fresh.get(j);
            hits[j] = prefixes.enabled() ? prefixes.lookup(g.tokens, g.promptLength - 1) : null;
            reading = Math.max(reading, g.count - (hits[j] == null ? 0 : hits[j].length()));
        }
        int[] pastLength = new int[b];
        int pastWidth = 0;
        for (int j = 0; j < b; j++) {
            pastLength[j] = Math.max(0, fresh.get(j).count - reading);
            pastWidth = Math.max(pastWidth, pastLength[j]);
        }
        int width = pastWidth + reading;
        int[] pad = new int[b];
        OrtEnvironment env = onnx.environment();
        List<OnnxTensor> made = new ArrayList<>(4 + 2 * layers);
        OrtSession.Result r;
        try {
            LongBuffer ids = LongBuffer.allocate(b * reading);
            LongBuffer positions = LongBuffer.allocate(b * reading);
            LongBuffer mask = LongBuffer.allocate(b * width);
            for (int j = 0; j < b; j++) {
                OnnxGeneration g = fresh.get(j);
                pad[j] = width - g.count;
                for (int t = 0; t < pastWidth; t++) {
                    mask.put(t >= pastWidth - pastLength[j] ? 1L : 0L);
                }
                for (int t = 0; t < reading; t++) {
                    int at = g.count - reading + t;
                    ids.put(at >= 0 ? g.tokens[at] : 0L);
                    positions.put(Math.max(0, at));
                    mask.put(at >= 0 ? 1L : 0L);
                }
            }
            ids.flip();
            positions.flip();
            mask.flip();
            Map<String, OnnxTensorLike> feeds = new HashMap<>();
            feeds.put("input_ids", keep(made, OnnxTensor.createTensor(env, ids, new long[] {b, reading})));
            feeds.put("position_ids", keep(made, OnnxTensor.createTensor(env, positions, new long[] {b, reading})));
            feeds.put("attention_mask", keep(made, OnnxTensor.createTensor(env, mask, new long[] {b, width})));
            if (cacheBranch) {
                feeds.put("use_cache_branch", keep(made, OnnxTensor.createTensor(env, new boolean[] {pastWidth > 0})));
            }
            long[] pastShape = {b, kvHeads, pastWidth, headDim};
            for (int t = 0; t < 2 * layers; t++) {
                ByteBuffer packed = pastWidth == 0 ? ByteBuffer.allocate(0)
                        : packBuffer(t, b * kvHeads * pastWidth * positionBytes);
                for (int j = 0; j < b && pastWidth > 0; j++) {
                    zeroPadding(packed, j, pastWidth, pastWidth - pastLength[j]);
                    if (pastLength[j] == 0) {
                        continue;
                    }
                    PrefixCache.KvRows rows = hits[j].entry().rows;
                    for (int h = 0; h < kvHeads; h++) {
                        int to = ((j * kvHeads + h) * pastWidth + pastWidth - pastLength[j]) * positionBytes;
                        packed.put(to, rows.tensors()[t], rows.offset(h, 0), pastLength[j] * positionBytes);
                    }
                }
                packed.rewind();
                OnnxTensor past = keep(made, kvType.tensor(env, packed, pastShape));
                feeds.put(t % 2 == 0 ? pastKeyNames[t / 2] : pastValueNames[t / 2], past);
            }
            r = onnx.runTensors(feeds);
        } catch (OrtException e) {
            throw new AnimataException("cannot make the batched prompt inputs of model '" + name + "': "
                    + e.getMessage(), e);
        } finally {
            made.forEach(OnnxTensor::close);
        }
        batchedPrefills++;
        BatchCache cache = new BatchCache();
        cache.members = fresh.toArray(new OnnxGeneration[0]);
        cache.pad = pad;
        cache.width = width;
        cache.result = r;
        for (int j = 0; j < b; j++) {
            OnnxGeneration g = fresh.get(j);
            g.batched = cache;
            g.batchRow = j;
            g.cached = g.count;
        }
        if (keepAsBatch) {
            batch = cache;
        }
        OnnxTensor logits = (OnnxTensor) r.get("logits").orElseThrow(
                () -> new AnimataException("model '" + name + "' gave no 'logits'"));
        long[] shape = logits.getInfo().getShape();
        int vocab = (int) shape[shape.length - 1];
        int positionsOut = shape.length == 3 ? (int) shape[1] : 1; // the positions read
        vocabSize = vocab;
        Buffer all = readLogits(logits);
        // every row's prompt is kept: the rows share one copy of each output
        byte[][] arrays = prefixes.enabled() ? bytes(presents(r)) : null;
        int[] tokens = new int[b];
        for (int j = 0; j < b; j++) {
            OnnxGeneration g = fresh.get(j);
            if (g.row.length != vocab) {
                g.row = new float[vocab];
            }
            copyLogits(all, ((j + 1) * positionsOut - 1) * vocab, g.row, 0, vocab);
            if (arrays != null) {
                prefixes.store(java.util.Arrays.copyOf(g.tokens, g.promptLength),
                        new PrefixCache.KvRows(arrays, j, kvHeads, width, pad[j], positionBytes));
            }
            tokens[j] = g.sampler.sample(g.row, 0, vocab, g.tokens, g.count);
        }
        return tokens;
    }

    /** The shared cache of generations decoded together; worker-confined. */
    private BatchCache batch;
    private volatile long batchedRounds;
    private volatile long repacks;
    private volatile long batchedPrefills;

    /** @return calls that read several prompts together, made by {@link #stepAll} so far */
    public long batchedPrefills() {
        return batchedPrefills;
    }

    /** @return batched decode calls made by {@link #stepAll} so far */
    public long batchedRounds() {
        return batchedRounds;
    }

    /** @return prompts that started from a cached prefix instead of being read whole */
    public long prefixCacheHits() {
        return prefixes.hits;
    }

    /** @return prompt tokens taken from the prefix cache instead of being read */
    public long prefixTokensReused() {
        return prefixes.tokensReused;
    }

    /** @return times a batch's KV cache was re-packed because a generation joined or left */
    public long repacks() {
        return repacks;
    }

    /**
     * Generations decoded together: their KV caches as rows of one tensor per layer, {@code [members, heads, width,
     * headDim]}, row j starting after {@code pad[j]} positions of padding.
     */
    private static final class BatchCache {
        OnnxGeneration[] members;
        int[] pad;
        int width;
        OrtSession.Result result;

        /** @return rows whose generation has not left */
        int live() {
            int n = 0;
            for (OnnxGeneration m : members) {
                n += m == null ? 0 : 1;
            }
            return n;
        }
    }

    /** One batched decode step; returns each generation's next token (not yet accepted). */
    private int[] batchStep(List<OnnxGeneration> ready) {
        int b = ready.size();
        BatchCache reuse = batch;
        // the last batch goes on as it is while it holds exactly these generations, also when some of its rows have
        // ended: an ended row is stepped on with a dummy token (cheaper than re-packing every live row's cache,
        // which copies the whole batch out of ONNX Runtime) until fewer than a quarter of the rows are live
        boolean same = reuse != null && reuse.live() == b && 4 * b >= reuse.members.length;
        for (int j = 0; same && j < b; j++) {
            same = ready.get(j).batched == reuse;
        }
        OnnxTensor[] past;
        List<OnnxTensor> made = new ArrayList<>();
        int width;
        int[] pad;
        OnnxGeneration[] rows;
        if (same) {
            past = presents(reuse.result);
            width = reuse.width;
            pad = reuse.pad;
            rows = reuse.members.clone();
        } else {
            rows = ready.toArray(new OnnxGeneration[0]);
            // re-pack: every member's cache as a row, shorter ones padded on the left
            int[] lengths = new int[b];
            width = 0;
            for (int j = 0; j < b; j++) {
                lengths[j] = ready.get(j).cached;
                width = Math.max(width, lengths[j]);
            }
            pad = new int[b];
            for (int j = 0; j < b; j++) {
                pad[j] = width - lengths[j];
            }
            past = new OnnxTensor[2 * layers];
            int bytes = b * kvHeads * width * positionBytes;
            // members that come from the same old batch share its tensors: read each source once per tensor (ONNX
            // Runtime copies an output's whole buffer on every read), not once per member
            Map<OnnxTensor, ByteBuffer> read = new java.util.IdentityHashMap<>();
            for (int t = 0; t < 2 * layers; t++) {
                ByteBuffer packed = packBuffer(t, bytes);
                read.clear();
                for (int j = 0; j < b; j++) {
                    if (!ready.get(j).copyCacheRow(t, read, packed, j, width, pad[j])) {
                        pad[j] = width; // nothing cached: the whole row is padding
                    }
                    zeroPadding(packed, j, width, pad[j]);
                }
                packed.rewind();
                try {
                    past[t] = kvType.tensor(onnx.environment(), packed, new long[] {b, kvHeads, width, headDim});
                } catch (OrtException e) {
                    made.forEach(OnnxTensor::close);
                    throw new AnimataException("cannot pack the KV caches of model '" + name + "': " + e.getMessage(), e);
                }
                made.add(past[t]);
            }
        }
        OrtSession.Result r;
        batchedRounds++;
        if (!same) {
            repacks++;
        }
        try {
            r = runBatch(rows, past, width, pad);
        } finally {
            made.forEach(OnnxTensor::close);
        }
        // the members' caches now live in r: free what held them before (a batch is freed with its last member)
        BatchCache next = new BatchCache();
        next.members = rows;
        next.pad = pad;
        next.width = width + 1;
        next.result = r;
        int[] rowOf = new int[b];
        for (int j = 0; j < b; j++) {
            OnnxGeneration g = ready.get(j);
            rowOf[j] = same ? g.batchRow : j;
            g.dropOwnCache();
            g.leaveBatch();
            g.batched = next;
            g.batchRow = rowOf[j];
            g.cached = g.count;
        }
        batch = next;
        OnnxTensor logits = (OnnxTensor) r.get("logits").orElseThrow(
                () -> new AnimataException("model '" + name + "' gave no 'logits'"));
        long[] shape = logits.getInfo().getShape();
        int vocab = (int) shape[shape.length - 1];
        vocabSize = vocab;
        Buffer all = readLogits(logits);
        int[] tokens = new int[b];
        for (int j = 0; j < b; j++) {
            OnnxGeneration g = ready.get(j);
            if (g.row.length != vocab) {
                g.row = new float[vocab];
            }
            copyLogits(all, rowOf[j] * vocab, g.row, 0, vocab);
            tokens[j] = g.sampler.sample(g.row, 0, vocab, g.tokens, g.count);
        }
        return tokens;
    }

    /** Direct buffers the re-packed caches are written into, one per key/value tensor, reused (worker only). */
    private ByteBuffer[] packBuffers;

    /** Zeros to clear padding with (all-zero bytes are 0.0 in float32 and in float16). */
    private static final byte[] ZEROS = new byte[16384];

    /** Zeros the first {@code padding} positions of row {@code j}'s heads in a packed {@code [rows, heads, width, headDim]} buffer. */
    private void zeroPadding(ByteBuffer packed, int j, int width, int padding) {
        for (int h = 0; h < kvHeads; h++) {
            int at = (j * kvHeads + h) * width * positionBytes;
            for (int left = padding * positionBytes; left > 0; ) {
                int n = Math.min(left, ZEROS.length);
                packed.put(at, ZEROS, 0, n);
                at += n;
                left -= n;
            }
        }
    }

    /**
     * @return a direct buffer of {@code bytes} for key/value tensor {@code t}, reused across re-packs (ONNX Runtime
     *     reads a direct buffer in place; its tensor is closed before the next re-pack); old contents stay, so the
     *     caller writes every position: the rows, and zeros over the padding ({@link #zeroPadding})
     */
    private ByteBuffer packBuffer(int t, int bytes) {
        if (packBuffers == null) {
            packBuffers = new ByteBuffer[2 * layers];
        }
        ByteBuffer buf = packBuffers[t];
        if (buf == null || buf.capacity() < bytes) {
            int capacity = Math.max(bytes, buf == null ? 0 : buf.capacity() + buf.capacity() / 2);
            buf = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
            packBuffers[t] = buf;
        }
        buf.clear();
        buf.limit(bytes);
        return buf;
    }

    /** One decode step of a batch's rows; a null row (its generation ended) is fed a dummy token. */
    private OrtSession.Result runBatch(OnnxGeneration[] rows, OnnxTensor[] past, int width, int[] pad) {
        int b = rows.length;
        OrtEnvironment env = onnx.environment();
        List<OnnxTensor> made = new ArrayList<>(4);
        try {
            LongBuffer ids = LongBuffer.allocate(b);
            LongBuffer positions = LongBuffer.allocate(b);
            LongBuffer mask = LongBuffer.allocate(b * (width + 1));
            for (int j = 0; j < b; j++) {
                OnnxGeneration g = rows[j];
                ids.put(g == null ? 0L : g.tokens[g.count - 1]);
                positions.put(g == null ? 0L : g.count - 1);
                for (int t = 0; t <= width; t++) {
                    mask.put(t < pad[j] ? 0L : 1L);
                }
            }
            ids.flip();
            positions.flip();
            mask.flip();
            Map<String, OnnxTensorLike> feeds = new HashMap<>();
            feeds.put("input_ids", keep(made, OnnxTensor.createTensor(env, ids, new long[] {b, 1})));
            feeds.put("position_ids", keep(made, OnnxTensor.createTensor(env, positions, new long[] {b, 1})));
            feeds.put("attention_mask", keep(made, OnnxTensor.createTensor(env, mask, new long[] {b, width + 1})));
            if (cacheBranch) {
                feeds.put("use_cache_branch", keep(made, OnnxTensor.createTensor(env, new boolean[] {true})));
            }
            for (int l = 0; l < layers; l++) {
                feeds.put(pastKeyNames[l], past[2 * l]);
                feeds.put(pastValueNames[l], past[2 * l + 1]);
            }
            return onnx.runTensors(feeds);
        } catch (OrtException e) {
            throw new AnimataException("cannot make the batched inputs of model '" + name + "': " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : made) {
                t.close();
            }
        }
    }

    private final class OnnxGeneration implements Generation {
        private final int[] tokens;
        private final int promptLength;
        private final Sampler sampler;
        private final StopStringMatcher stops;
        private final TextSink sink;
        private final int maxTokens;
        private final TokenTextStream text;
        private int count;
        /** Tokens whose keys and values are cached (all but the last sampled one, once the prompt was read). */
        private int cached;
        /** This generation's own cache, when it is not in a batch. */
        private OrtSession.Result own;
        /** The batch whose rows hold this generation's cache, and its row; -1 when not batched. */
        private BatchCache batched;
        private int batchRow = -1;
        private float[] row = new float[0];
        private FinishReason reason;

        OnnxGeneration(int[] prompt, Sampler sampler, StopStringMatcher stops, TextSink sink, int maxTokens) {
            this.tokens = java.util.Arrays.copyOf(prompt, prompt.length + maxTokens);
            this.promptLength = prompt.length;
            this.count = prompt.length;
            this.sampler = sampler;
            this.stops = stops;
            this.sink = sink;
            this.maxTokens = maxTokens;
            this.text = new TokenTextStream(tokenizer, true);
            text.prime(prompt, 0, prompt.length);
        }

        OnnxLanguageModel owner() {
            return OnnxLanguageModel.this;
        }

        /** @return whether its next step reads its prompt (it has no cache yet; it may start from a cached prefix) */
        boolean readsPrompt() {
            return cached == 0 && own == null && batched == null && count == promptLength;
        }

        /** @return the prompt tokens a read would take, after the longest cached prefix */
        int uncachedPrompt() {
            PrefixCache.Hit hit = prefixes.enabled() ? prefixes.peek(tokens, promptLength - 1) : null;
            return count - (hit == null ? 0 : hit.length());
        }

        @Override
        public StepStatus step() {
            if (reason != null) {
                return StepStatus.DONE;
            }
            OrtSession.Result r;
            try {
                if (!hasCache) {
                    r = run(tokens, 0, count, null, 0);
                } else {
                    OnnxTensor[] past = cacheTensors();
                    int to = Math.min(count, cached + promptChunk);
                    r = run(tokens, cached, to, past, cached);
                    if (to < count) {
                        // a chunk of a long prompt: keep its cache, read the next chunk next round
                        dropOwnCache();
                        leaveBatch();
                        own = r;
                        cached = to;
                        return StepStatus.PROGRESS;
                    }
                }
            } catch (RuntimeException e) {
                finish(FinishReason.STOP);
                throw e;
            }
            row = lastLogits(r, row);
            if (hasCache) {
                boolean readPrompt = count == promptLength;
                dropOwnCache();
                leaveBatch();
                own = r;
                cached = count;
                if (readPrompt && prefixes.enabled()) {
                    prefixes.store(java.util.Arrays.copyOf(tokens, promptLength),
                            new PrefixCache.KvRows(bytes(presents(own)), 0, kvHeads, cached, 0, positionBytes));
                }
            } else {
                r.close();
            }
            return accept(sampler.sample(row, 0, row.length, tokens, count));
        }

        /** @return the past tensors to feed: own, or this generation's row copied out of its batch; null when empty */
        private OnnxTensor[] cacheTensors() {
            if (own != null) {
                return presents(own);
            }
            if (batched == null && cached == 0) {
                return fromPrefixCache();
            }
            if (batched == null) {
                return null;
            }
            // leaving a batch to step alone (rare): copy this row out into tensors of its own
            byte[][] rows = cacheRows();
            OnnxTensor[] out = new OnnxTensor[2 * layers];
            try {
                for (int t = 0; t < out.length; t++) {
                    out[t] = kvType.tensor(onnx.environment(), ByteBuffer.wrap(rows[t]),
                            new long[] {1, kvHeads, cached, headDim});
                }
            } catch (OrtException e) {
                throw new AnimataException("cannot copy a KV cache of model '" + name + "': " + e.getMessage(), e);
            }
            leaveBatch();
            // the copies are owned by a throwaway result-like holder: wrap them in a one-off run below
            pendingCopies = out;
            return out;
        }

        /** Copies of a batch row made for one solo step; closed after it. */
        private OnnxTensor[] pendingCopies;

        /** Starts the prompt from the longest cached prefix, when one is long enough; null to read it all. */
        private OnnxTensor[] fromPrefixCache() {
            if (!prefixes.enabled()) {
                return null;
            }
            PrefixCache.Hit hit = prefixes.lookup(tokens, promptLength - 1);
            if (hit == null) {
                return null;
            }
            int len = hit.length();
            PrefixCache.KvRows rows = hit.entry().rows;
            OnnxTensor[] out = new OnnxTensor[2 * layers];
            try {
                for (int t = 0; t < out.length; t++) {
                    ByteBuffer slice = ByteBuffer.allocate(kvHeads * len * positionBytes);
                    for (int h = 0; h < kvHeads; h++) {
                        slice.put(rows.tensors()[t], rows.offset(h, 0), len * positionBytes);
                    }
                    slice.rewind();
                    out[t] = kvType.tensor(onnx.environment(), slice, new long[] {1, kvHeads, len, headDim});
                }
            } catch (OrtException e) {
                for (OnnxTensor t : out) {
                    if (t != null) {
                        t.close();
                    }
                }
                throw new AnimataException("cannot reuse a cached prompt of model '" + name + "': " + e.getMessage(), e);
            }
            cached = len;
            pendingCopies = out;
            return out;
        }

        /**
         * Writes this generation's cache for key/value tensor {@code t} as row {@code j} of a packed
         * {@code [rows, heads, width, headDim]} buffer (bytes), after {@code padding} positions; {@code read} keeps
         * the source buffers already read in this re-pack. Returns false when there is nothing cached to copy.
         */
        boolean copyCacheRow(int t, Map<OnnxTensor, ByteBuffer> read, ByteBuffer packed, int j, int width,
                int padding) {
            OnnxTensor[] source = own != null ? presents(own) : batched != null ? presents(batched.result) : null;
            int len = cached;
            if (source == null || len == 0) {
                return false;
            }
            int sourceWidth = own != null ? cached : batched.width;
            int sourceRow = own != null ? 0 : batchRow;
            int sourcePadding = own != null ? 0 : batched.pad[batchRow];
            ByteBuffer all = read.computeIfAbsent(source[t], OnnxTensor::getByteBuffer);
            for (int h = 0; h < kvHeads; h++) {
                int from = ((sourceRow * kvHeads + h) * sourceWidth + sourcePadding) * positionBytes;
                int to = ((j * kvHeads + h) * width + padding) * positionBytes;
                packed.put(to, all, from, len * positionBytes);
            }
            return true;
        }

        /** @return this generation's cache per key/value tensor as {@code [heads, cached, headDim]} elements' bytes */
        byte[][] cacheRows() {
            byte[][] rows = new byte[2 * layers][];
            OnnxTensor[] source = own != null ? presents(own) : batched != null ? presents(batched.result) : null;
            int len = cached;
            int width = own != null ? cached : batched != null ? batched.width : 0;
            int rowIndex = own != null ? 0 : batchRow;
            int padding = own != null ? 0 : batched != null ? batched.pad[batchRow] : 0;
            for (int t = 0; t < rows.length; t++) {
                byte[] out = new byte[kvHeads * len * positionBytes];
                if (source != null && len > 0) {
                    ByteBuffer all = source[t].getByteBuffer();
                    for (int h = 0; h < kvHeads; h++) {
                        all.get(((rowIndex * kvHeads + h) * width + padding) * positionBytes, out,
                                h * len * positionBytes, len * positionBytes);
                    }
                }
                rows[t] = out;
            }
            return rows;
        }

        void dropOwnCache() {
            if (own != null) {
                own.close();
                own = null;
            }
            if (pendingCopies != null) {
                for (OnnxTensor t : pendingCopies) {
                    t.close();
                }
                pendingCopies = null;
            }
        }

        private void leaveBatch() {
            if (batched != null) {
                BatchCache b = batched;
                b.members[batchRow] = null;
                batched = null;
                batchRow = -1;
                boolean empty = true;
                for (OnnxGeneration m : b.members) {
                    empty &= m == null;
                }
                if (empty) {
                    b.result.close();
                    if (batch == b) {
                        batch = null;
                    }
                }
            }
        }

        /** Takes a sampled token: the end, or text for the sink. */
        StepStatus accept(int token) {
            TokenGuide guide = sampler.guide();
            if (guide != null) {
                guide.advance(token);
            }
            if (isEos(token)) {
                stops.flush(sink);
                finish(FinishReason.STOP);
                return StepStatus.DONE;
            }
            tokens[count++] = token;
            String piece = text.next(token);
            if (!piece.isEmpty() && stops.accept(piece, sink)) {
                finish(FinishReason.STOP);
                return StepStatus.DONE;
            }
            if (count - promptLength >= maxTokens || count >= contextLength) {
                stops.flush(sink);
                finish(FinishReason.LENGTH);
                return StepStatus.DONE;
            }
            return StepStatus.PROGRESS;
        }

        private void finish(FinishReason why) {
            if (reason == null) {
                reason = why;
            }
            dropOwnCache();
            leaveBatch();
        }

        @Override
        public FinishReason finishReason() {
            return reason;
        }

        @Override
        public int promptTokens() {
            return promptLength;
        }

        @Override
        public int generatedTokens() {
            return count - promptLength;
        }

        @Override
        public void close() {
            finish(FinishReason.CANCELLED);
        }
    }

    /** Frees the session, the empty cache tensors and the tokenizer. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (OnnxTensor t : emptyPast) {
            t.close();
        }
        prefixes.clear();
        onnx.close();
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "OnnxLanguageModel[" + name + ", " + folder + ", " + template + ", " + onnx.device() + "]";
    }

    /** Builds an {@link OnnxLanguageModel}. {@link #setModelFolder} is required. Not thread-safe. */
    public static final class Builder {
        private Path folder;
        private OnnxSessionConfig sessionConfig = OnnxSessionConfig.DEFAULT;
        private ChatTemplate template;
        private int contextLength;
        private String name;
        private int prefixCacheTokens = 8192;
        private int promptChunk = 256;

        private Builder() {
        }

        /**
         * Prompt tokens whose keys and values are kept so that a prompt starting like a recent one (the same persona
         * and rules, the conversation so far) is read only from where it differs (default 8192; 0 turns it off).
         */
        public Builder optPrefixCacheTokens(int tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("prefix cache tokens must be >= 0, was " + tokens);
            }
            this.prefixCacheTokens = tokens;
            return this;
        }

        /**
         * The most prompt tokens read in one model call (default 256). A longer prompt is read over several rounds,
         * one call each, so that one long prompt does not hold the worker for the whole of its reading: the other
         * conversations keep streaming and the worker keeps to its per-frame budget. Lower it for a large model on
         * a CPU, where 256 tokens take longer than a frame's budget; models without a KV cache read whole sequences.
         */
        public Builder optPromptChunk(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("prompt chunk must be at least 1 token, was " + tokens);
            }
            this.promptChunk = tokens;
            return this;
        }

        /** Required: the model folder (or its {@code .onnx} file, with tokenizer.json beside it). */
        public Builder setModelFolder(Path path) {
            this.folder = path;
            return this;
        }

        /** Threads and device (default {@link OnnxSessionConfig#DEFAULT}: CUDA when present, one thread). */
        public Builder optSessionConfig(OnnxSessionConfig config) {
            this.sessionConfig = config;
            return this;
        }

        /** The chat template (default: from tokenizer_config.json and config.json). */
        public Builder optChatTemplate(ChatTemplate chatTemplate) {
            this.template = chatTemplate;
            return this;
        }

        /** A shorter context than the model's, to bound memory and prompt time (default the model's, at most 8192). */
        public Builder optContextLength(int tokens) {
            if (tokens < 8) {
                throw new IllegalArgumentException("context length must be at least 8, was " + tokens);
            }
            this.contextLength = tokens;
            return this;
        }

        /** A name for logs (default the folder's name). */
        public Builder optName(String modelName) {
            this.name = modelName;
            return this;
        }

        /**
         * Loads the model (slow: keep it off the game thread).
         *
         * @throws AnimataException when a file is missing or the model is not a supported decoder
         */
        public OnnxLanguageModel build() {
            if (folder == null) {
                throw new IllegalStateException("OnnxLanguageModel.Builder.setModelFolder(...) is required");
            }
            return new OnnxLanguageModel(this);
        }
    }
}
