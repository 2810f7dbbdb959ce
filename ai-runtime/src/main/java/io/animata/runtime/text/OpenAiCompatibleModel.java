package io.animata.runtime.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model behind an OpenAI-compatible HTTP server (Ollama, llama.cpp's {@code llama-server}, vLLM, LM Studio):
 * conversations go to {@code POST {base}/chat/completions}, raw prompts to {@code POST {base}/completions}, both
 * with {@code "stream": true}, and the server-sent events are read as they arrive.
 *
 * <p>Nothing blocks the worker that steps a generation: the JDK {@link HttpClient} reads the stream on its own
 * threads and {@link Generation#step()} takes what has arrived. Failures are handled so that a game can answer in
 * character at once: connecting has a timeout, the response has a first-byte timeout, a stream that stops sending
 * mid-reply fails after the stall timeout, and a refused connection, a timeout or an HTTP 429/5xx before any text
 * is retried with exponential backoff (without waiting on the worker). What is left is an
 * {@link AnimataException} that names the server, what happened and what to do.
 *
 * <p>Sampling: temperature (0 for greedy), top-p, the seed, the maximum tokens and up to four stop strings are
 * sent. Top-k and the repetition penalty are not in OpenAI's API; when a request sets them they are sent under the
 * names the local servers read ({@code top_k}; {@code repetition_penalty} for vLLM, {@code repeat_penalty} and
 * {@code repeat_last_n} for llama.cpp's server, LM Studio and Ollama), and a server that refuses unknown fields
 * (HTTP 400/422 before any text, as OpenAI's own does) is asked again at once without them and not sent them again.
 * Stop strings are also applied here, across chunk boundaries, since not every server honours them.
 *
 * <p>Threading: {@link #start} and the generations on one thread at a time, like every {@link LanguageModel}; the
 * HTTP client's threads only fill the generations' inboxes. {@link #close} ends the HTTP threads; idempotent.
 *
 * <pre>{@code
 * LanguageModel model = OpenAiCompatibleModel.builder()
 *         .setBaseUrl("http://localhost:11434/v1")     // Ollama
 *         .optModel("qwen2.5:0.5b")
 *         .build();
 * }</pre>
 */
public final class OpenAiCompatibleModel implements LanguageModel {
    private static final System.Logger LOG = System.getLogger(OpenAiCompatibleModel.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVER_STOPS = 4;

    private final String name;
    private final URI base;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration firstByteTimeout;
    private final long stallTimeoutNanos;
    private final int maxRetries;
    private final long backoffNanos;
    private final int contextLength;
    private final ExecutorService httpThreads;
    private final HttpClient client;
    /** Model-wide: any generation's new data wakes a worker waiting in {@link Generation#awaitData}. */
    private final Object signal = new Object();
    private volatile String model;
    private volatile boolean closed;
    /** Set when the server refused {@code response_format}: later replies ask for the action line instead. */
    private volatile boolean structuredRefused;
    /** Set when the server refused the sampling fields outside OpenAI's API: they are not sent again. */
    private volatile boolean samplingFieldsRefused;
    /** The sampling fields outside OpenAI's API that local servers read. */
    private static final List<String> SAMPLING_FIELDS = List.of("top_k", "repetition_penalty", "repeat_penalty",
            "repeat_last_n");

    private OpenAiCompatibleModel(Builder b) {
        this.base = b.base;
        this.model = b.model;
        this.name = b.name != null ? b.name : (b.model != null ? b.model : "server") + "@" + base.getAuthority();
        this.apiKey = b.apiKey;
        this.connectTimeout = b.connectTimeout;
        this.firstByteTimeout = b.firstByteTimeout;
        this.stallTimeoutNanos = b.stallTimeout.toNanos();
        this.maxRetries = b.maxRetries;
        this.backoffNanos = b.backoff.toNanos();
        this.contextLength = b.contextLength;
        AtomicInteger threadCount = new AtomicInteger();
        this.httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "animata-http-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // local servers speak 1.1; no h2c upgrade dance
                .connectTimeout(connectTimeout)
                .executor(httpThreads)
                .build();
    }

    /** @return a builder; {@link Builder#setBaseUrl} is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return "server";
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    /** @return the API's base URL, ending in {@code /v1} */
    public URI baseUrl() {
        return base;
    }

    /** @return the model name sent to the server, or null until it was given or discovered */
    public String model() {
        return model;
    }

    /** Roughly four characters per token, for fitting conversations; the server's tokenizer is not at hand. */
    static int estimateTokens(CharSequence text) {
        return (text.length() + 3) / 4;
    }

    @Override
    public Generation start(GenerationRequest request, TextSink sink) {
        if (closed) {
            throw new AnimataException("language model '" + name + "' is closed");
        }
        int maxTokens = Math.min(request.maxTokens(), Math.max(1, contextLength / 2));
        List<String> stops = new ArrayList<>(request.stopStrings());
        ObjectNode body = JSON.createObjectNode();
        String path;
        int promptTokens;
        if (request.isChat()) {
            PromptFitter.Fitted fitted = PromptFitter.fit(request.messages(),
                    messages -> estimateTokens(ChatTemplate.CHATML.render(messages)), contextLength - maxTokens);
            ArrayNode messages = body.putArray("messages");
            for (ChatMessage m : fitted.messages()) {
                messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
            }
            promptTokens = estimateTokens(ChatTemplate.CHATML.render(fitted.messages()));
            path = "chat/completions";
        } else {
            body.put("prompt", request.prompt());
            promptTokens = estimateTokens(request.prompt());
            path = "completions";
        }
        body.put("stream", true);
        body.put("max_tokens", maxTokens);
        SamplingConfig s = request.sampling();
        body.put("temperature", s.temperature());
        if (!s.isGreedy() && s.topP() < 1f) {
            body.put("top_p", s.topP());
        }
        body.put("seed", request.seed());
        if (!samplingFieldsRefused) {
            if (!s.isGreedy() && s.topK() > 0) {
                body.put("top_k", s.topK());
            }
            if (s.repetitionPenalty() != 1f) {
                body.put("repetition_penalty", s.repetitionPenalty());
                body.put("repeat_penalty", s.repetitionPenalty());
                body.put("repeat_last_n", s.repetitionWindow());
            }
        }
        if (!stops.isEmpty()) {
            ArrayNode stopArray = body.putArray("stop");
            stops.stream().limit(MAX_SERVER_STOPS).forEach(stopArray::add);
        }
        StructuredReply structured = request.isChat() && !structuredRefused ? request.structuredReply() : null;
        if (structured != null) {
            body.set("response_format", structured.responseFormat());
        }
        return new HttpGeneration(base.resolve(path), body, new StopStringMatcher(stops), sink, maxTokens, promptTokens,
                structured);
    }

    /** @return whether the server refused structured output ({@code response_format}) once, so it is no longer asked */
    public boolean structuredOutputRefused() {
        return structuredRefused;
    }

    /**
     * @return whether the server refused the top-k and repetition-penalty fields once (they are outside OpenAI's
     *     API), so they are no longer sent
     */
    public boolean samplingFieldsRefused() {
        return samplingFieldsRefused;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        httpThreads.shutdownNow();
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleModel[" + name + ", " + base + "]";
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(firstByteTimeout);
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    /** Finds the model name when none was given: the first of {@code GET {base}/models}, else "default". */
    private CompletableFuture<String> resolveModel() {
        String known = model;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return client.sendAsync(request(base.resolve("models")).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    String found = "default";
                    if (response.statusCode() == 200) {
                        try {
                            JsonNode data = JSON.readTree(response.body()).path("data");
                            if (data.isArray() && data.size() > 0 && data.get(0).hasNonNull("id")) {
                                found = data.get(0).get("id").asText();
                            }
                        } catch (IOException e) {
                            LOG.log(System.Logger.Level.DEBUG, "unreadable model list from " + base + ": " + e);
                        }
                    }
                    if (model == null) {
                        model = found;
                        LOG.log(System.Logger.Level.INFO, "language model server " + base + ": using model '" + found + "'");
                    }
                    return model;
                });
    }

    /** A piece of text, the end of the stream, or a failure, as the HTTP threads report them. */
    private record Event(int attempt, String text, String finishReason, boolean end, Throwable error, int status,
            String body) {
    }

    private final class HttpGeneration implements Generation {
        private final URI uri;
        private final ObjectNode body;
        private final StopStringMatcher stops;
        private final TextSink sink;
        private final int maxTokens;
        private final int promptTokens;
        private final ConcurrentLinkedQueue<Event> inbox = new ConcurrentLinkedQueue<>();
        private final long startNanos = System.nanoTime();
        private int attempt;
        private long retryAtNanos = -1;
        private volatile long lastDataNanos;
        private volatile boolean streaming;
        private volatile LineReader reader;
        private CompletableFuture<?> exchange;
        private int pieces;
        private boolean anyText;
        private FinishReason reason;
        private String lastProblem;
        /** Reads the speech out of the structured reply; null when the reply is plain text. */
        private SayFieldStreamer envelope;

        HttpGeneration(URI uri, ObjectNode body, StopStringMatcher stops, TextSink sink, int maxTokens,
                int promptTokens, StructuredReply structured) {
            this.envelope = structured == null ? null : new SayFieldStreamer(structured);
            this.uri = uri;
            this.body = body;
            this.stops = stops;
            this.sink = sink;
            this.maxTokens = maxTokens;
            this.promptTokens = promptTokens;
            send();
        }

        private void send() {
            attempt++;
            int thisAttempt = attempt;
            streaming = false;
            exchange = resolveModel().thenCompose(modelName -> {
                ObjectNode payload = body.deepCopy();
                payload.put("model", modelName);
                HttpRequest httpRequest = request(uri)
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(payload.toString(), StandardCharsets.UTF_8))
                        .build();
                return client.sendAsync(httpRequest, info -> {
                    if (info.statusCode() == 200) {
                        LineReader lines = new LineReader(thisAttempt);
                        reader = lines;
                        streaming = true;
                        lastDataNanos = System.nanoTime();
                        return BodySubscribers.mapping(BodySubscribers.fromLineSubscriber(lines), ignored -> "");
                    }
                    return BodySubscribers.ofString(StandardCharsets.UTF_8);
                });
            }).whenComplete((response, error) -> {
                if (error != null) {
                    post(new Event(thisAttempt, null, null, false, unwrap(error), 0, null));
                } else if (response.statusCode() != 200) {
                    post(new Event(thisAttempt, null, null, false, null, response.statusCode(), response.body()));
                }
            });
        }

        private void post(Event event) {
            inbox.add(event);
            wake();
        }

        @Override
        public StepStatus step() {
            if (reason != null) {
                return StepStatus.DONE;
            }
            if (closed) {
                finish(FinishReason.CANCELLED);
                throw new AnimataException("language model '" + name + "' was closed during a reply");
            }
            long now = System.nanoTime();
            if (retryAtNanos >= 0) {
                if (now < retryAtNanos) {
                    return StepStatus.WAITING;
                }
                retryAtNanos = -1;
                send();
                return StepStatus.PROGRESS;
            }
            boolean progress = false;
            for (Event e = inbox.poll(); e != null; e = inbox.poll()) {
                if (e.attempt() != attempt) {
                    continue; // a stale report from an attempt given up on
                }
                progress = true;
                if (e.text() != null) {
                    pieces++;
                    anyText = true;
                    String said = envelope == null ? e.text() : envelope.feed(e.text());
                    if (!said.isEmpty() && stops.accept(said, sink)) {
                        finish(FinishReason.STOP);
                        return StepStatus.DONE;
                    }
                    if (pieces >= maxTokens) {
                        stops.flush(sink);
                        finish(FinishReason.LENGTH);
                        return StepStatus.DONE;
                    }
                } else if (e.end()) {
                    if (envelope != null) {
                        String tail = envelope.finish();
                        if (!tail.isEmpty() && stops.accept(tail, sink)) {
                            finish(FinishReason.STOP);
                            return StepStatus.DONE;
                        }
                    }
                    stops.flush(sink);
                    finish("length".equals(e.finishReason()) ? FinishReason.LENGTH : FinishReason.STOP);
                    return StepStatus.DONE;
                } else {
                    failOrRetry(e);
                    return reason != null ? StepStatus.DONE : StepStatus.WAITING;
                }
            }
            if (streaming && now - lastDataNanos > stallTimeoutNanos) {
                String what = "stopped sending for " + stallTimeoutNanos / 1_000_000 + " ms "
                        + (anyText ? "in the middle of a reply" : "before the first token") + " (stalled)";
                failOrRetry(new Event(attempt, null, null, false, new HttpTimeoutException(what), 0, null));
                return reason != null ? StepStatus.DONE : StepStatus.WAITING;
            }
            return progress ? StepStatus.PROGRESS : StepStatus.WAITING;
        }

        private void failOrRetry(Event e) {
            abortExchange();
            String problem = describe(e);
            lastProblem = problem;
            boolean refused = !anyText && (e.status() == 400 || e.status() == 422 || e.status() == 501);
            boolean hasSamplingFields = SAMPLING_FIELDS.stream().anyMatch(body::has);
            String answer = e.body() == null ? "" : e.body();
            boolean aboutFormat = answer.contains("response_format") || answer.contains("json_schema");
            if (refused && hasSamplingFields && (envelope == null || !aboutFormat)) {
                // fields outside OpenAI's API are the likelier cause (unless the answer names response_format):
                // ask again at once without them
                samplingFieldsRefused = true;
                body.remove(SAMPLING_FIELDS);
                LOG.log(System.Logger.Level.INFO, name + ": top-k and repetition penalty refused (" + problem
                        + "); the server's own settings apply");
                send();
                return;
            }
            if (envelope != null && refused) {
                // the server does not take response_format: ask again at once for plain text with an action line
                structuredRefused = true;
                envelope = null;
                body.remove("response_format");
                LOG.log(System.Logger.Level.INFO, name + ": structured output refused (" + problem + "); replies"
                        + " carry their action as a final line instead");
                send();
                return;
            }
            boolean retryable = !anyText && (e.error() != null || e.status() == 429 || e.status() >= 500);
            if (retryable && attempt <= maxRetries) {
                long delay = backoffNanos << Math.min(20, attempt - 1);
                retryAtNanos = System.nanoTime() + delay;
                LOG.log(System.Logger.Level.DEBUG, name + ": " + problem + "; retry " + attempt + " of " + maxRetries
                        + " in " + delay / 1_000_000 + " ms");
                return;
            }
            finish(FinishReason.STOP);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            throw new AnimataException("language model server " + base + " " + problem
                    + (attempt > 1 ? String.format(Locale.ROOT, " (%d attempts over %.1f s)", attempt, seconds) : "")
                    + hint(e));
        }

        private String describe(Event e) {
            Throwable t = e.error();
            if (t == null) {
                String text = e.body() == null ? "" : e.body().strip();
                if (text.length() > 300) {
                    text = text.substring(0, 300) + "...";
                }
                return "answered HTTP " + e.status() + " to POST " + uri + (text.isEmpty() ? "" : ": " + text);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "did not accept a connection within " + connectTimeout.toMillis() + " ms";
            }
            if (t instanceof ConnectException) {
                return "refused the connection";
            }
            if (t instanceof HttpTimeoutException) {
                String message = t.getMessage();
                return message != null && message.contains("stalled") ? message
                        : "sent no response within " + firstByteTimeout.toMillis() + " ms";
            }
            return "failed: " + t;
        }

        private String hint(Event e) {
            if (e.status() == 404) {
                return "; check the model name (" + model + ") and that the URL ends in /v1";
            }
            if (e.status() == 401 || e.status() == 403) {
                return "; the server wants an API key (optApiKey)";
            }
            if (e.error() instanceof ConnectException) {
                return "; is the server running? (Ollama: ollama serve; llama.cpp: llama-server -m model.gguf"
                        + " --port 8080)";
            }
            return "";
        }

        private void abortExchange() {
            LineReader r = reader;
            if (r != null) {
                r.cancel();
            }
            CompletableFuture<?> x = exchange;
            if (x != null) {
                x.cancel(true);
            }
            streaming = false;
        }

        private void finish(FinishReason why) {
            if (reason == null) {
                reason = why;
            }
            abortExchange();
        }

        @Override
        public void awaitData(long timeoutNanos) {
            long until = System.nanoTime() + timeoutNanos;
            if (retryAtNanos >= 0) {
                until = Math.min(until, retryAtNanos);
            }
            if (streaming) {
                until = Math.min(until, lastDataNanos + stallTimeoutNanos + 1_000_000L);
            }
            synchronized (signal) {
                long left = until - System.nanoTime();
                if (inbox.isEmpty() && left > 0 && !closed) {
                    try {
                        signal.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
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
            return pieces;
        }

        @Override
        public void close() {
            if (reason == null) {
                reason = FinishReason.CANCELLED;
            }
            abortExchange();
            inbox.clear();
        }

        @Override
        public String toString() {
            return "HttpGeneration[" + uri + ", attempt " + attempt + (lastProblem == null ? "" : ", " + lastProblem)
                    + "]";
        }

        /** Reads the server-sent events of one attempt, line by line, on the HTTP client's threads. */
        private final class LineReader implements Flow.Subscriber<String> {
            private final int owner;
            private final StringBuilder data = new StringBuilder();
            private volatile Flow.Subscription subscription;
            private volatile boolean cancelled;

            LineReader(int owner) {
                this.owner = owner;
            }

            void cancel() {
                cancelled = true;
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                if (cancelled) {
                    s.cancel();
                } else {
                    s.request(Long.MAX_VALUE);
                }
            }

            @Override
            public void onNext(String line) {
                lastDataNanos = System.nanoTime();
                if (line.isEmpty()) {
                    dispatch();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
                }
                // comments (":keep-alive"), "event:" and "id:" lines only keep the stream alive
            }

            private void dispatch() {
                if (data.length() == 0) {
                    return;
                }
                String payload = data.toString();
                data.setLength(0);
                if (payload.strip().equals("[DONE]")) {
                    post(new Event(owner, null, null, true, null, 0, null));
                    return;
                }
                try {
                    JsonNode root = JSON.readTree(payload);
                    if (root.has("error")) {
                        post(new Event(owner, null, null, false, null, 500, root.get("error").toString()));
                        return;
                    }
                    JsonNode choice = root.path("choices").path(0);
                    JsonNode delta = choice.path("delta").path("content");
                    String text = delta.isTextual() ? delta.asText() : choice.path("text").isTextual()
                            ? choice.path("text").asText() : null;
                    if (text != null && !text.isEmpty()) {
                        post(new Event(owner, text, null, false, null, 0, null));
                    }
                    JsonNode finish = choice.path("finish_reason");
                    if (finish.isTextual()) {
                        post(new Event(owner, null, finish.asText(), true, null, 0, null));
                    }
                } catch (IOException e) {
                    post(new Event(owner, null, null, false,
                            new IOException("sent an event that is not JSON: " + abbreviate(payload), e), 0, null));
                }
            }

            @Override
            public void onError(Throwable t) {
                if (!cancelled) {
                    post(new Event(owner, null, null, false, t, 0, null));
                }
            }

            @Override
            public void onComplete() {
                dispatch();
                if (!cancelled) {
                    post(new Event(owner, null, null, true, null, 0, null));
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        // the JDK reports a refused connection as an IOException wrapping ConnectException in some paths
        if (!(e instanceof ConnectException) && e instanceof IOException && e.getCause() instanceof ConnectException) {
            return e.getCause();
        }
        return e;
    }

    /** Builds an {@link OpenAiCompatibleModel}. Not thread-safe. */
    public static final class Builder {
        private URI base;
        private String model;
        private String name;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration firstByteTimeout = Duration.ofSeconds(30);
        private Duration stallTimeout = Duration.ofSeconds(10);
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(250);
        private int contextLength = 4096;

        private Builder() {
        }

        /**
         * Required: the API's base URL, e.g. {@code http://localhost:11434/v1} (Ollama), {@code http://localhost:8080/v1}
         * (llama.cpp), {@code http://localhost:8000/v1} (vLLM), {@code http://localhost:1234/v1} (LM Studio). A URL
         * with no path gets {@code /v1}.
         */
        public Builder setBaseUrl(String url) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new AnimataException("not a URL: '" + url + "'", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new AnimataException("a language model server URL must be http(s)://host[:port][/v1], was '"
                        + url + "'");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (path.isEmpty() || path.equals("/")) {
                path = "/v1";
            }
            this.base = URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
            return this;
        }

        /** The model name the server knows (default: the first of {@code GET /models}, else {@code default}). */
        public Builder optModel(String modelName) {
            this.model = modelName == null || modelName.isBlank() ? null : modelName;
            return this;
        }

        /** A name for logs (default {@code model@host:port}). */
        public Builder optName(String displayName) {
            this.name = displayName;
            return this;
        }

        /** Sent as {@code Authorization: Bearer KEY} (default none). */
        public Builder optApiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /** Longest wait for the connection (default 2 s). */
        public Builder optConnectTimeout(Duration timeout) {
            this.connectTimeout = positive("connect timeout", timeout);
            return this;
        }

        /** Longest wait for the response to begin (default 30 s: a server may load the model first). */
        public Builder optFirstByteTimeout(Duration timeout) {
            this.firstByteTimeout = positive("first-byte timeout", timeout);
            return this;
        }

        /** Longest silence in the middle of a stream before it counts as stalled (default 10 s). */
        public Builder optStallTimeout(Duration timeout) {
            this.stallTimeout = positive("stall timeout", timeout);
            return this;
        }

        /** Retries of a refused connection, a timeout or an HTTP 429/5xx before any text (default 2). */
        public Builder optMaxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, was " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** Wait before the first retry, doubled for each further one (default 250 ms). */
        public Builder optRetryBackoff(Duration delay) {
            this.backoff = positive("retry backoff", delay);
            return this;
        }

        /** The context length the server was started with, in tokens (default 4096). */
        public Builder optContextLength(int tokens) {
            if (tokens < 16) {
                throw new IllegalArgumentException("context length must be at least 16 tokens, was " + tokens);
            }
            this.contextLength = tokens;
            return this;
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }

        /**
         * @return the model; nothing is sent until the first generation
         * @throws IllegalStateException when {@link #setBaseUrl} was not called
         */
        public OpenAiCompatibleModel build() {
            if (base == null) {
                throw new IllegalStateException("OpenAiCompatibleModel.Builder.setBaseUrl(...) is required");
            }
            return new OpenAiCompatibleModel(this);
        }
    }
}
