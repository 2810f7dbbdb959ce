package io.animata.desktop;

import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.LanguageModels;
import io.animata.runtime.text.LlamaCppModel;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options that choose and open a language model, shared by {@code animata generate} and {@code animata chat}
 * (a picocli mixin).
 */
public final class LanguageModelOptions {
    @Option(names = "--model", paramLabel = "PATH",
            description = "an ONNX model folder (model.onnx + tokenizer.json), a .gguf file (run by llama.cpp "
                    + "on the CPU), or an http(s):// URL of an OpenAI-compatible server (Ollama, llama.cpp server, "
                    + "vLLM, LM Studio)")
    String model;

    @Option(names = "--server-model", paramLabel = "NAME",
            description = "the model name to ask a server for (default: the server's first)")
    String serverModel;

    @Option(names = "--device", converter = DeviceConverter.class,
            description = "auto, cpu or cuda, for ONNX models (default: auto)")
    DevicePreference device = DevicePreference.AUTO;

    @Option(names = "--threads", description = "threads per model call, for ONNX Runtime and llama.cpp (default: ${DEFAULT-VALUE})")
    int threads = 2;

    @Option(names = "--template", description = "chat template: chatml, llama3, mistral, phi3 or plain "
            + "(default: from the model folder or the GGUF file)")
    String template;

    @Option(names = "--context", description = "context length in tokens, to use less than the model's")
    int context;

    @Option(names = "--timeout-s", description = "a server's first-byte timeout in seconds (default: ${DEFAULT-VALUE})")
    double timeoutSeconds = 30;

    @Option(names = "--native-log", description = "let llama.cpp print its own log (for .gguf models that fail to load)")
    boolean nativeLog;

    /** @return whether --model was given */
    boolean hasModel() {
        return model != null && !model.isBlank();
    }

    /** Opens the model (slow for local models). */
    LanguageModel open() {
        LanguageModels.Options options = LanguageModels.options()
                .withSession(new OnnxSessionConfig(Math.max(1, threads), device, 0))
                .withServerModel(serverModel)
                .withTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
                .withContextLength(context);
        if (template != null) {
            options = options.withTemplate(ChatTemplate.forName(template));
        }
        if (nativeLog) {
            System.setProperty(LlamaCppModel.NATIVE_LOG_PROPERTY, "true");
        }
        return LanguageModels.open(model, options);
    }

    /** {@code auto}, {@code cpu} or {@code cuda}, any case. */
    static final class DeviceConverter implements ITypeConverter<DevicePreference> {
        @Override
        public DevicePreference convert(String value) {
            return DevicePreference.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
