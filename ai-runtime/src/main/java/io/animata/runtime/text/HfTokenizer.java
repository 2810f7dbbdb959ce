package io.animata.runtime.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (BPE, WordPiece, Unigram or WordLevel, with its normalizer, pre-tokenizer,
 * post-processor and decoder) through DJL's binding to the Rust {@code tokenizers} library. The file is read from
 * disk; nothing is downloaded. No truncation and no padding: the caller fits prompts into the context itself.
 *
 * <p>Needs {@code ai.djl.huggingface:tokenizers} on the class path (an optional dependency of ai-runtime).
 *
 * <p>Threading: one thread at a time; {@link #close} is idempotent.
 *
 * <pre>{@code
 * try (HfTokenizer tokenizer = HfTokenizer.load(Path.of("models/qwen/tokenizer.json"))) {
 *     int[] ids = tokenizer.encode("Hello there", false);
 * }
 * }</pre>
 */
public final class HfTokenizer implements Tokenizer {
    private final HuggingFaceTokenizer tokenizer;
    private final String source;
    private boolean closed;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, String source) {
        this.tokenizer = tokenizer;
        this.source = source;
    }

    /**
     * @param file a {@code tokenizer.json}, or a folder holding one
     * @throws AnimataException when the file is missing or not a tokenizer, or the tokenizers library is not on the
     *     class path
     */
    public static HfTokenizer load(Path file) {
        Path json = Files.isDirectory(file) ? file.resolve("tokenizer.json") : file;
        if (!Files.isRegularFile(json)) {
            throw new AnimataException("tokenizer file not found: " + json.toAbsolutePath()
                    + " (a Hugging Face tokenizer.json next to the model)");
        }
        try {
            Class.forName("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer");
        } catch (ClassNotFoundException e) {
            throw new AnimataException("reading " + json + " needs ai.djl.huggingface:tokenizers on the class path "
                    + "(an optional dependency of animata-ai-runtime: declare it in your build)", e);
        }
        try {
            HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(json, Map.of(
                    "addSpecialTokens", "false",
                    "truncation", "false",
                    "padding", "false"));
            return new HfTokenizer(hf, json.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            throw new AnimataException("cannot load tokenizer " + json.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int[] encode(String text, boolean addSpecialTokens) {
        requireOpen();
        long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    @Override
    public String decode(int[] ids, int from, int to, boolean skipSpecialTokens) {
        requireOpen();
        long[] wide = new long[to - from];
        for (int i = from; i < to; i++) {
            wide[i - from] = ids[i];
        }
        return tokenizer.decode(wide, skipSpecialTokens);
    }

    private void requireOpen() {
        if (closed) {
            throw new AnimataException("tokenizer " + source + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tokenizer.close();
        }
    }

    @Override
    public String toString() {
        return "HfTokenizer[" + source + "]";
    }
}
