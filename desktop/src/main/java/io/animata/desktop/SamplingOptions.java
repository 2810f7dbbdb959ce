package io.animata.desktop;

import io.animata.runtime.text.SamplingConfig;
import picocli.CommandLine.Option;

/** Sampling options shared by {@code animata generate} and {@code animata chat} (a picocli mixin). */
public final class SamplingOptions {
    @Option(names = "--greedy", description = "always take the most likely token (deterministic)")
    boolean greedy;

    @Option(names = "--temperature", paramLabel = "T", description = "softmax temperature, 0 is greedy")
    Float temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "keep the K most likely tokens, 0 keeps all (default: 40)")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "nucleus sampling mass in (0, 1] (default: 0.95)")
    Float topP;

    @Option(names = "--repetition-penalty", paramLabel = "R", description = "penalty on recent tokens, 1 is none (default: 1.1)")
    Float repetitionPenalty;

    @Option(names = "--seed", description = "seed of the sampling (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * @param defaultTemperature the command's temperature when none is given
     * @return the sampling settings
     * @throws IllegalArgumentException for --greedy with --temperature, or a value out of range
     */
    SamplingConfig config(float defaultTemperature) {
        if (greedy && temperature != null && temperature != 0f) {
            throw new IllegalArgumentException("--greedy and --temperature " + temperature + " contradict each other");
        }
        SamplingConfig.Builder b = SamplingConfig.builder()
                .optTemperature(greedy ? 0f : temperature != null ? temperature : defaultTemperature);
        if (topK != null) {
            b.optTopK(topK);
        }
        if (topP != null) {
            b.optTopP(topP);
        }
        if (repetitionPenalty != null) {
            b.optRepetitionPenalty(repetitionPenalty);
        } else if (greedy) {
            b.optRepetitionPenalty(1f);
        }
        return b.build();
    }
}
