package io.animata.desktop;

import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.GenerationResult;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.SamplingConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata generate}: prints the continuation of a raw prompt (no chat template) as it is generated, with any
 * backend: an ONNX model folder or an OpenAI-compatible server URL. Last line:
 * {@code RESULT generated_tokens=.. prompt_tokens=.. ttft_ms=.. tokens_per_s=.. finish=.. device=..}.
 *
 * <p>Threading: runs on the main thread, which steps the generation itself (no game loop here).
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Continue a raw prompt with a language model, streaming the text as it is generated.",
            "PATH is an ONNX model folder (Hugging Face Optimum layout, with tokenizer.json) or the URL of an "
                    + "OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama).",
            "Last line: RESULT generated_tokens=.. prompt_tokens=.. ttft_ms=.. tokens_per_s=.. finish=.. device=..",
        })
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    LanguageModelOptions modelOptions;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "the text to continue")
    String prompt;

    @Option(names = "--max-tokens", paramLabel = "N", description = "most tokens generated (default: ${DEFAULT-VALUE})")
    int maxTokens = 64;

    @Option(names = "--stop", paramLabel = "TEXT", description = "a string that ends the text (repeatable)")
    List<String> stops = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!modelOptions.hasModel()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--model=PATH'");
        }
        if (maxTokens < 1) {
            throw new ParameterException(spec.commandLine(), "--max-tokens must be at least 1, was " + maxTokens);
        }
        SamplingConfig config;
        try {
            config = sampling.config(0.8f);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel model = modelOptions.open()) {
            GenerationRequest request = GenerationRequest.prompt(prompt).optSampling(config).optSeed(sampling.seed)
                    .optMaxTokens(maxTokens).optStopStrings(stops).build();
            GenerationResult r = model.generate(request, text -> {
                out.print(text);
                out.flush();
            }, null);
            out.println();
            out.printf(Locale.ROOT, "RESULT generated_tokens=%d prompt_tokens=%d ttft_ms=%.1f tokens_per_s=%.1f"
                    + " finish=%s device=%s%n", r.generatedTokens(), r.promptTokens(),
                    r.firstTextNanos() < 0 ? 0.0 : r.firstTextNanos() / 1e6, r.tokensPerSecond(),
                    r.finishReason().name().toLowerCase(Locale.ROOT), model.device());
            out.flush();
        }
        return 0;
    }
}
