package io.animata.runtime.text;

import java.util.Locale;

/**
 * How the next token is chosen from the model's logits: greedy (temperature 0: always the most likely token) or
 * sampled with a temperature, restricted to the {@code topK} most likely tokens and to the smallest set whose
 * probability reaches {@code topP} (nucleus sampling), after a repetition penalty on recent tokens (the rule of
 * Hugging Face's {@code RepetitionPenaltyLogitsProcessor}: a positive logit is divided by the penalty, a negative
 * one multiplied). The random draws come from the request's seed, so a seed repeats a reply.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SamplingConfig npc = SamplingConfig.builder().optTemperature(0.7f).optTopP(0.9f).build();
 * SamplingConfig tests = SamplingConfig.GREEDY;
 * }</pre>
 */
public final class SamplingConfig {
    /** Always the most likely token; no penalty. Deterministic without a seed. */
    public static final SamplingConfig GREEDY = builder().optTemperature(0f).optRepetitionPenalty(1f).build();
    /** Temperature 0.8, top-k 40, top-p 0.95, repetition penalty 1.1 over the last 64 tokens. */
    public static final SamplingConfig DEFAULT = builder().build();

    private final float temperature;
    private final int topK;
    private final float topP;
    private final float repetitionPenalty;
    private final int repetitionWindow;

    private SamplingConfig(Builder b) {
        this.temperature = b.temperature;
        this.topK = b.topK;
        this.topP = b.topP;
        this.repetitionPenalty = b.repetitionPenalty;
        this.repetitionWindow = b.repetitionWindow;
    }

    /** @return a builder with the {@link #DEFAULT} settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.temperature = temperature;
        b.topK = topK;
        b.topP = topP;
        b.repetitionPenalty = repetitionPenalty;
        b.repetitionWindow = repetitionWindow;
        return b;
    }

    /** @return the softmax temperature; 0 means greedy */
    public float temperature() {
        return temperature;
    }

    /** @return whether the most likely token is always taken (temperature 0) */
    public boolean isGreedy() {
        return temperature == 0f;
    }

    /** @return how many of the most likely tokens are kept; 0 keeps all */
    public int topK() {
        return topK;
    }

    /** @return the probability mass the kept tokens reach; 1 keeps all */
    public float topP() {
        return topP;
    }

    /** @return the penalty on tokens seen in the last {@link #repetitionWindow()} tokens; 1 is none */
    public float repetitionPenalty() {
        return repetitionPenalty;
    }

    /** @return how many recent tokens (prompt included) the repetition penalty looks at */
    public int repetitionWindow() {
        return repetitionWindow;
    }

    @Override
    public String toString() {
        return isGreedy()
                ? String.format(Locale.ROOT, "greedy (repetition penalty %.2f)", repetitionPenalty)
                : String.format(Locale.ROOT, "temperature %.2f, top-k %d, top-p %.2f, repetition penalty %.2f over %d",
                        temperature, topK, topP, repetitionPenalty, repetitionWindow);
    }

    /** Builds a {@link SamplingConfig}; every setting is optional. Not thread-safe. */
    public static final class Builder {
        private float temperature = 0.8f;
        private int topK = 40;
        private float topP = 0.95f;
        private float repetitionPenalty = 1.1f;
        private int repetitionWindow = 64;

        private Builder() {
        }

        /** Softmax temperature, at least 0 (default 0.8); 0 is greedy, higher is more varied. */
        public Builder optTemperature(float t) {
            if (!(t >= 0f) || Float.isInfinite(t)) {
                throw new IllegalArgumentException("temperature must be finite and >= 0 (0 is greedy), was " + t);
            }
            this.temperature = t;
            return this;
        }

        /** Keep only the k most likely tokens (default 40); 0 keeps all. */
        public Builder optTopK(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("topK must be >= 0 (0 keeps every token), was " + k);
            }
            this.topK = k;
            return this;
        }

        /** Keep the smallest set of most likely tokens whose probability reaches p, in (0, 1] (default 0.95). */
        public Builder optTopP(float p) {
            if (!(p > 0f && p <= 1f)) {
                throw new IllegalArgumentException("topP must be in (0, 1] (1 keeps every token), was " + p);
            }
            this.topP = p;
            return this;
        }

        /** Penalty on recently seen tokens, at least 1 (default 1.1); 1 is none. */
        public Builder optRepetitionPenalty(float penalty) {
            if (!(penalty >= 1f) || Float.isInfinite(penalty)) {
                throw new IllegalArgumentException("repetitionPenalty must be finite and >= 1 (1 is none), was "
                        + penalty);
            }
            this.repetitionPenalty = penalty;
            return this;
        }

        /** How many recent tokens the repetition penalty looks at (default 64). */
        public Builder optRepetitionWindow(int tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("repetitionWindow must be >= 0, was " + tokens);
            }
            this.repetitionWindow = tokens;
            return this;
        }

        /** @return the settings */
        public SamplingConfig build() {
            return new SamplingConfig(this);
        }
    }
}
