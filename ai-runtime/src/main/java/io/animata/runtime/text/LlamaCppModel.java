package io.animata.runtime.text;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import io.animata.runtime.AnimataException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A GGUF model (the format most local models are shared in) run by llama.cpp in-process, through its Java binding
 * {@code de.kherud:llama} (CPU natives inside the jar). llama.cpp decodes on its own thread with continuous batching:
 * up to {@link Builder#optParallel} conversations share each decode call, each in its own slot with its own context.
 * Which conversations share a decode call may change the arithmetic slightly (llama.cpp picks its kernels by batch
 * size), so a seed is certain to repeat a reply when requests do not overlap; in this project's tests overlapping
 * ones repeated too.
 *
 * <p>The file's header is read and checked in Java first ({@link GgufFile}): a missing file, a file that is not
 * GGUF, a truncated download, a corrupt header, a vocabulary llama.cpp would abort on, or a model that does not
 * generate text gives an {@link AnimataException} rather than reaching native code (tested against thousands of
 * randomly damaged headers). When llama.cpp itself refuses the model (an architecture the bundled llama.cpp does not
 * know, a missing tensor) the exception says so and how to see llama.cpp's own reason ({@link Builder#optNativeLog}).
 * Weights that are NaN or infinite are not detected: such a model answers with garbage.
 *
 * <p>llama.cpp's prompt cache is off by default ({@link Builder#optCachePrompt}). {@link Generation#generatedTokens()}
 * counts the pieces llama.cpp streams: one per token, except a character split over several tokens, which comes as
 * one piece.
 *
 * <p>Sampling maps onto llama.cpp's sampler chain in the order of {@link io.animata.runtime.text.Sampler}: repetition
 * penalty over the last {@code repetitionWindow} tokens, top-k, temperature, top-p (no min-p, typical-p, DRY or
 * XTC); greedy is temperature 0 with top-k 1. The request's seed seeds llama.cpp's sampler, so a seed repeats a reply
 * on the same machine. Stop strings are matched here ({@link StopStringMatcher}), across pieces, and end the task in
 * llama.cpp. {@link Builder#optTokenBias} adds a fixed logit bias to chosen tokens in every request.
 *
 * <p>A request's {@link GenerationRequest#constraint() constraint} is applied by llama.cpp's grammar sampler: the
 * automaton is written as a GBNF grammar ({@link GbnfGrammar}, made once per constraint instance and checked in Java),
 * so only tokens that keep the text in the automaton's language can be sampled, and the end token only where the text
 * may end. llama.cpp's sampler API offers no per-step logit mask through the binding (its logit bias is fixed per
 * request), which is why the grammar is used rather than the token masks of {@link OnnxLanguageModel}. A reply cut by
 * the token limit is a prefix of a text of the language and finishes with {@link FinishReason#LENGTH}. llama.cpp
 * decodes freely when it cannot parse a grammar (it only logs it), so each piece is also walked through the
 * automaton here: text the constraint refuses is never passed on, and the step throws an {@link AnimataException}.
 *
 * <p>Conversations are rendered with the model's own chat template ({@code tokenizer.chat_template} in the GGUF
 * metadata, run by llama.cpp's Jinja engine) when it has one, else with the {@link ChatTemplate} chosen from its
 * architecture and name; raw prompts are sent as they are (llama.cpp adds the BOS token when the model asks for
 * one).
 *
 * <p>Threading: like every {@link LanguageModel}: one thread at a time starts and steps the generations (the
 * model's worker). {@link Generation#step()} waits for the next piece of text from llama.cpp's thread (a token's
 * time), so a game runs it through {@link io.animata.runtime.TextGenerationQueue}, never on the game thread. A
 * generation that finds every slot busy returns {@link StepStatus#WAITING} until one frees. {@link #close} frees the
 * model; llama.cpp keeps one native thread alive afterwards, so a command-line tool ends with {@code System.exit}.
 *
 * <pre>{@code
 * try (LlamaCppModel model = LlamaCppModel.builder().setModelFile(Path.of("qwen2.5-0.5b-instruct-q4_k_m.gguf"))
 *         .optContextLength(2048).build()) {
 *     model.generate(GenerationRequest.chat(messages).optMaxTokens(80).build(), System.out::print, null);
 * }
 * }</pre>
 */
public final class LlamaCppModel implements LanguageModel {
    private static final System.Logger LOG = System.getLogger(LlamaCppModel.class.getName());
    /** Architectures that encode, embed or project images: nothing to generate text with. */
    private static final Set<String> NOT_TEXT_GENERATORS = Set.of("bert", "nomic-bert", "nomic-bert-moe",
            "jina-bert-v2", "neo-bert", "t5encoder", "clip", "wavtokenizer-dec");
    /** The system property that turns llama.cpp's own console log on by default ({@code true}). */
    public static final String NATIVE_LOG_PROPERTY = "animata.llamacpp.log";
    private static final List<String> BOS_TEXTS = List.of("<|begin_of_text|>", "<s>", "<bos>");
    /** llama.cpp's sampler names, in the order of our {@link io.animata.runtime.text.Sampler}. */
    private static final String SAMPLER_ORDER = "[\"penalties\", \"top_k\", \"temperature\", \"top_p\"]";
    /**
     * The binding's parameter map. {@code InferenceParameters.setSamplers(PENALTIES, ...)} writes invalid JSON in
     * 4.2.0 (an empty array element, which aborts the JVM in llama.cpp's parser), so the order is put in directly.
     */
    private static final Field PARAMETERS = parametersField();

    private final String name;
    private final Path file;
    private final GgufFile gguf;
    private final LlamaModel model;
    private final int contextLength;
    private final int parallel;
    private final int threads;
    private final ChatTemplate template;
    private final boolean modelTemplate;
    /** Whether the model's own template is ChatML, so that llama.cpp's ChatML fallback can be told from it. */
    private final boolean modelTemplateIsChatml;
    private final boolean addBos;
    private final boolean cachePrompt;
    /** Logit biases by token id, added in every request; empty for none. */
    private final Map<Integer, Float> tokenBias;
    /** GBNF grammars of recently used constraints, by instance. */
    private final Map<TextConstraint, String> grammars = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TextConstraint, String> eldest) {
            return size() > 32;
        }
    };
    /** Worker-confined: slots taken by generations that have not ended. */
    private int busySlots;
    private volatile boolean templateFailed;
    private volatile boolean closed;

    private LlamaCppModel(Builder b) {
        this.file = b.file;
        this.gguf = GgufFile.read(b.file);
        this.tokenBias = Map.copyOf(b.tokenBias);
        String arch = gguf.architecture();
        if (arch.isEmpty()) {
            throw new AnimataException("GGUF file " + file.toAbsolutePath() + " has no general.architecture; it is"
                    + " not a llama.cpp model");
        }
        if ("adapter".equals(gguf.string("general.type", ""))) {
            throw new AnimataException("GGUF file " + file.toAbsolutePath() + " is a LoRA adapter, not a model; load"
                    + " its base model");
        }
        if (NOT_TEXT_GENERATORS.contains(arch)) {
            throw new AnimataException("GGUF file " + file.toAbsolutePath() + " is a '" + arch + "' model, which"
                    + " embeds or encodes rather than generating text; pass a decoder (llama, qwen2, phi3, gemma...)");
        }
        checkVocabulary(gguf);
        long vocab = gguf.arrayLength("tokenizer.ggml.tokens");
        for (int id : tokenBias.keySet()) {
            if (id >= vocab) {
                throw new AnimataException("a token bias names token " + id + ", but model " + file.toAbsolutePath()
                        + " has " + vocab + " tokens");
            }
        }
        String modelName = gguf.string("general.name", "");
        this.name = b.name != null ? b.name : modelName.isBlank() ? baseName(file) : modelName;
        int trained = gguf.integer(arch + ".context_length", 2048);
        this.contextLength = Math.max(8, b.contextLength > 0 ? Math.min(b.contextLength, trained)
                : Math.min(trained, 4096));
        this.parallel = b.parallel;
        this.threads = b.threads > 0 ? b.threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()
                / 2));
        String jinja = gguf.string("tokenizer.chat_template", null);
        this.template = b.template != null ? b.template : templateFor(jinja, arch, modelName);
        this.modelTemplate = b.template == null && b.useModelTemplate && jinja != null && !jinja.isBlank();
        this.modelTemplateIsChatml = jinja != null && jinja.contains("<|im_start|>");
        this.addBos = gguf.bool("tokenizer.ggml.add_bos_token", "llama".equals(gguf.string("tokenizer.ggml.model",
                "")));
        this.cachePrompt = b.cachePrompt;
        LlamaNatives.load();
        ModelParameters params = new ModelParameters()
                .setModel(file.toAbsolutePath().toString())
                // the slots share one KV cache; the slack keeps a full-length prompt placeable when the cells the
                // other slots keep cached have fragmented it, and defragmentation compacts it
                .setCtxSize((contextLength + contextLength / 4) * parallel)
                .setDefragThold(0.1f)
                .setParallel(parallel)
                .setThreads(threads)
                .setThreadsBatch(threads)
                .skipWarmup();
        if (!b.nativeLog) {
            params.disableLog(); // llama.cpp prints its progress to stdout; a game's console is not the place
        }
        if (modelTemplate) {
            params.enableJinja();
        }
        try {
            this.model = new LlamaModel(params);
        } catch (RuntimeException e) {
            throw new AnimataException("llama.cpp could not load " + file.toAbsolutePath() + " (architecture '" + arch
                    + "', " + gguf.tensors().size() + " tensors): " + e.getMessage()
                    + explain(b.nativeLog), e);
        }
        if (!b.nativeLog) {
            LlamaNatives.routeLog();
        }
        LOG.log(System.Logger.Level.INFO, "language model '" + name + "': GGUF v" + gguf.version() + ", " + arch
                + ", " + gguf.tensors().size() + " tensors, vocabulary " + gguf.arrayLength("tokenizer.ggml.tokens")
                + ", context " + contextLength + " x " + parallel + " slots, " + threads + " threads, template "
                + (modelTemplate ? "from the model (else " + template + ")" : template) + ", on cpu");
    }

    /**
     * Checks the tokenizer arrays llama.cpp reads without checking their types and lengths (it aborts the process or
     * reads past an array on a mismatch).
     */
    private static void checkVocabulary(GgufFile gguf) {
        Path file = gguf.path().toAbsolutePath();
        long tokens = gguf.arrayLength("tokenizer.ggml.tokens");
        if (tokens < 1 || !"STRING".equals(gguf.arrayType("tokenizer.ggml.tokens"))) {
            throw new AnimataException("GGUF file " + file + " has no vocabulary (tokenizer.ggml.tokens, an array of"
                    + " strings); convert the model again with its tokenizer");
        }
        for (String[] array : new String[][] {{"tokenizer.ggml.scores", "FLOAT32"}, {"tokenizer.ggml.token_type",
            "INT32"}}) {
            if (gguf.metadata().containsKey(array[0]) && (!array[1].equals(gguf.arrayType(array[0]))
                    || gguf.arrayLength(array[0]) != tokens)) {
                throw new AnimataException("GGUF file " + file + " is corrupt: " + array[0] + " should be " + tokens
                        + " " + array[1] + " values, one per token, but is " + gguf.arrayLength(array[0]) + " "
                        + gguf.arrayType(array[0]) + " values");
            }
        }
        String tokenizer = gguf.string("tokenizer.ggml.model", "");
        if ((tokenizer.equals("llama") || tokenizer.equals("gpt2")) && gguf.missingByteTokens(tokenizer) > 0) {
            throw new AnimataException("GGUF file " + file + " is corrupt: its " + tokenizer + " vocabulary lacks "
                    + gguf.missingByteTokens(tokenizer) + " of the 256 byte tokens that llama.cpp spells unknown text"
                    + " with (it would abort on such text)");
        }
        if (gguf.metadata().containsKey("tokenizer.ggml.merges")
                && !"STRING".equals(gguf.arrayType("tokenizer.ggml.merges"))) {
            throw new AnimataException("GGUF file " + file + " is corrupt: tokenizer.ggml.merges is not an array of"
                    + " strings");
        }
    }

    /** @return a builder; {@link Builder#setModelFile} is required */
    public static Builder builder() {
        return new Builder();
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".gguf") ? n.substring(0, n.length() - 5) : n;
    }

    private static String explain(boolean nativeLog) {
        return ". The bundled llama.cpp may not know this architecture, or a tensor is missing or has the wrong shape; "
                + (nativeLog ? "llama.cpp's log above says which"
                        : "open it with LlamaCppModel.Builder.optNativeLog(true) (-D" + NATIVE_LOG_PROPERTY
                                + "=true; animata: --native-log) to see llama.cpp's reason")
                + ". A model of a newer architecture can be served by a current llama-server (pass its http:// URL)";
    }

    /** Picks our template for a model without one of its own: Jinja markers, then architecture and name. */
    static ChatTemplate templateFor(String jinja, String arch, String modelName) {
        ChatTemplate fromJinja = ChatTemplate.detect(jinja, null);
        if (fromJinja != ChatTemplate.PLAIN) {
            return fromJinja;
        }
        String n = modelName == null ? "" : modelName.toLowerCase(Locale.ROOT).replace(" ", "-");
        if (n.contains("mistral") || n.contains("mixtral")) {
            return ChatTemplate.MISTRAL;
        }
        if (n.contains("llama-3") || n.contains("llama3")) {
            return ChatTemplate.LLAMA3;
        }
        if (n.contains("qwen")) {
            return ChatTemplate.CHATML;
        }
        return ChatTemplate.detect(null, arch);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return "cpu";
    }

    /** @return the context of each conversation (each slot) */
    @Override
    public int contextLength() {
        return contextLength;
    }

    /** @return how many conversations llama.cpp decodes together */
    public int parallel() {
        return parallel;
    }

    /** @return the checked header of the model file */
    public GgufFile gguf() {
        return gguf;
    }

    /** @return whether conversations are rendered with the model's own chat template */
    public boolean usesModelTemplate() {
        return modelTemplate && !templateFailed;
    }

    /** @return our template: used when the model has none of its own, and for its stop strings and markers */
    public ChatTemplate chatTemplate() {
        return template;
    }

    /**
     * @return the prompt text a conversation becomes: the model's own template (or ours) with the assistant's turn
     *     opened; message contents are cleaned of control markers first
     */
    public String renderChat(List<ChatMessage> messages) {
        requireOpen();
        if (usesModelTemplate()) {
            StringBuilder system = new StringBuilder();
            List<Pair<String, String>> turns = new ArrayList<>();
            for (ChatMessage m : messages) {
                String content = template.clean(m.content());
                switch (m.role()) {
                    case SYSTEM -> system.append(system.length() == 0 ? "" : "\n\n").append(content);
                    case USER -> turns.add(new Pair<>("user", content));
                    case ASSISTANT -> turns.add(new Pair<>("assistant", content));
                    default -> throw new IllegalStateException(m.role().toString());
                }
            }
            try {
                String prompt = model.applyTemplate(new InferenceParameters("").setMessages(system.toString(), turns));
                if (prompt == null || prompt.isEmpty()) {
                    throw new IllegalStateException("the template rendered nothing");
                }
                if (!modelTemplateIsChatml && prompt.startsWith("<|im_start|>")) {
                    // llama.cpp could not run the template and fell back to ChatML, which this model was not made for
                    throw new IllegalStateException("llama.cpp could not run it and fell back to ChatML");
                }
                return prompt;
            } catch (RuntimeException e) {
                templateFailed = true;
                LOG.log(System.Logger.Level.WARNING, "model '" + name + "': its own chat template failed (" + e
                        + "); using " + template + " from now on");
            }
        }
        return template.render(messages);
    }

    /** @return the model's tokens for {@code text} (special tokens such as {@code <|im_end|>} parsed, no BOS added) */
    public int[] tokenize(String text) {
        requireOpen();
        return model.encode(text);
    }

    private int promptTokens(String text) {
        return model.encode(text).length + (addBos ? 1 : 0);
    }

    @Override
    public Generation start(GenerationRequest request, TextSink sink) {
        requireOpen();
        int maxTokens = Math.max(1, Math.min(request.maxTokens(), contextLength / 2));
        int budget = contextLength - maxTokens;
        List<String> stops = new ArrayList<>(request.stopStrings());
        String prompt;
        if (request.isChat()) {
            PromptFitter.Fitted fitted = PromptFitter.fit(request.messages(), m -> promptTokens(renderChat(m)), budget);
            prompt = renderChat(fitted.messages());
            if (!usesModelTemplate() || template != ChatTemplate.PLAIN) {
                stops.addAll(template.stopStrings());
            }
            if (addBos) {
                prompt = withoutLeadingBos(prompt); // llama.cpp adds the BOS token itself
            }
        } else {
            prompt = request.prompt();
        }
        int[] tokens = model.encode(prompt);
        if (tokens.length == 0 && !addBos) {
            throw new AnimataException("the prompt is empty after tokenising; give some text to continue");
        }
        int bos = addBos ? 1 : 0;
        for (int round = 0; tokens.length + bos > budget && round < 4; round++) {
            // keep the end of an over-long prompt (the conversation's fitting could not make it short enough);
            // decoding and encoding again may shift a token, hence the rounds
            int keep = Math.max(1, budget - bos - round * 2);
            prompt = model.decode(java.util.Arrays.copyOfRange(tokens, Math.max(0, tokens.length - keep),
                    tokens.length));
            tokens = model.encode(prompt);
        }
        if (tokens.length + bos > budget) {
            throw new AnimataException("cannot fit the prompt into model '" + name + "''s context of "
                    + contextLength + " tokens with " + maxTokens + " to generate");
        }
        SamplingConfig s = request.sampling();
        InferenceParameters params = new InferenceParameters(prompt)
                .setNPredict(maxTokens)
                .setTemperature(s.isGreedy() ? 0f : s.temperature())
                .setTopK(s.isGreedy() ? 1 : s.topK())
                .setTopP(s.topP())
                .setMinP(0f)
                .setTypicalP(1f)
                .setRepeatPenalty(s.repetitionPenalty())
                .setRepeatLastN(s.repetitionWindow())
                .setFrequencyPenalty(0f)
                .setPresencePenalty(0f)
                .setSeed(seed32(request.seed()))
                .setCachePrompt(cachePrompt);
        if (!tokenBias.isEmpty()) {
            params.setTokenIdBias(tokenBias);
        }
        if (request.constraint() != null) {
            params.setGrammar(grammarFor(request.constraint()));
        }
        setSamplerOrder(params);
        return new LlamaGeneration(params, tokens.length + bos, maxTokens, new StopStringMatcher(stops), sink,
                request.constraint());
    }

    /**
     * @return {@code constraint} as the GBNF grammar llama.cpp's sampler applies, made once per constraint instance
     *     and checked in Java (llama.cpp would only say "failed to parse grammar")
     */
    synchronized String grammarFor(TextConstraint constraint) {
        String grammar = grammars.get(constraint);
        if (grammar == null) {
            grammar = GbnfGrammar.of(constraint);
            GbnfGrammar.check(grammar);
            grammars.put(constraint, grammar);
        }
        return grammar;
    }

    private static Field parametersField() {
        try {
            Field f = InferenceParameters.class.getSuperclass().getDeclaredField("parameters");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "llama.cpp's sampler order cannot be set (" + e + "); it uses its own:"
                    + " penalties, top-k, top-p, then temperature");
            return null;
        }
    }

    private static void setSamplerOrder(InferenceParameters params) {
        if (PARAMETERS == null) {
            return;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) PARAMETERS.get(params);
            map.put("samplers", SAMPLER_ORDER);
        } catch (IllegalAccessException | ClassCastException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot set llama.cpp's sampler order: " + e);
        }
    }

    private static String withoutLeadingBos(String prompt) {
        for (String bos : BOS_TEXTS) {
            if (prompt.startsWith(bos)) {
                return prompt.substring(bos.length());
            }
        }
        return prompt;
    }

    /** llama.cpp takes a 32-bit seed, and 0xFFFFFFFF there means "random": fold ours, avoiding that value. */
    static int seed32(long seed) {
        int folded = (int) (seed ^ (seed >>> 32));
        return folded == -1 ? 0x7FFFFFFF : folded;
    }

    private void requireOpen() {
        if (closed) {
            throw new AnimataException("language model '" + name + "' is closed");
        }
    }

    /** One reply: a streaming task in llama.cpp, read a piece per step. */
    private final class LlamaGeneration implements Generation {
        private final InferenceParameters params;
        private final int promptTokens;
        private final int maxTokens;
        private final StopStringMatcher stops;
        private final TextSink sink;
        /** The request's constraint, or null; {@link #state} is where the text received so far left it. */
        private final TextConstraint constraint;
        private int state;
        private final StringBuilder received = new StringBuilder();
        private LlamaIterator task;
        private int generated;
        private FinishReason reason;

        LlamaGeneration(InferenceParameters params, int promptTokens, int maxTokens, StopStringMatcher stops,
                TextSink sink, TextConstraint constraint) {
            this.constraint = constraint;
            this.state = constraint == null ? 0 : constraint.start();
            this.params = params;
            this.promptTokens = promptTokens;
            this.maxTokens = maxTokens;
            this.stops = stops;
            this.sink = sink;
        }

        @Override
        public StepStatus step() {
            if (reason != null) {
                return StepStatus.DONE;
            }
            if (task == null) {
                requireOpen();
                if (busySlots >= parallel) {
                    return StepStatus.WAITING;
                }
                try {
                    task = model.generate(params).iterator();
                } catch (RuntimeException e) {
                    reason = FinishReason.STOP;
                    throw new AnimataException("llama.cpp refused a request to model '" + name + "': "
                            + e.getMessage(), e);
                }
                busySlots++;
            }
            LlamaOutput out;
            try {
                out = task.next();
            } catch (RuntimeException e) {
                finish(FinishReason.STOP, false);
                throw new AnimataException("model '" + name + "' failed while generating: " + e.getMessage(), e);
            }
            boolean last = !task.hasNext();
            String text = out.text;
            if (last && received.length() > 0 && text.contentEquals(received)) {
                text = ""; // a final message that repeats the whole reply
            }
            if (!last) {
                generated++;
            }
            if (!text.isEmpty()) {
                if (constraint != null) {
                    checkConstraint(text, last);
                }
                received.append(text);
                if (stops.accept(text, sink)) {
                    finish(FinishReason.STOP, !last);
                    return StepStatus.DONE;
                }
            }
            if (last) {
                stops.flush(sink);
                // under a constraint llama.cpp may only end where the text may end: anywhere else the length cut it
                // (the piece count misses tokens when a character came in several)
                boolean cut = constraint != null && !constraint.canEnd(state);
                finish(cut || generated >= maxTokens || promptTokens + generated >= contextLength
                        ? FinishReason.LENGTH : FinishReason.STOP, false);
                return StepStatus.DONE;
            }
            return StepStatus.PROGRESS;
        }

        /**
         * llama.cpp ignores a grammar it cannot parse (it only logs it) and decodes freely: a safety net so that such
         * text never reaches the caller.
         */
        private void checkConstraint(String text, boolean last) {
            state = constraint.walk(state, text);
            if (state == TextConstraint.REJECT) {
                finish(FinishReason.STOP, !last);
                throw new AnimataException("model '" + name + "' wrote text its request's constraint refuses ('"
                        + received + text + "'): llama.cpp did not apply the grammar, so it probably refused it;"
                        + " build the model with optNativeLog(true) to see llama.cpp's reason");
            }
        }

        private void finish(FinishReason why, boolean cancelTask) {
            if (reason == null) {
                reason = why;
            }
            if (task != null) {
                if (cancelTask && !closed) {
                    task.cancel();
                }
                task = null;
                busySlots--;
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

        /** @return pieces received: one per token, except a character split over tokens, which comes as one */
        @Override
        public int generatedTokens() {
            return generated;
        }

        @Override
        public void close() {
            finish(FinishReason.CANCELLED, true);
        }
    }

    /** Frees the model (llama.cpp's context and weights). Idempotent; no generation may be stepped meanwhile. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        model.close();
    }

    @Override
    public String toString() {
        return "LlamaCppModel[" + name + ", " + file + ", " + gguf.architecture() + ", context " + contextLength
                + " x " + parallel + "]";
    }

    /** Builds a {@link LlamaCppModel}. {@link #setModelFile} is required. Not thread-safe. */
    public static final class Builder {
        private Path file;
        private int contextLength;
        private int parallel = 4;
        private int threads;
        private ChatTemplate template;
        private boolean useModelTemplate = true;
        private boolean cachePrompt;
        private final Map<Integer, Float> tokenBias = new java.util.HashMap<>();
        private boolean nativeLog = Boolean.getBoolean(NATIVE_LOG_PROPERTY);
        private String name;

        private Builder() {
        }

        /** Required: the {@code .gguf} file. */
        public Builder setModelFile(Path path) {
            this.file = path;
            return this;
        }

        /** The context of each conversation (default the model's, at most 4096). */
        public Builder optContextLength(int tokens) {
            if (tokens < 8) {
                throw new IllegalArgumentException("context length must be at least 8, was " + tokens);
            }
            this.contextLength = tokens;
            return this;
        }

        /**
         * How many conversations llama.cpp decodes together, each in a slot with its own context (default 4); more
         * wait for a free slot. Memory for keys and values grows with it.
         */
        public Builder optParallel(int slots) {
            if (slots < 1 || slots > 64) {
                throw new IllegalArgumentException("parallel slots must be in [1, 64], was " + slots);
            }
            this.parallel = slots;
            return this;
        }

        /** llama.cpp's threads (default half the cores, at most 4, so that the game keeps some). */
        public Builder optThreads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** A chat template chosen by hand, used instead of the model's own. */
        public Builder optChatTemplate(ChatTemplate chatTemplate) {
            this.template = chatTemplate;
            return this;
        }

        /** Whether the model's own chat template (GGUF metadata) renders conversations when it has one (default yes). */
        public Builder optUseModelTemplate(boolean use) {
            this.useModelTemplate = use;
            return this;
        }

        /**
         * Whether a slot reuses the cached keys and values of a prompt that starts like its previous one (default
         * no). Off by default because with the bundled llama.cpp (binding 4.2.0) a model loaded after another was
         * closed in the same process was seen to continue a reused prompt wrongly (about one run in six in this
         * project's tests); every prompt is then read in full, which a small model does in milliseconds.
         */
        public Builder optCachePrompt(boolean cache) {
            this.cachePrompt = cache;
            return this;
        }

        /**
         * Whether llama.cpp prints its own log (loading, slots, timings) to the console (default no: quiet, as a game
         * wants it; the system property {@value LlamaCppModel#NATIVE_LOG_PROPERTY}{@code =true} changes the default). Turn it
         * on to see why llama.cpp refuses a model.
         */
        public Builder optNativeLog(boolean print) {
            this.nativeLog = print;
            return this;
        }

        /**
         * Adds {@code bias} to token {@code id}'s logit in every request (llama.cpp's logit bias; default none): a
         * positive bias favours the token, a large negative one (-100) as good as bans it. Ids are the model's own (see
         * {@link LlamaCppModel#tokenize}). A request's constraint still decides which tokens may come at all.
         */
        public Builder optTokenBias(int id, float bias) {
            if (id < 0 || !Float.isFinite(bias)) {
                throw new IllegalArgumentException("token bias needs an id >= 0 and a finite bias; was " + id + " -> "
                        + bias);
            }
            tokenBias.put(id, bias);
            return this;
        }

        /** A name for logs (default {@code general.name}, else the file's name). */
        public Builder optName(String modelName) {
            this.name = modelName;
            return this;
        }

        /**
         * Checks the file and loads the model (slow: keep it off the game thread).
         *
         * @throws AnimataException when the file is missing, not GGUF, truncated or corrupt, does not generate text,
         *     is refused by llama.cpp, or when llama.cpp's natives cannot load
         */
        public LlamaCppModel build() {
            if (file == null) {
                throw new IllegalStateException("LlamaCppModel.Builder.setModelFile(...) is required");
            }
            return new LlamaCppModel(this);
        }
    }
}
