package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens a language model from what a person would type: an {@code http(s)://} URL (an OpenAI-compatible server), a
 * folder or {@code .onnx} file (an ONNX decoder with its tokenizer.json), or a {@code .gguf} file (llama.cpp, through
 * {@link LlamaCppModel}; needs the optional dependency {@code de.kherud:llama}).
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
     * @param session threads and device for ONNX models; its thread count is also llama.cpp's for GGUF models
     * @param serverModel the model name to ask a server for; null to take the server's first
     * @param template the chat template of a local model; null to take it from the model (folder or GGUF metadata)
     * @param contextLength a context shorter than the model's (ONNX, GGUF) or the server's context; 0 for the default
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
            return openGguf(Path.of(s), options);
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

    /**
     * Opens a GGUF file with llama.cpp: the header is checked in Java first, so that a wrong or broken file is
     * reported without loading native code; then the binding's presence.
     */
    private static LanguageModel openGguf(Path file, Options options) {
        GgufFile.read(file);
        try {
            Class.forName("de.kherud.llama.LlamaModel", false, LanguageModels.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AnimataException("GGUF models need llama.cpp's Java binding, which is not on the class path: add"
                    + " the dependency de.kherud:llama:4.2.0 to the game (the animata command line has it), or serve "
                    + file + " with llama-server and pass its http:// URL", e);
        }
        LlamaCppModel.Builder b = LlamaCppModel.builder().setModelFile(file)
                .optThreads(Math.max(1, options.session().intraOpThreads()));
        if (options.template() != null) {
            b.optChatTemplate(options.template());
        }
        if (options.contextLength() > 0) {
            b.optContextLength(options.contextLength());
        }
        return b.build();
    }
}
