package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.runtime.AnimataException;
import io.animata.runtime.testing.OpenAiTestServer;
import io.animata.runtime.testing.OpenAiTestServer.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible backend against a real HTTP server on the loopback interface. */
class OpenAiCompatibleModelTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private OpenAiTestServer server() throws Exception {
        OpenAiTestServer server = new OpenAiTestServer();
        toClose.add(server);
        return server;
    }

    private OpenAiCompatibleModel model(String url, OpenAiCompatibleModel.Builder settings) {
        OpenAiCompatibleModel model = settings.setBaseUrl(url).build();
        toClose.add(model);
        return model;
    }

    /** Short backoff; generous timeouts, so that only the tests about timeouts ever meet one on a busy machine. */
    private static OpenAiCompatibleModel.Builder fast() {
        return OpenAiCompatibleModel.builder()
                .optConnectTimeout(Duration.ofSeconds(5))
                .optFirstByteTimeout(Duration.ofSeconds(20))
                .optStallTimeout(Duration.ofSeconds(20))
                .optRetryBackoff(Duration.ofMillis(20))
                .optMaxRetries(2);
    }

    private static GenerationRequest chat(String line) {
        return GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."), ChatMessage.user(line)))
                .optMaxTokens(50).optSeed(7).optSampling(SamplingConfig.GREEDY).build();
    }

    @Test
    void streamsAChatReplyPieceByPieceAndDiscoversTheModelName() throws Exception {
        OpenAiTestServer server = server().pieces("Well", " met", ", traveller.");
        OpenAiCompatibleModel model = model(server.url(), fast());
        List<String> pieces = new ArrayList<>();

        GenerationResult result = model.generate(chat("Hello!"), piece -> pieces.add(piece.toString()), null);

        assertEquals("Well met, traveller.", result.text());
        assertEquals(List.of("Well", " met", ", traveller."), pieces);
        assertEquals(FinishReason.STOP, result.finishReason());
        assertEquals(3, result.generatedTokens());
        assertEquals(List.of("/v1/models", "/v1/chat/completions"), server.paths);
        JsonNode body = server.bodies.get(0);
        assertEquals("tiny-npc", body.get("model").asText());
        assertTrue(body.get("stream").asBoolean());
        assertEquals(50, body.get("max_tokens").asInt());
        assertEquals(7, body.get("seed").asLong());
        assertEquals(0.0, body.get("temperature").asDouble());
        assertEquals("system", body.get("messages").get(0).get("role").asText());
        assertEquals("Hello!", body.get("messages").get(1).get("content").asText());
        assertEquals("tiny-npc", model.model());
    }

    @Test
    void topKAndTheRepetitionPenaltyGoUnderTheNamesLocalServersReadWhenARequestSetsThem() throws Exception {
        OpenAiTestServer server = server().pieces("Fine.");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m"));
        SamplingConfig sampling = SamplingConfig.builder().optTemperature(0.7f).optTopK(20).optRepetitionPenalty(1.2f)
                .optRepetitionWindow(48).build();

        model.generate(GenerationRequest.chat(List.of(ChatMessage.user("Hi"))).optSampling(sampling).build(),
                TextSink.NONE, null);
        model.generate(chat("Hi"), TextSink.NONE, null);

        JsonNode sampled = server.bodies.get(0);
        assertEquals(20, sampled.get("top_k").asInt());
        assertEquals(1.2, sampled.get("repetition_penalty").asDouble(), 1e-6);
        assertEquals(1.2, sampled.get("repeat_penalty").asDouble(), 1e-6);
        assertEquals(48, sampled.get("repeat_last_n").asInt());
        JsonNode greedy = server.bodies.get(1);
        for (String field : List.of("top_k", "repetition_penalty", "repeat_penalty", "repeat_last_n")) {
            assertFalse(greedy.has(field), "greedy without a penalty sends no " + field);
        }
    }

    @Test
    void aServerThatRefusesFieldsOutsideOpenAisApiIsAskedAgainWithoutThem() throws Exception {
        OpenAiTestServer server = server().refuseFields("top_k", "repeat_penalty").pieces("Fine", " then.");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m"));
        GenerationRequest request = GenerationRequest.chat(List.of(ChatMessage.user("Hi")))
                .optSampling(SamplingConfig.DEFAULT).optSeed(3).build();

        GenerationResult result = model.generate(request, TextSink.NONE, null);

        assertEquals("Fine then.", result.text());
        assertEquals(2, server.completionRequests(), "asked again at once, not retried with backoff");
        assertTrue(server.bodies.get(0).has("top_k"));
        assertFalse(server.bodies.get(1).has("top_k"));
        assertFalse(server.bodies.get(1).has("repeat_penalty"));
        assertEquals(0.95, server.bodies.get(1).get("top_p").asDouble(), 1e-6, "OpenAI's own fields stay");
        assertTrue(model.samplingFieldsRefused());
        model.generate(request, TextSink.NONE, null);
        assertEquals(3, server.completionRequests());
        assertFalse(server.bodies.get(2).has("top_k"), "not sent again once refused");
    }

    @Test
    void aRawPromptGoesToCompletions() throws Exception {
        OpenAiTestServer server = server().pieces(" upon", " a time");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("given"));

        GenerationResult result = model.generate(GenerationRequest.prompt("Once").optMaxTokens(5).build(),
                TextSink.NONE, null);

        assertEquals(" upon a time", result.text());
        assertEquals(List.of("/v1/completions"), server.paths);
        assertEquals("Once", server.bodies.get(0).get("prompt").asText());
        assertEquals("given", server.bodies.get(0).get("model").asText());
    }

    @Test
    void aStopStringSplitOverChunksEndsTheReplyHere() throws Exception {
        OpenAiTestServer server = server().pieces("Hello", " wor", "ld<|im", "_end|>junk", " more");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m"));

        GenerationResult result = model.generate(GenerationRequest.prompt("x")
                .optStopStrings(List.of("<|im_end|>")).build(), TextSink.NONE, null);

        assertEquals("Hello world", result.text());
        assertEquals(FinishReason.STOP, result.finishReason());
        assertEquals("<|im_end|>", server.bodies.get(0).get("stop").get(0).asText());
    }

    @Test
    void theServersLengthFinishIsReported() throws Exception {
        OpenAiTestServer server = server().pieces("a", "b").finishReason("length");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m"));
        assertEquals(FinishReason.LENGTH, model.generate(chat("hi"), TextSink.NONE, null).finishReason());
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoffThenExplained() throws Exception {
        OpenAiCompatibleModel model = model(OpenAiTestServer.refusingUrl(), fast().optModel("m"));

        AnimataException e = assertThrows(AnimataException.class,
                () -> model.generate(chat("hi"), TextSink.NONE, null));

        assertTrue(e.getMessage().contains("refused the connection (3 attempts over"), e.getMessage());
        assertTrue(e.getMessage().contains("is the server running?"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        OpenAiTestServer server = server().mode(Mode.SILENT);
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m").optMaxRetries(1)
                .optFirstByteTimeout(Duration.ofMillis(400)));

        AnimataException e = assertThrows(AnimataException.class,
                () -> model.generate(chat("hi"), TextSink.NONE, null));

        assertTrue(e.getMessage().contains("sent no response within 400 ms (2 attempts"), e.getMessage());
        assertEquals(2, server.completionRequests());
    }

    @Test
    void aStreamThatStallsMidReplyFailsAfterTheStallTimeoutKeepingTheTextSoFar() throws Exception {
        OpenAiTestServer server = server().mode(Mode.STALL).pieces("Hel", "lo");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m").optStallTimeout(Duration.ofMillis(400)));
        StringBuilder text = new StringBuilder();

        AnimataException e = assertThrows(AnimataException.class,
                () -> model.generate(chat("hi"), text::append, null));

        assertTrue(e.getMessage().contains("stopped sending for 400 ms in the middle of a reply (stalled)"),
                e.getMessage());
        assertEquals("Hel", text.toString());
        assertEquals(1, server.completionRequests(), "text had arrived: no retry");
    }

    @Test
    void aServerErrorBeforeAnyTextIsRetried() throws Exception {
        OpenAiTestServer server = server().failNext(1, 503).pieces("ok");
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m"));

        assertEquals("ok", model.generate(chat("hi"), TextSink.NONE, null).text());
        assertEquals(2, server.completionRequests());
    }

    @Test
    void notFoundIsNotRetriedAndNamesTheModel() throws Exception {
        OpenAiTestServer server = server().failNext(5, 404);
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("no-such-model"));

        AnimataException e = assertThrows(AnimataException.class,
                () -> model.generate(chat("hi"), TextSink.NONE, null));

        assertTrue(e.getMessage().contains("answered HTTP 404 to POST " + server.url() + "/chat/completions"),
                e.getMessage());
        assertTrue(e.getMessage().contains("check the model name (no-such-model)"), e.getMessage());
        assertEquals(1, server.completionRequests());
    }

    @Test
    void closingAGenerationStopsTheStreamAndTheServerSeesTheClientGo() throws Exception {
        OpenAiTestServer server = server().mode(Mode.ENDLESS);
        OpenAiCompatibleModel model = model(server.url(), fast().optModel("m"));
        StringBuilder text = new StringBuilder();
        Generation g = model.start(chat("talk forever"), text::append);
        while (text.length() == 0) {
            if (g.step() == StepStatus.WAITING) {
                g.awaitData(50_000_000L);
            }
        }

        g.close();
        int seen = text.length();

        assertEquals(FinishReason.CANCELLED, g.finishReason());
        assertEquals(StepStatus.DONE, g.step());
        assertEquals(seen, text.length(), "no text after close");
        assertTrue(server.clientWentAway.await(20, TimeUnit.SECONDS), "the server's writes failed: connection closed");
    }

    @Test
    void theBaseUrlGetsV1WhenItHasNoPathAndBadUrlsAreExplained() {
        assertEquals("http://localhost:11434/v1/", OpenAiCompatibleModel.builder().setBaseUrl("http://localhost:11434")
                .build().baseUrl().toString());
        AnimataException e = assertThrows(AnimataException.class,
                () -> OpenAiCompatibleModel.builder().setBaseUrl("ftp://x"));
        assertTrue(e.getMessage().contains("http(s)://host[:port][/v1]"), e.getMessage());
        assertFalse(OpenAiCompatibleModel.builder().setBaseUrl("https://h/api/v1").build().baseUrl().toString()
                .endsWith("v1/v1/"));
    }
}
