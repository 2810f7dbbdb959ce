package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens a language model from what a person would type: an {@code http(s)://} URL (an OpenAI-compatible server), a
 * folder or {@code .onnx} file (an ONNX decoder with its tokenizer.json), or a {@code .gguf} file (not supported in
 * this build: the message says what to do instead).
 *
 * <p>Threading: {@link #open} is slow for local models (it loads them); call it off the game thread.
 *
 * <pre>{@code
 * LanguageModel model = LanguageModels.open("models/qwen2.5-0.5b-instruct", LanguageModels.options());
 * LanguageModel server = LanguageModels.open("http://localhost:11434/v1",
 *         LanguageModels.options().withServerModel("qwen2.5:0.5b"));
 * }</pre>
 */
public final class LanguageModels {

    private LanguageModels() {
    }

    /**
     * How to open a model; every field has a default.
     *
     * @param session threads and device for ONNX models
     * @param serverModel the model name to ask a server for; null to take the server's first
     * @param template the chat template of an ONNX model; null to take it from the model folder
     * @param contextLength a context shorter than the model's (ONNX) or the server's context; 0 for the default
     * @param timeout a server's first-byte timeout (its stall timeout is a third of it, at least 2 s)
     */
    public record Options(OnnxSessionConfig session, String serverModel, ChatTemplate template, int contextLength,
            Duration timeout) {

        /** @return these options on another device and thread count */
        public Options withSession(OnnxSessionConfig config) {
            return new Options(config, serverModel, template, contextLength, timeout);
        }

        /** @return these options asking a server for another model */
        public Options withServerModel(String name) {
            return new Options(session, name, template, contextLength, timeout);
        }

        /** @return these options with a chat template chosen by hand */
        public Options withTemplate(ChatTemplate chatTemplate) {
            return new Options(session, serverModel, chatTemplate, contextLength, timeout);
        }

        /** @return these options with another context length */
        public Options withContextLength(int tokens) {
            return new Options(session, serverModel, template, tokens, timeout);
        }

        /** @return these options with another server timeout */
        public Options withTimeout(Duration d) {
            return new Options(session, serverModel, template, contextLength, d);
        }
    }

    /** @return the default options: {@link OnnxSessionConfig#DEFAULT}, the server's first model, a 30 s timeout */
    public static Options options() {
        return new Options(OnnxSessionConfig.DEFAULT, null, null, 0, Duration.ofSeconds(30));
    }

    /**
     * @param spec a URL, a model folder, an {@code .onnx} file, or a {@code .gguf} file
     * @throws AnimataException when nothing usable is there, naming what was expected
     */
    public static LanguageModel open(String spec, Options options) {
        if (spec == null || spec.isBlank()) {
            throw new AnimataException("no model given: pass an ONNX model folder, a .gguf file or an http(s):// URL");
        }
        String s = spec.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            Duration timeout = options.timeout();
            OpenAiCompatibleModel.Builder b = OpenAiCompatibleModel.builder().setBaseUrl(s)
                    .optModel(options.serverModel())
                    .optFirstByteTimeout(timeout)
                    .optStallTimeout(Duration.ofMillis(Math.max(2000, timeout.toMillis() / 3)));
            if (options.contextLength() > 0) {
                b.optContextLength(options.contextLength());
            }
            return b.build();
        }
        if (lower.endsWith(".gguf")) {
            throw new AnimataException("GGUF models (llama.cpp) are not supported by this build yet: serve " + s
                    + " with llama.cpp's server (llama-server -m " + s + " --port 8080) and pass"
                    + " http://localhost:8080/v1, or export the model to ONNX (optimum-cli export onnx"
                    + " --task text-generation-with-past)");
        }
        Path path = Path.of(s);
        if (!Files.exists(path)) {
            throw new AnimataException("model not found: " + path.toAbsolutePath() + " (an ONNX model folder with"
                    + " tokenizer.json, a .gguf file, or an http(s):// URL of an OpenAI-compatible server)");
        }
        OnnxLanguageModel.Builder b = OnnxLanguageModel.builder().setModelFolder(path)
                .optSessionConfig(options.session());
        if (options.template() != null) {
            b.optChatTemplate(options.template());
        }
        if (options.contextLength() > 0) {
            b.optContextLength(options.contextLength());
        }
        return b.build();
    }
}
