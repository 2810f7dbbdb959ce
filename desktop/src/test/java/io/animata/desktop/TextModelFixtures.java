package io.animata.desktop;

import com.sun.net.httpserver.HttpServer;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.TinyDecoder;
import io.animata.runtime.text.TokenizerJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/** A tiny ONNX decoder folder, and a loopback server speaking the OpenAI streaming format, for command tests. */
final class TextModelFixtures {
    private TextModelFixtures() {
    }

    static Path tinyModel(Path dir, long seed) {
        List<String> words = new ArrayList<>(List.of("hello", "there", "traveller", ",", ".", "!", "?", "the", "forge",
                "is", "hot", "sword", "gold", "yes", "no", "mira", "you", "are", "a", "blacksmith"));
        for (int i = 0; i < 30; i++) {
            words.add("w" + i);
        }
        List<String> specials = List.of("<|im_start|>", "<|im_end|>");
        TinyDecoder.random(new TinyDecoder.Config(1 + specials.size() + words.size(), 32, 4, 2, 64, 512), seed)
                .writeModelFolder(dir, TokenizerJson.wordLevel(specials, words), ChatTemplate.CHATML, 2);
        return dir;
    }

    static String refusingUrl() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort() + "/v1";
        }
    }

    /** Streams {@code pieces} as chat and completion chunks to every request. */
    static HttpServer sseServer(String... pieces) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-sse");
            t.setDaemon(true);
            return t;
        }));
        for (String path : List.of("/v1/chat/completions", "/v1/completions")) {
            boolean chat = path.contains("chat");
            server.createContext(path, exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String p : pieces) {
                        String quoted = "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
                        String chunk = chat ? "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quoted + "}}]}"
                                : "{\"choices\":[{\"index\":0,\"text\":" + quoted + "}]}";
                        out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                            .getBytes(StandardCharsets.UTF_8));
                    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        server.start();
        return server;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }
}
