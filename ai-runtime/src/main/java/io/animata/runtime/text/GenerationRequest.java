package io.animata.runtime.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What to generate: either a conversation ({@link Builder#setMessages}, rendered with the model's
 * {@link ChatTemplate}) or a raw prompt to continue ({@link Builder#setPrompt}); how to sample; when to stop (stop
 * strings, a maximum number of tokens); and the seed of the random draws.
 *
 * <p>When a conversation does not fit the model's context, the backend drops its oldest turns (see
 * {@link PromptFitter}); a generation never fails for being too long.
 *
 * <p>Immutable and thread-safe: a request may be built on the game thread and run on a worker.
 *
 * <pre>{@code
 * GenerationRequest request = GenerationRequest.builder()
 *         .setMessages(List.of(ChatMessage.system("You are Mira, a blacksmith."), ChatMessage.user("Hello!")))
 *         .optSampling(SamplingConfig.builder().optTemperature(0.7f).build())
 *         .optMaxTokens(80)
 *         .optSeed(42)
 *         .build();
 * }</pre>
 */
public final class GenerationRequest {
    /** The default maximum number of generated tokens. */
    public static final int DEFAULT_MAX_TOKENS = 128;

    private final List<ChatMessage> messages;
    private final String prompt;
    private final SamplingConfig sampling;
    private final List<String> stopStrings;
    private final int maxTokens;
    private final long seed;
    private final TextConstraint constraint;
    private final StructuredReply structuredReply;

    private GenerationRequest(Builder b) {
        this.messages = b.messages;
        this.prompt = b.prompt;
        this.sampling = b.sampling;
        this.stopStrings = b.stopStrings;
        this.maxTokens = b.maxTokens;
        this.seed = b.seed;
        this.constraint = b.constraint;
        this.structuredReply = b.structuredReply;
    }

    /** @return a builder; one of {@link Builder#setMessages} and {@link Builder#setPrompt} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder for a raw prompt with every other setting at its default */
    public static Builder prompt(String prompt) {
        return builder().setPrompt(prompt);
    }

    /** @return a builder for a conversation with every other setting at its default */
    public static Builder chat(List<ChatMessage> messages) {
        return builder().setMessages(messages);
    }

    /** @return whether this is a conversation (else a raw prompt) */
    public boolean isChat() {
        return messages != null;
    }

    /** @return the conversation (unmodifiable); empty for a raw prompt */
    public List<ChatMessage> messages() {
        return messages == null ? List.of() : messages;
    }

    /** @return the raw prompt; null for a conversation */
    public String prompt() {
        return prompt;
    }

    /** @return how tokens are chosen */
    public SamplingConfig sampling() {
        return sampling;
    }

    /** @return strings that end the reply where they appear (not included in it); unmodifiable */
    public List<String> stopStrings() {
        return stopStrings;
    }

    /** @return the most tokens generated */
    public int maxTokens() {
        return maxTokens;
    }

    /** @return the seed of the sampler's random draws */
    public long seed() {
        return seed;
    }

    /** @return what the generated text must match (local backends mask the logits with it), or null for anything */
    public TextConstraint constraint() {
        return constraint;
    }

    /** @return the speech-plus-action format asked of servers with structured output, or null */
    public StructuredReply structuredReply() {
        return structuredReply;
    }

    /** @return a builder starting from this request */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages = messages;
        b.prompt = prompt;
        b.sampling = sampling;
        b.stopStrings = stopStrings;
        b.maxTokens = maxTokens;
        b.seed = seed;
        b.constraint = constraint;
        b.structuredReply = structuredReply;
        return b;
    }

    @Override
    public String toString() {
        return "GenerationRequest[" + (isChat() ? messages.size() + " messages" : "prompt of " + prompt.length()
                + " chars") + ", " + sampling + ", max " + maxTokens + " tokens, seed " + seed
                + (stopStrings.isEmpty() ? "" : ", stop " + stopStrings) + "]";
    }

    /** Builds a {@link GenerationRequest}. Not thread-safe. */
    public static final class Builder {
        private List<ChatMessage> messages;
        private String prompt;
        private SamplingConfig sampling = SamplingConfig.DEFAULT;
        private List<String> stopStrings = List.of();
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private long seed;
        private TextConstraint constraint;
        private StructuredReply structuredReply;

        private Builder() {
        }

        /**
         * Constrains the generated text to a {@link TextConstraint}'s language (default none). Backends that decode
         * locally apply it ({@link OnnxLanguageModel} as a mask on the logits, {@link LlamaCppModel} as a llama.cpp
         * grammar), so the model can only write texts the automaton accepts; backends that cannot (a server) ignore
         * it, and the caller validates what comes back. Reuse one constraint instance for requests alike: the backend
         * caches its token masks or grammar per instance.
         */
        public Builder optConstraint(TextConstraint textConstraint) {
            this.constraint = textConstraint;
            return this;
        }

        /**
         * Asks servers with structured output for speech plus an optional action in a JSON schema (default none);
         * see {@link StructuredReply}. Local backends ignore it (use {@link #optConstraint}).
         */
        public Builder optStructuredReply(StructuredReply format) {
            this.structuredReply = format;
            return this;
        }

        /** The conversation to answer (copied); replaces a prompt set before. */
        public Builder setMessages(List<ChatMessage> conversation) {
            if (conversation == null || conversation.isEmpty()) {
                throw new IllegalArgumentException("a conversation needs at least one message");
            }
            for (ChatMessage m : conversation) {
                if (m == null) {
                    throw new IllegalArgumentException("a conversation holds a null message");
                }
            }
            this.messages = Collections.unmodifiableList(new ArrayList<>(conversation));
            this.prompt = null;
            return this;
        }

        /** A raw prompt to continue, with no chat template; replaces a conversation set before. */
        public Builder setPrompt(String text) {
            if (text == null) {
                throw new IllegalArgumentException("prompt is null");
            }
            this.prompt = text;
            this.messages = null;
            return this;
        }

        /** How tokens are chosen (default {@link SamplingConfig#DEFAULT}). */
        public Builder optSampling(SamplingConfig config) {
            if (config == null) {
                throw new IllegalArgumentException("sampling config is null");
            }
            this.sampling = config;
            return this;
        }

        /** Strings that end the reply (default none besides the chat template's end-of-turn markers). */
        public Builder optStopStrings(List<String> stops) {
            if (stops == null) {
                throw new IllegalArgumentException("stop strings are null");
            }
            for (String s : stops) {
                if (s == null || s.isEmpty()) {
                    throw new IllegalArgumentException("a stop string is null or empty: " + stops);
                }
            }
            this.stopStrings = List.copyOf(stops);
            return this;
        }

        /** The most tokens generated, at least 1 (default {@value GenerationRequest#DEFAULT_MAX_TOKENS}). */
        public Builder optMaxTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1, was " + tokens);
            }
            this.maxTokens = tokens;
            return this;
        }

        /** The seed of the sampler's random draws (default 0). */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException when neither messages nor a prompt were set
         */
        public GenerationRequest build() {
            if (messages == null && prompt == null) {
                throw new IllegalStateException("GenerationRequest needs setMessages(...) or setPrompt(...)");
            }
            return new GenerationRequest(this);
        }
    }
}
