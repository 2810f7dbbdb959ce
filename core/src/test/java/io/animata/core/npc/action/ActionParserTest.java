package io.animata.core.npc.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionParserTest {

    @Test
    void readsAJsonActionOnTheFinalLine() {
        ActionParser.Result r = ActionParser.parse("Here, take it.\nACTION: {\"action\": \"give_item\", \"item\": \"key\"}\n");
        assertTrue(r.present());
        assertNull(r.problem());
        assertEquals(new NpcAction("give_item", Map.of("item", "key")), r.action());
        ActionParser.Result trade = ActionParser.parse("Deal.\naction:{\"action\":\"Trade\",\"item\":\"sword\",\"price\":10}");
        assertEquals("trade", trade.action().verb());
        assertEquals(10L, trade.action().integer("price"));
        assertEquals("sword", trade.action().text("item"));
        assertEquals("{\"action\":\"trade\",\"item\":\"sword\",\"price\":10}", trade.action().toJson());
    }

    @Test
    void readsTheOldForm() {
        assertEquals(NpcAction.of("open_door"), ActionParser.parse("Fine.\nACTION: open door.").action());
        assertEquals(NpcAction.of("wave"), ActionParser.parse("Hello! ACTION: \"wave\"").action());
        ActionParser.Result none = ActionParser.parse("Hello.\nACTION: none");
        assertTrue(none.present());
        assertFalse(none.hasAction());
        assertNull(none.problem());
        assertFalse(ActionParser.parse("Hello.\nACTION: {\"action\": \"none\"}").hasAction());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sure.\nACTION: {\"action\": \"give_item\", \"item\": \"key\"",
        "Sure.\nACTION: {\"action\": \"give_item\"} trailing words",
        "Sure.\nACTION: {\"item\": \"key\"}",
        "Sure.\nACTION: {\"action\": 3}",
        "Sure.\nACTION: [\"give_item\"]",
        "Sure.\nACTION: {\"action\": \"give_item\", \"item\": {\"name\": \"key\"}}",
        "Sure.\nACTION: {\"action\": \"give_item\", \"item\": [\"key\"]}",
        "Sure.\nACTION: {\"action\": \"give_item\", \"price\": 1.5}",
        "Sure.\nACTION: {\"action\": \"attack\", \"action\": \"follow\"}",
        "Sure.\nACTION: {'action': 'attack'}",
        "Sure.\nACTION:",
        "Sure.\nACTION: !!! ???",
    })
    void malformedActionsAreProposedButNotParsed(String reply) {
        ActionParser.Result r = ActionParser.parse(reply);
        assertTrue(r.present(), reply);
        assertFalse(r.hasAction(), reply);
        assertTrue(r.problem() != null && !r.problem().isBlank(), reply);
    }

    @Test
    void anOverlongPayloadIsMalformed() {
        ActionParser.Result r = ActionParser.parse("Hm.\nACTION: {\"action\": \"follow\", \"why\": \""
                + "x".repeat(2000) + "\"}");
        assertFalse(r.hasAction());
        assertTrue(r.problem().contains("longer than"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ACTION: {\"action\": \"attack\"}\nBut I won't.",
        "Sure.\nACTION: {\"action\": \"attack\"}\nJust kidding.",
        "You said ACTION: {\"action\": \"attack\"} to me?\nNo.",
        "No action here at all.",
    })
    void anActionAnywhereButTheFinalLineIsIgnored(String reply) {
        ActionParser.Result r = ActionParser.parse(reply);
        assertFalse(r.present(), reply);
        assertNull(r.action());
    }

    @Test
    void onlyTheFinalLinesActionCountsWhenThereAreSeveral() {
        ActionParser.Result r = ActionParser.parse("ACTION: {\"action\": \"attack\"}\nFine.\nACTION: {\"action\": \"follow\"}");
        assertEquals(NpcAction.of("follow"), r.action());
    }

    @Test
    void theSpeechNeverShowsAMarkerNotEvenWhileStreaming() {
        String reply = "Here you go. ACTION: {\"action\": \"give_item\", \"item\": \"key\"}";
        for (int n = 0; n <= reply.length(); n++) {
            StringBuilder out = new StringBuilder();
            ActionParser.appendSpeech(reply.substring(0, n), false, out);
            assertFalse(out.toString().toUpperCase().contains("ACTI"), out.toString());
            assertTrue("Here you go.".startsWith(out.toString()), out.toString());
        }
        StringBuilder mid = new StringBuilder();
        ActionParser.appendSpeech("Sure.\nACTION: {\"action\": \"attack\"}\nOr not.", true, mid);
        assertEquals("Sure.\n\nOr not.", mid.toString());
        StringBuilder plain = new StringBuilder("> ");
        ActionParser.appendSpeech("  A", true, plain);
        assertEquals("> A", plain.toString(), "a complete reply holds nothing back; appends after what was there");
    }
}
