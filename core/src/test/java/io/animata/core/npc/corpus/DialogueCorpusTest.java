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
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.PlayerText;
import io.animata.core.npc.action.StandardActions;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Action lines only where the rules allow actions, each one JSON naming a verb the prompt's rules list, with the
     * arguments and values the rules give (the item one of the NPC's, the price a whole number); and refusals (a
     * request answered without an action line) where the verb is not allowed.
     */
    @Test
    void actionLinesNameOnlyTheVerbsAndValuesTheirPromptAllows() {
        int acting = 0;
        int refused = 0;
        for (TrainingText t : DialogueCorpus.generate(7, 400)) {
            String system = t.spans().get(0).text();
            Map<String, List<String>> allowed = allowedVerbs(system);
            for (int i = 1; i < t.spans().size(); i += 2) {
                String reply = replyOf(t.spans().get(i));
                int at = reply.indexOf("ACTION:");
                String line = lastUserLine(t.spans().get(i - 1).text());
                if (at < 0) {
                    if (!allowed.isEmpty() && REQUEST.matcher(line).find() && !allowed.containsKey(requested(line))) {
                        refused++;
                    }
                    continue;
                }
                assertFalse(allowed.isEmpty(), "an action where none is allowed: " + reply);
                assertTrue(at > 0 && reply.charAt(at - 1) == '\n', reply);
                assertFalse(reply.substring(at).contains("\n"), "the action line is the last line: " + reply);
                JsonNode action = readJson(reply.substring(at + "ACTION:".length()).strip());
                String verb = action.get("action").asText();
                assertTrue(allowed.containsKey(verb), verb + " is not in the prompt's rules: " + system);
                if (action.has("item")) {
                    assertTrue(allowed.get(verb).contains(action.get("item").asText()), reply + " / " + system);
                }
                if (verb.equals("trade")) {
                    assertTrue(action.get("price").isIntegralNumber(), reply);
                }
                assertEquals(verb.equals("give_item") ? 2 : verb.equals("trade") ? 3 : 1, action.size(), reply);
                acting++;
            }
        }
        assertTrue(acting > 50, "acting replies: " + acting);
        assertTrue(refused > 10, "refusals of verbs that are not allowed: " + refused);
    }

    /** Every player line in the corpus is as the game cleans it: no template marker, no action marker. */
    @Test
    void playerLinesAreCleanedAsTheGameCleansThem() {
        int cleaned = 0;
        for (TrainingText t : DialogueCorpus.generate(13, 400)) {
            Matcher m = USER_TURN.matcher(t.text());
            while (m.find()) {
                String line = m.group(1);
                assertEquals(PlayerText.sanitize(line), line);
                assertFalse(line.contains("ACTION:") || line.contains("<|") || line.contains("\n"), line);
                cleaned += line.contains("action -") ? 1 : 0;
            }
        }
        assertTrue(cleaned > 0, "no player line tried to write an action");
    }

    /**
     * The system prompt of a conversation where Mira may act is what the game's DialogueSystem builds with the
     * contract's verbs, her allow-list and her inventory.
     */
    @Test
    void actingPromptsAreTheOnesTheGameBuildsWithStandardActions() {
        int found = 0;
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            DialogueSystem dialogue = DialogueSystem.builder().setQueue(runtime.textQueue(ScriptedLanguageModel
                    .replying("Aye."))).optActions(StandardActions.definitions(StandardActions.VERBS)).build();
            for (TrainingText t : DialogueCorpus.generate(3, 300)) {
                String system = t.spans().get(0).text().replaceFirst("(?s)<\\|im_end\\|>.*", "");
                if (!system.startsWith("<|im_start|>system\nYou are Mira,") || system.contains("What is true right now")
                        || !system.contains("ACTION:")) {
                    continue;
                }
                Map<String, List<String>> allowed = allowedVerbs(system);
                Entity npc = new Entity();
                npc.add(new PersonaComponent().set(Persona.builtIn("mira")));
                npc.add(new ActionsComponent().allow(allowed.keySet().toArray(new String[0])));
                InventoryComponent inventory = new InventoryComponent();
                List<String> items = allowed.getOrDefault("give_item", allowed.getOrDefault("trade", List.of()));
                items.forEach(inventory.items::add);
                npc.add(inventory);
                String game = DialogueCorpus.TEMPLATE.render(dialogue.prompt(npc, "x"))
                        .replaceFirst("(?s)<\\|im_end\\|>.*", "");
                assertEquals(game, system);
                found++;
            }
        }
        assertTrue(found > 0, "no conversation with Mira acting and no facts");
    }

    private static final Pattern VERB_LINE = Pattern.compile("\n  - ([a-z_]+)(?:; (.*))?");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern USER_TURN = Pattern.compile("<\\|im_start\\|>user\n(.*?)<\\|im_end\\|>",
            Pattern.DOTALL);
    private static final Pattern REQUEST = Pattern.compile("^(Can you give|Give me|I need|May I have|Please open"
            + "|Open the door|Can you open|Let me through|Follow me|Come with|Walk with|Will you come|Wait here|Stay"
            + "|Don't move|I will kill|Draw your|Fight me|I am going to hurt|I want to buy|How much|Sell me|Can I buy)");

    /** @return the verbs the rules of {@code system} list, each with the item values they give (none: empty) */
    private static Map<String, List<String>> allowedVerbs(String system) {
        Map<String, List<String>> verbs = new LinkedHashMap<>();
        int rules = system.indexOf(" end the reply with one more line, ACTION: and a JSON object naming it:");
        if (rules < 0) {
            return verbs;
        }
        Matcher m = VERB_LINE.matcher(system.substring(rules, system.indexOf("\n  For example:", rules)));
        while (m.find()) {
            List<String> values = new ArrayList<>();
            if (m.group(2) != null && m.group(2).startsWith("\"item\" is one of ")) {
                Matcher q = QUOTED.matcher(m.group(2).replaceFirst(", \"price\".*", ""));
                q.find(); // the argument's name
                while (q.find()) {
                    values.add(q.group(1));
                }
            }
            verbs.put(m.group(1), values);
        }
        return verbs;
    }

    /** @return the verb a request line asks for */
    private static String requested(String line) {
        if (line.matches("^(Can you give|Give me|I need|May I have).*")) {
            return "give_item";
        }
        if (line.matches("^(Please open|Open the door|Can you open|Let me through).*")) {
            return "open_door";
        }
        if (line.matches("^(Follow me|Come with|Walk with|Will you come).*")) {
            return "follow";
        }
        if (line.matches("^(Wait here|Stay|Don't move).*")) {
            return "stay";
        }
        if (line.matches("^(I will kill|Draw your|Fight me|I am going to hurt).*")) {
            return "attack";
        }
        return "trade";
    }

    private static String replyOf(TrainingText.Span s) {
        return s.text().substring(0, s.text().length() - DialogueCorpus.END_OF_TURN.length());
    }

    private static String lastUserLine(String prompt) {
        Matcher m = USER_TURN.matcher(prompt);
        String line = "";
        while (m.find()) {
            line = m.group(1);
        }
        return line;
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
        for (TrainingText t : DialogueCorpus.generate(3, 600)) {
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
