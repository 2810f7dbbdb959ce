package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model that answers from a script: a function from the request to the reply, streamed one word per
 * step (a word with the whitespace before it is one "token"). Deterministic and instant, for tests and for
 * building a game's dialogue before a real model is chosen; it honours everything a real backend does (max tokens,
 * stop strings, cancellation, fitting the conversation into its context, batched steps) and counts what happened.
 *
 * <p>Token counts are word counts of the prompt rendered with its {@link ChatTemplate} ({@link ChatTemplate#PLAIN}
 * by default).
 *
 * <p>Threading: like every {@link LanguageModel}; the counters may be read from any thread.
 *
 * <pre>{@code
 * LanguageModel model = ScriptedLanguageModel.builder()
 *         .setReplies(request -> "Well met, traveller. ACTION: wave")
 *         .optContextLength(512)
 *         .build();
 * }</pre>
 */
public final class ScriptedLanguageModel implements LanguageModel {
    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    private final String name;
    private final Function<GenerationRequest, String> replies;
    private final int contextLength;
    private final ChatTemplate template;
    private final int failAtStep;
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger stepAllCalls = new AtomicInteger();
    private final AtomicInteger largestBatch = new AtomicInteger();
    private final List<List<ChatMessage>> prompts = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    private ScriptedLanguageModel(Builder b) {
        this.name = b.name;
        this.replies = b.replies;
        this.contextLength = b.contextLength;
        this.template = b.template;
        this.failAtStep = b.failAtStep;
    }

    /** @return a builder; {@link Builder#setReplies} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a scripted model that always gives {@code reply} */
    public static ScriptedLanguageModel replying(String reply) {
        return builder().setReplies(request -> reply).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return "java";
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    /** @return the "token" count of a text: its words */
    public static int countWords(CharSequence text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public Generation start(GenerationRequest request, TextSink sink) {
        if (closed) {
            throw new AnimataException("language model '" + name + "' is closed");
        }
        starts.incrementAndGet();
        int maxTokens = Math.min(request.maxTokens(), Math.max(1, contextLength / 4));
        int budget = contextLength - maxTokens;
        int promptTokens;
        GenerationRequest seen = request;
        if (request.isChat()) {
            PromptFitter.Fitted fitted = PromptFitter.fit(request.messages(),
                    messages -> countWords(template.render(messages)), budget);
            prompts.add(fitted.messages());
            promptTokens = Math.min(budget, countWords(template.render(fitted.messages())));
            seen = request.toBuilder().setMessages(fitted.messages()).build();
        } else {
            promptTokens = Math.min(budget, countWords(request.prompt()));
        }
        String reply = replies.apply(seen);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(reply == null ? "" : reply);
        while (m.find()) {
            words.add(m.group());
        }
        List<String> stops = new ArrayList<>(request.stopStrings());
        if (request.isChat()) {
            stops.addAll(template.stopStrings());
        }
        return new ScriptedGeneration(words, new StopStringMatcher(stops), sink, maxTokens, promptTokens);
    }

    @Override
    public void stepAll(Generation[] generations, int count, StepStatus[] statuses, RuntimeException[] errors) {
        stepAllCalls.incrementAndGet();
        largestBatch.accumulateAndGet(count, Math::max);
        LanguageModel.super.stepAll(generations, count, statuses, errors);
    }

    /** @return generations started */
    public int starts() {
        return starts.get();
    }

    /** @return steps taken, over every generation */
    public int steps() {
        return steps.get();
    }

    /** @return generations closed (finished or cancelled) */
    public int closedGenerations() {
        return closes.get();
    }

    /** @return calls of {@link #stepAll} (one per round of a text queue) */
    public int stepAllCalls() {
        return stepAllCalls.get();
    }

    /** @return the most generations stepped in one {@link #stepAll} call */
    public int largestBatch() {
        return largestBatch.get();
    }

    /** @return every conversation this model was asked to answer, as it saw it (after fitting), oldest first */
    public List<List<ChatMessage>> prompts() {
        synchronized (prompts) {
            return List.copyOf(prompts);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** @return whether {@link #close} was called */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "ScriptedLanguageModel[" + name + "]";
    }

    private final class ScriptedGeneration implements Generation {
        private final List<String> words;
        private final StopStringMatcher stops;
        private final TextSink sink;
        private final int maxTokens;
        private final int promptTokens;
        private int next;
        private boolean read;
        private boolean closedOnce;
        private FinishReason reason;

        ScriptedGeneration(List<String> words, StopStringMatcher stops, TextSink sink, int maxTokens, int promptTokens) {
            this.words = words;
            this.stops = stops;
            this.sink = sink;
            this.maxTokens = maxTokens;
            this.promptTokens = promptTokens;
        }

        @Override
        public StepStatus step() {
            if (reason != null) {
                return StepStatus.DONE;
            }
            int step = steps.incrementAndGet();
            if (failAtStep > 0 && step >= failAtStep) {
                finish(FinishReason.STOP);
                throw new AnimataException("language model '" + name + "' failed (scripted failure at step " + step + ")");
            }
            if (!read) {
                read = true; // the first step reads the prompt, as a real model's prefill does
                return StepStatus.PROGRESS;
            }
            if (next >= words.size()) {
                stops.flush(sink);
                finish(FinishReason.STOP);
                return StepStatus.DONE;
            }
            if (stops.accept(words.get(next++), sink)) {
                finish(FinishReason.STOP);
                return StepStatus.DONE;
            }
            if (next >= maxTokens) {
                stops.flush(sink);
                finish(next >= words.size() ? FinishReason.STOP : FinishReason.LENGTH);
                return StepStatus.DONE;
            }
            return StepStatus.PROGRESS;
        }

        private void finish(FinishReason why) {
            if (reason == null) {
                reason = why;
            }
        }

        @Override
        public FinishReason finishReason() {
            return reason;
        }

        @Override
        public int promptTokens() {
            return promptTokens;
        }

        @Override
        public int generatedTokens() {
            return next;
        }

        @Override
        public void close() {
            if (reason == null) {
                reason = FinishReason.CANCELLED;
            }
            if (!closedOnce) {
                closedOnce = true;
                closes.incrementAndGet();
            }
        }
    }

    /** Builds a {@link ScriptedLanguageModel}. Not thread-safe. */
    public static final class Builder {
        private String name = "scripted";
        private Function<GenerationRequest, String> replies;
        private int contextLength = 2048;
        private ChatTemplate template = ChatTemplate.PLAIN;
        private int failAtStep;

        private Builder() {
        }

        /** Required: the reply to each request (it sees the conversation after fitting). */
        public Builder setReplies(Function<GenerationRequest, String> script) {
            this.replies = script;
            return this;
        }

        /** The model's name (default {@code scripted}). */
        public Builder optName(String modelName) {
            this.name = modelName;
            return this;
        }

        /** Context length in words (default 2048); a quarter of it at most goes to the reply. */
        public Builder optContextLength(int words) {
            if (words < 8) {
                throw new IllegalArgumentException("context length must be at least 8 words, was " + words);
            }
            this.contextLength = words;
            return this;
        }

        /** How conversations are rendered for counting (default {@link ChatTemplate#PLAIN}). */
        public Builder optTemplate(ChatTemplate chatTemplate) {
            this.template = chatTemplate;
            return this;
        }

        /** Makes the step numbered {@code step} (counted over every generation, from 1) and every later one throw. */
        public Builder optFailAtStep(int step) {
            this.failAtStep = step;
            return this;
        }

        /** @return the model */
        public ScriptedLanguageModel build() {
            if (replies == null) {
                throw new IllegalStateException("ScriptedLanguageModel.Builder.setReplies(...) is required");
            }
            return new ScriptedLanguageModel(this);
        }
    }
}
