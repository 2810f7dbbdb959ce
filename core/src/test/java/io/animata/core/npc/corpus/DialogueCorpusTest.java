package io.animata.core.npc.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialogue corpus: seeded, built with the game's prompt code, replies in the contract's format. */
class DialogueCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 99})
    void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother(long seed) {
        List<TrainingText> a = DialogueCorpus.generate(seed, 40);
        List<TrainingText> b = DialogueCorpus.generate(seed, 40);
        assertEquals(a, b);
        assertNotEquals(a, DialogueCorpus.generate(seed + 1, 40));
    }

    @Test
    void everyConversationIsPromptThenReplyTurnsOfTheChatTemplate() {
        for (TrainingText t : DialogueCorpus.generate(5, 300)) {
            List<TrainingText.Span> spans = t.spans();
            assertTrue(spans.size() >= 6 && spans.size() % 2 == 0, "spans " + spans.size());
            assertTrue(spans.get(0).text().startsWith("<|im_start|>system\nYou are "), spans.get(0).text());
            for (int i = 0; i < spans.size(); i++) {
                TrainingText.Span s = spans.get(i);
                assertEquals(i % 2 == 1, s.reply());
                if (s.reply()) {
                    assertTrue(s.text().endsWith(DialogueCorpus.END_OF_TURN), s.text());
                    assertFalse(s.text().substring(0, s.text().length() - DialogueCorpus.END_OF_TURN.length())
                            .contains("<|"), s.text());
                } else {
                    assertTrue(s.text().endsWith("<|im_start|>assistant\n"), s.text());
                }
            }
        }
    }

    /** Action lines only where the rules allow actions, each one JSON with a verb of the contract. */
    @Test
    void actionLinesFollowTheContractAndOnlyWhereActionsAreAllowed() {
        int acting = 0;
        for (TrainingText t : DialogueCorpus.generate(7, 400)) {
            boolean allowed = t.spans().get(0).text().contains(" end with one more line: ");
            for (TrainingText.Span s : t.spans()) {
                if (!s.reply()) {
                    continue;
                }
                String reply = s.text().substring(0, s.text().length() - DialogueCorpus.END_OF_TURN.length());
                int at = reply.indexOf("ACTION:");
                if (at < 0) {
                    continue;
                }
                assertTrue(allowed, "an action where none is allowed: " + reply);
                assertTrue(at > 0 && reply.charAt(at - 1) == '\n', reply);
                assertFalse(reply.substring(at).contains("\n"), "the action line is the last line: " + reply);
                JsonNode action = readJson(reply.substring(at + "ACTION:".length()).strip());
                assertTrue(ConversationWriter.ACTIONS.contains(action.get("action").asText()), reply);
                acting++;
            }
        }
        assertTrue(acting > 50, "acting replies: " + acting);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The system prompt of a built-in persona is what DialogueSystem builds for it in the game. */
    @Test
    void promptsAreTheOnesTheGamesDialogueSystemBuilds() {
        String mira;
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            DialogueSystem dialogue = DialogueSystem.builder().setQueue(runtime.textQueue(ScriptedLanguageModel
                    .replying("Aye."))).optWorldFacts((npc, out) -> { }).build();
            Entity npc = new Entity();
            npc.add(new PersonaComponent().set(Persona.builtIn("mira")));
            mira = DialogueCorpus.TEMPLATE.render(dialogue.prompt(npc, "x")).replaceFirst("(?s)<\\|im_end\\|>.*", "");
        }
        int found = 0;
        for (TrainingText t : DialogueCorpus.generate(3, 200)) {
            String system = t.spans().get(0).text().replaceFirst("(?s)<\\|im_end\\|>.*", "");
            if (system.startsWith("<|im_start|>system\nYou are Mira,") && !system.contains("What is true right now")
                    && !system.contains("ACTION:")) {
                assertEquals(mira, system);
                found++;
            }
        }
        assertTrue(found > 0, "no conversation with Mira, no facts and no actions");
    }

    @Test
    void generatedPersonasAreVaried() {
        long names = DialogueCorpus.generate(11, 200).stream()
                .map(t -> t.spans().get(0).text().replaceFirst("(?s)^<\\|im_start\\|>system\\nYou are ([^,]+),.*", "$1"))
                .distinct().count();
        assertTrue(names > 20, "distinct NPC names: " + names);
    }

    @Test
    void noConversationsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> DialogueCorpus.generate(1, 0));
    }
}
