package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class PromptFitterTest {
    private static final ToIntFunction<List<ChatMessage>> WORDS =
            messages -> ScriptedLanguageModel.countWords(ChatTemplate.PLAIN.render(messages));

    private static List<ChatMessage> conversation(int turns) {
        List<ChatMessage> all = new ArrayList<>();
        all.add(ChatMessage.system("You are Mira. Facts: the forge is hot."));
        for (int i = 0; i < turns; i++) {
            all.add(ChatMessage.user("question " + i + " about swords"));
            all.add(ChatMessage.assistant("answer " + i + " about swords"));
        }
        all.add(ChatMessage.user("last question"));
        return all;
    }

    @Test
    void aConversationThatFitsIsKeptAsItIs() {
        List<ChatMessage> c = conversation(2);
        PromptFitter.Fitted fitted = PromptFitter.fit(c, WORDS, 1000);
        assertSame(c, fitted.messages());
        assertEquals(0, fitted.droppedMessages());
        assertFalse(fitted.truncated());
    }

    @Test
    void theOldestTurnsGoFirstAndTheSystemAndLastMessagesStay() {
        List<ChatMessage> c = conversation(10);
        int budget = WORDS.applyAsInt(conversation(3));
        PromptFitter.Fitted fitted = PromptFitter.fit(c, WORDS, budget);
        assertTrue(WORDS.applyAsInt(fitted.messages()) <= budget);
        assertEquals(c.get(0), fitted.messages().get(0));
        assertEquals(ChatMessage.user("last question"), fitted.messages().get(fitted.messages().size() - 1));
        assertEquals(ChatMessage.user("question 7 about swords"), fitted.messages().get(1));
        assertEquals(14, fitted.droppedMessages());
        assertFalse(fitted.truncated());
    }

    @Test
    void aConversationNeverStartsWithAReplyAfterTheSystemText() {
        List<ChatMessage> c = new ArrayList<>(conversation(4));
        c.remove(1); // starts with an answer now
        int budget = WORDS.applyAsInt(c) - 3;
        PromptFitter.Fitted fitted = PromptFitter.fit(c, WORDS, budget);
        assertEquals(ChatRole.USER, fitted.messages().get(1).role());
    }

    @Test
    void whenOnlyTheSystemAndLastMessageAreLeftTheyAreCut() {
        List<ChatMessage> c = List.of(ChatMessage.system("word ".repeat(200)), ChatMessage.user("hello ".repeat(50)));
        PromptFitter.Fitted fitted = PromptFitter.fit(c, WORDS, 60);
        assertTrue(fitted.truncated());
        assertTrue(WORDS.applyAsInt(fitted.messages()) <= 60, fitted.messages().toString());
        assertEquals(2, fitted.messages().size());
        assertTrue(fitted.messages().get(1).content().startsWith("hello") || fitted.messages().get(1).content().isEmpty()
                || fitted.messages().get(1).content().endsWith("hello "));
    }
}
