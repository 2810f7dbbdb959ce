package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SayFieldStreamerTest {
    private static final StructuredReply FORMAT = new StructuredReply("ACTION:",
            new ObjectMapper().createObjectNode().put("type", "object"));

    /** Feeds {@code text} in random chunks; returns the speech passed on, then the tail. */
    private static String[] stream(String text, long seed) {
        SayFieldStreamer s = new SayFieldStreamer(FORMAT);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder said = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int n = 1 + random.nextInt(6);
            said.append(s.feed(text.substring(at, Math.min(text.length(), at + n))));
            at += n;
        }
        return new String[] {said.toString(), s.finish()};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theSpeechStreamsUnescapedAndTheActionBecomesTheFinalLine(long seed) {
        String envelope = "{\"action\": {\"action\": \"give_item\", \"item\": \"key\"}, "
                + "\"say\": \"Take it, \\\"friend\\\".\\nGo\\u0021\"}";
        String[] out = stream(envelope, seed);
        assertEquals("Take it, \"friend\".\nGo!", out[0]);
        assertEquals("\nACTION: {\"action\":\"give_item\",\"item\":\"key\"}", out[1]);
    }

    @Test
    void aNullActionGivesNoLineAndPlainTextComesThroughAtTheEnd() {
        assertEquals("", stream("{\"say\": \"Hello.\", \"action\": null}", 9)[1]);
        String[] plain = stream("Hello.\nACTION: {\"action\": \"follow\"}", 9);
        assertEquals("", plain[0], "nothing streams from a reply that is not the envelope");
        assertEquals("Hello.\nACTION: {\"action\": \"follow\"}", plain[1]);
    }

    @Test
    void anEnvelopeCutShortKeepsItsSpeechAndHasNoAction() {
        SayFieldStreamer s = new SayFieldStreamer(FORMAT);
        assertEquals("Take", s.feed("{\"say\": \"Take"));
        assertEquals(" it", s.feed(" it\", \"action\": {\"action\": \"giv"));
        assertTrue(s.sawSay());
        assertEquals("", s.finish());
        assertFalse(new SayFieldStreamer(FORMAT).sawSay());
    }
}
