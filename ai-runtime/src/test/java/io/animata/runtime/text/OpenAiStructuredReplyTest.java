package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.testing.OpenAiTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Structured output ({@code response_format}) against a real loopback server, and the fallback when refused. */
class OpenAiStructuredReplyTest {
    private static final ObjectNode ACTION_SCHEMA = new ObjectMapper().createObjectNode().put("type", "object");
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private OpenAiCompatibleModel model(OpenAiTestServer server) {
        OpenAiCompatibleModel model = OpenAiCompatibleModel.builder().setBaseUrl(server.url()).optModel("tiny-npc")
                .optRetryBackoff(Duration.ofMillis(20)).optFirstByteTimeout(Duration.ofSeconds(20)).build();
        toClose.add(model);
        return model;
    }

    private static GenerationRequest request() {
        return GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."), ChatMessage.user("The key?")))
                .optStructuredReply(new StructuredReply("ACTION:", ACTION_SCHEMA)).optMaxTokens(60)
                .optSampling(SamplingConfig.GREEDY).build(); // no sampling fields outside OpenAI's API
    }

    @Test
    void theSayTextStreamsAsItArrivesAndTheActionEndsTheReply() throws Exception {
        OpenAiTestServer server = new OpenAiTestServer().pieces("{\"say\": \"He", "re, tr", "aveller.\", \"act",
                "ion\": {\"action\": \"give_item\", \"item\": \"key\"}}");
        toClose.add(server);
        List<String> pieces = new ArrayList<>();
        GenerationResult r = model(server).generate(request(), p -> pieces.add(p.toString()), null);
        assertEquals("Here, traveller.\nACTION: {\"action\":\"give_item\",\"item\":\"key\"}", r.text());
        assertEquals(List.of("He", "re, tr", "aveller."), pieces.subList(0, 3), "speech streams piece by piece");
        JsonNode format = server.bodies.get(0).get("response_format");
        assertEquals("json_schema", format.get("type").asText());
        assertEquals(ACTION_SCHEMA, format.get("json_schema").get("schema").get("properties").get("action")
                .get("anyOf").get(0));
    }

    @Test
    void aServerThatRefusesResponseFormatIsAskedAgainForAPlainReply() throws Exception {
        OpenAiTestServer server = new OpenAiTestServer().failNext(1, 400)
                .pieces("Here.", "\nACTION: {\"action\": \"follow\"}");
        toClose.add(server);
        OpenAiCompatibleModel model = model(server);
        GenerationResult r = model.generate(request(), p -> { }, null);
        assertEquals("Here.\nACTION: {\"action\": \"follow\"}", r.text());
        assertEquals(2, server.completionRequests());
        assertTrue(server.bodies.get(0).has("response_format"));
        assertFalse(server.bodies.get(1).has("response_format"));
        assertTrue(model.structuredOutputRefused());
        model.generate(request(), p -> { }, null);
        assertFalse(server.bodies.get(2).has("response_format"), "not asked again once refused");
    }

    @Test
    void aStrictServerLosesTheSamplingFieldsThenResponseFormatAndStillAnswers() throws Exception {
        // OpenAI's own API refuses fields outside its specification; this one also refuses response_format
        OpenAiTestServer server = new OpenAiTestServer().refuseFields("top_k", "repetition_penalty",
                "response_format").pieces("Here.", "\nACTION: {\"action\": \"follow\"}");
        toClose.add(server);
        OpenAiCompatibleModel model = model(server);
        GenerationRequest request = GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."),
                ChatMessage.user("Follow me."))).optStructuredReply(new StructuredReply("ACTION:", ACTION_SCHEMA))
                .optSampling(SamplingConfig.DEFAULT).optMaxTokens(60).build();

        GenerationResult r = model.generate(request, p -> { }, null);

        assertEquals("Here.\nACTION: {\"action\": \"follow\"}", r.text());
        assertEquals(3, server.completionRequests());
        assertTrue(server.bodies.get(1).has("response_format"), "the sampling fields go first");
        assertFalse(server.bodies.get(1).has("top_k"));
        assertFalse(server.bodies.get(2).has("response_format"));
        assertTrue(model.samplingFieldsRefused());
        assertTrue(model.structuredOutputRefused());
    }

    @Test
    void aServerThatNamesResponseFormatKeepsTheSamplingFields() throws Exception {
        OpenAiTestServer server = new OpenAiTestServer().refuseFields("response_format")
                .pieces("Here.", "\nACTION: {\"action\": \"follow\"}");
        toClose.add(server);
        OpenAiCompatibleModel model = model(server);
        GenerationRequest request = GenerationRequest.chat(List.of(ChatMessage.user("Follow me.")))
                .optStructuredReply(new StructuredReply("ACTION:", ACTION_SCHEMA)).optSampling(SamplingConfig.DEFAULT)
                .optMaxTokens(60).build();

        model.generate(request, p -> { }, null);

        assertEquals(2, server.completionRequests());
        assertFalse(server.bodies.get(1).has("response_format"));
        assertTrue(server.bodies.get(1).has("top_k"), "the answer named response_format, not the sampling fields");
        assertFalse(model.samplingFieldsRefused());
    }
}
