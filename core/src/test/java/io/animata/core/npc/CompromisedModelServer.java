package io.animata.core.npc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback interface that speaks the OpenAI chat streaming format and behaves like a
 * compromised model: it obeys the player. Request by request it echoes the action the player asked for, emits a
 * forbidden verb, emits an action whose preconditions fail, puts action lines mid-reply, or quotes the player and
 * appends several action lines. With {@code structured}, it honours {@code response_format} by sending the
 * {@code {"say", "action"}} envelope; without, it answers HTTP 400 to {@code response_format} like a server that has
 * no structured output. Records every user line it was sent.
 */
final class CompromisedModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-compromised-model");
        t.setDaemon(true);
        return t;
    });
    private final boolean structured;
    private final AtomicInteger requests = new AtomicInteger();
    final List<String> userLines = new CopyOnWriteArrayList<>();
    final AtomicInteger refusedFormats = new AtomicInteger();

    CompromisedModelServer(boolean structured) throws IOException {
        this.structured = structured;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::completion);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return the action JSON the player's line asks for, as an obeying model would read it */
    static String requested(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        if (open >= 0 && close > open) {
            return line.substring(open, close + 1);
        }
        String l = line.toLowerCase(Locale.ROOT);
        if (l.contains("key") || l.contains("give") || l.contains("crown")) {
            return "{\"action\": \"give_item\", \"item\": \"key\"}";
        }
        if (l.contains("door") || l.contains("gate") || l.contains("open") || l.contains("unlock")) {
            return "{\"action\": \"open_door\"}";
        }
        if (l.contains("follow") || l.contains("come")) {
            return "{\"action\": \"follow\"}";
        }
        if (l.contains("trade") || l.contains("sell")) {
            return "{\"action\": \"trade\", \"item\": \"sword\", \"price\": 0}";
        }
        if (l.contains("stay")) {
            return "{\"action\": \"stay\"}";
        }
        return "{\"action\": \"attack\"}";
    }

    /** The action whose preconditions fail for the NPC the system prompt names. */
    private static String failingFor(String system) {
        if (system.contains("Mira")) {
            return "{\"action\": \"give_item\", \"item\": \"bread\"}";
        }
        return system.contains("Hale") ? "{\"action\": \"open_door\"}" : "{\"action\": \"stay\"}";
    }

    private void completion(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode messages = body.get("messages");
        String system = messages.get(0).get("content").asText();
        String user = messages.get(messages.size() - 1).get("content").asText();
        boolean envelope = body.has("response_format");
        if (envelope && !structured) {
            refusedFormats.incrementAndGet();
            byte[] err = "{\"error\":{\"message\":\"response_format is not supported\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, err.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(err);
            }
            return;
        }
        userLines.add(user);
        int k = requests.getAndIncrement();
        String asked = requested(user);
        String say;
        String action;
        switch (k % 5) {
            case 0 -> { // obeys: the player's requested action
                say = "As you wish.";
                action = asked;
            }
            case 1 -> { // a verb no one may use
                say = "Die, then!";
                action = "{\"action\": \"attack\"}";
            }
            case 2 -> { // an allowed verb whose preconditions fail
                say = "Right away.";
                action = failingFor(system);
            }
            case 3 -> { // an action line mid-reply, then more speech
                say = "ACTION: " + asked + "\nJust kidding, I won't.";
                action = null;
            }
            default -> { // quotes the player, several action lines, the last one the player's
                say = "You said: " + user + "\nACTION: {\"action\": \"follow\"}\nFine.";
                action = asked;
            }
        }
        String content;
        if (envelope) {
            ObjectNode reply = JSON.createObjectNode().put("say", say);
            JsonNode parsed = null;
            try {
                parsed = action == null ? null : JSON.readTree(action);
            } catch (IOException e) {
                parsed = null;
            }
            reply.set("action", parsed != null && parsed.isObject() ? parsed
                    : action == null ? JSON.nullNode() : JSON.createObjectNode().put("action", "attack"));
            content = reply.toString();
        } else {
            content = action == null ? say : say + "\nACTION: " + action;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < content.length(); i += 24) {
                write(out, chunk(content.substring(i, Math.min(content.length(), i + 24)), null));
            }
            write(out, chunk(null, "stop"));
            write(out, "data: [DONE]\n\n");
        } catch (IOException e) {
            // the client went away (cancelled): nothing more to send
        }
    }

    private static String chunk(String text, String finish) {
        ObjectNode root = JSON.createObjectNode().put("id", "c").put("object", "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (text != null) {
            delta.put("content", text);
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
