package io.animata.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback interface that speaks the OpenAI streaming format (server-sent events of
 * {@code chat.completion.chunk} / {@code text_completion} objects, then {@code data: [DONE]}), as Ollama, llama.cpp's
 * server and vLLM do. Its behaviour is set per test: stream a reply, stall after the first piece, never answer,
 * fail a few times with a status, or stream forever until the client goes away. Records every request body.
 */
public final class OpenAiTestServer implements AutoCloseable {
    /** What the server does with a completion request. */
    public enum Mode {
        /** Streams the pieces, then a finish reason and [DONE]. */
        STREAM,
        /** Sends the headers and the first piece, then nothing until closed. */
        STALL,
        /** Accepts the request and never sends the headers. */
        SILENT,
        /** Streams pieces every few milliseconds until writing fails (the client closed the connection). */
        ENDLESS
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-openai-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    /** Counted down when an ENDLESS stream's write fails because the client went away. */
    public final CountDownLatch clientWentAway = new CountDownLatch(1);
    public final List<String> paths = new CopyOnWriteArrayList<>();
    public final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Mode mode = Mode.STREAM;
    private volatile List<String> pieces = List.of("Hello", " there", "!");
    private volatile String finishReason = "stop";
    private volatile int failStatus = 500;
    private volatile List<String> refusedFields = List.of();

    public OpenAiTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", exchange -> completion(exchange, true));
        server.createContext("/v1/completions", exchange -> completion(exchange, false));
        server.start();
    }

    /** @return the base URL, {@code http://127.0.0.1:PORT/v1} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return a loopback URL where nothing listens (connections are refused) */
    public static String refusingUrl() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "/v1";
    }

    public OpenAiTestServer mode(Mode m) {
        this.mode = m;
        return this;
    }

    public OpenAiTestServer pieces(String... texts) {
        this.pieces = List.of(texts);
        return this;
    }

    public OpenAiTestServer finishReason(String reason) {
        this.finishReason = reason;
        return this;
    }

    /** The next {@code times} completion requests get {@code status} with an error body. */
    public OpenAiTestServer failNext(int times, int status) {
        failuresLeft.set(times);
        failStatus = status;
        return this;
    }

    /**
     * Answers requests that carry any of these top-level fields with HTTP 400 and OpenAI's message for an unknown
     * argument, as OpenAI's own API does with fields outside its specification.
     */
    public OpenAiTestServer refuseFields(String... names) {
        refusedFields = List.of(names);
        return this;
    }

    /** @return completion requests received (model listings not counted) */
    public int completionRequests() {
        return bodies.size();
    }

    private void models(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        byte[] body = "{\"object\":\"list\",\"data\":[{\"id\":\"tiny-npc\",\"object\":\"model\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void completion(HttpExchange exchange, boolean chat) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        bodies.add(request);
        for (String field : refusedFields) {
            if (request.has(field)) {
                byte[] body = ("{\"error\":{\"message\":\"Unrecognized request argument supplied: " + field
                        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
        }
        if (failuresLeft.getAndDecrement() > 0) {
            byte[] body = ("{\"error\":{\"message\":\"model is loading\",\"code\":" + failStatus + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(failStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        Mode m = mode;
        if (m == Mode.SILENT) {
            awaitClosing();
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked
        OutputStream out = exchange.getResponseBody();
        try {
            if (m == Mode.ENDLESS) {
                for (int i = 0; ; i++) {
                    write(out, chunk(chat, "word" + i + " ", null));
                    sleep(5);
                }
            }
            List<String> texts = pieces;
            for (int i = 0; i < texts.size(); i++) {
                write(out, chunk(chat, texts.get(i), null));
                if (m == Mode.STALL) {
                    awaitClosing();
                    return;
                }
            }
            write(out, chunk(chat, null, finishReason));
            write(out, "data: [DONE]\n\n");
        } catch (IOException e) {
            clientWentAway.countDown();
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // the client is gone
            }
        }
    }

    private static String chunk(boolean chat, String text, String finish) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "cmpl-1").put("object", chat ? "chat.completion.chunk" : "text_completion")
                .put("created", 0).put("model", "tiny-npc");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        if (chat) {
            ObjectNode delta = choice.putObject("delta");
            if (text != null) {
                delta.put("content", text);
            }
        } else {
            choice.put("text", text == null ? "" : text);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return "data: " + root + "\n\n";
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void awaitClosing() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
