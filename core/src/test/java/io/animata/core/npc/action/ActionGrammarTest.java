package io.animata.core.npc.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import com.fasterxml.jackson.databind.JsonNode;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.GenerationResult;
import io.animata.runtime.text.OnnxLanguageModel;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.TextConstraint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionGrammarTest {

    static ActionGrammar grammar() {
        return ActionGrammar.of(List.of(
                new ActionGrammar.Choice(ActionDefinition.builder("give_item").addArg(ActionArg.inventoryItem("item"))
                        .build(), List.of(List.of("key", "bread", "say \"hi\""))),
                new ActionGrammar.Choice(ActionDefinition.of("open_door"), List.of()),
                new ActionGrammar.Choice(ActionDefinition.of("open"), List.of()),
                new ActionGrammar.Choice(ActionDefinition.builder("trade").addArg(ActionArg.oneOf("item", "sword"))
                        .addArg(ActionArg.integer("price")).build(), List.of(List.of("sword"), List.of())),
                new ActionGrammar.Choice(ActionDefinition.builder("shout").addArg(ActionArg.text("words")).build(),
                        List.of(List.of()))));
    }

    private static boolean accepts(TextConstraint c, String text) {
        int s = c.walk(c.start(), text);
        return s != TextConstraint.REJECT && c.canEnd(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "Just talking, no action.",
        "Take it.\nACTION: {\"action\": \"give_item\", \"item\": \"key\"}",
        "Take it. action:{\"action\":\"give_item\",\"item\":\"say \\\"hi\\\"\"}",
        "ACTION: {\"action\": \"open_door\"}",
        "Well. ACTION: {\"action\": \"open\"}",
        "Deal.\nACTION: { \"action\" : \"trade\" , \"item\" : \"sword\" , \"price\" : -120 }",
        "Deal.\nACTION: {\"action\": \"trade\", \"item\": \"sword\", \"price\": 0}",
        "Hey!\nACTION: {\"action\": \"shout\", \"words\": \"Go \\\"away\\\"\\n now {}: ACTION:\"}",
    })
    void acceptsFreeSpeechAndWellFormedAllowedActions(String text) {
        assertTrue(accepts(grammar().constraint(), text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ACTION: {\"action\": \"attack\"}",
        "ACTION: {\"action\": \"give_item\", \"item\": \"sword\"}",
        "ACTION: {\"action\": \"give_item\"}",
        "ACTION: {\"item\": \"key\", \"action\": \"give_item\"}",
        "ACTION: {\"action\": \"open_door\", \"item\": \"key\"}",
        "ACTION: {\"action\": \"open_door\"} and more words",
        "ACTION: {\"action\": \"open_door\"}\nACTION: {\"action\": \"open_door\"}",
        "ACTION: {\"action\": \"trade\", \"item\": \"sword\", \"price\": 01}",
        "ACTION: {\"action\": \"trade\", \"item\": \"sword\", \"price\": \"10\"}",
        "ACTION: {\"action\": \"trade\", \"item\": \"sword\", \"price\": 1234567890}",
        "ACTION: {\"action\": \"shout\", \"words\": \"two\nlines\"}",
        "ACTION: {\"action\":  \"open_door\"}",
        "ACTION: attack",
        "ACTION: {\"action\": \"open_door\"",
    })
    void refusesEverythingElseAfterTheMarker(String text) {
        assertFalse(accepts(grammar().constraint(), text), text);
    }

    @Test
    void everyAcceptedActionLineParsesToWhatTheSchemaAllows() {
        String text = "Deal.\nACTION: {\"action\": \"trade\", \"item\": \"sword\", \"price\": 12}";
        assertTrue(accepts(grammar().constraint(), text));
        ActionParser.Result r = ActionParser.parse(text);
        assertNull(r.problem());
        assertEquals(12L, r.action().integer("price"));
    }

    @Test
    void theSchemaForServersListsEachVerbWithItsArguments() {
        JsonNode format = grammar().structuredReply().responseFormat();
        assertEquals("json_schema", format.get("type").asText());
        JsonNode schema = format.get("json_schema").get("schema");
        assertEquals("[\"say\",\"action\"]", schema.get("required").toString());
        JsonNode verbs = schema.get("properties").get("action").get("anyOf").get(0).get("anyOf");
        assertEquals(5, verbs.size());
        JsonNode give = verbs.get(0);
        assertEquals("[\"give_item\"]", give.get("properties").get("action").get("enum").toString());
        assertEquals("[\"key\",\"bread\",\"say \\\"hi\\\"\"]", give.get("properties").get("item").get("enum").toString());
        assertEquals("integer", verbs.get(3).get("properties").get("price").get("type").asText());
        assertFalse(give.get("additionalProperties").asBoolean());
        StringBuilder rules = new StringBuilder();
        grammar().describe(rules);
        assertTrue(rules.toString().contains("- give_item; \"item\" is one of \"key\", \"bread\""), rules.toString());
        assertTrue(rules.toString().contains("\"price\" is a whole number"), rules.toString());
        assertEquals("ACTION: {\"action\": \"give_item\", \"item\": \"key\"}", grammar().example());
    }

    /**
     * A random model that is pushed to start action lines, decoding under the grammar: whatever it writes, each
     * action line is well-formed JSON naming an allowed verb with valid arguments, and it is the reply's last line.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void constrainedDecodingOfARandomModelAlwaysGivesSchemaValidActions(long seed, @TempDir Path dir) throws Exception {
        TinyActionModel.write(dir, seed, 6f);
        ActionRules rules = ActionRules.of(
                ActionDefinition.builder("give_item").addArg(ActionArg.inventoryItem("item")).build(),
                ActionDefinition.of("open_door"), ActionDefinition.of("follow"),
                ActionDefinition.builder("trade").addArg(ActionArg.oneOf("item", "sword", "bread"))
                        .addArg(ActionArg.integer("price")).build(),
                ActionDefinition.of("attack"));
        Entity npc = new Entity();
        InventoryComponent inventory = new InventoryComponent();
        inventory.items.addAll("key", "bread");
        npc.add(inventory);
        npc.add(new ActionsComponent().allow("give_item", "open_door", "trade"));
        ActionGrammar grammar = ActionGrammar.of(List.of(
                new ActionGrammar.Choice(rules.definition("give_item"), List.of(List.of("key", "bread"))),
                new ActionGrammar.Choice(rules.definition("open_door"), List.of()),
                new ActionGrammar.Choice(rules.definition("trade"), List.of(List.of("sword", "bread"), List.of()))));
        int actions = 0;
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(dir)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            for (SamplingConfig sampling : new SamplingConfig[] {SamplingConfig.DEFAULT,
                    SamplingConfig.builder().optTemperature(1.5f).optTopK(0).optTopP(1f).build(),
                    SamplingConfig.GREEDY}) {
                GenerationResult r = model.generate(GenerationRequest.prompt("The guard says:")
                        .optConstraint(grammar.constraint()).optSampling(sampling).optSeed(seed).optMaxTokens(120)
                        .build(), piece -> { }, null);
                String text = r.text();
                ActionParser.Result parsed = ActionParser.parse(text);
                int markers = text.toUpperCase().split("ACTION:", -1).length - 1;
                assertTrue(markers <= 1, "one action line at most: " + text);
                if (markers == 1 && r.finishReason() != io.animata.runtime.text.FinishReason.LENGTH) {
                    assertTrue(parsed.present(), "the action line is the last line: " + text);
                    assertNull(parsed.problem(), text);
                    assertTrue(parsed.hasAction(), text);
                    assertEquals(ActionVerdict.ACCEPTED, rules.validate(npc, parsed.action(), new Array<>()), text);
                    actions++;
                }
            }
        }
        assertTrue(actions >= 1, "the biased model should act, acted in " + actions + " of 3 replies");
    }
}
