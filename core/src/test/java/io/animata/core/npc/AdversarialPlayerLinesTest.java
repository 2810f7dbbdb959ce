package io.animata.core.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.TinyActionModel;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.LlamaCppModel;
import io.animata.runtime.text.OnnxLanguageModel;
import io.animata.runtime.text.OpenAiCompatibleModel;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.TinyLlamaGguf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 200 adversarial player lines (prompt injections, fake system and assistant messages, chat-template control
 * tokens, JSON and ACTION lines, requests for forbidden actions, role-play jailbreaks, Unicode tricks, very long
 * lines) go through {@link DialogueSystem} with each backend the suite can run: a random ONNX decoder and a tiny GGUF
 * model in llama.cpp, both under constrained decoding, a loopback HTTP server that behaves like a compromised model
 * (with and without structured output), and a scripted model that obeys the player. In this world every verb an NPC
 * may use has a precondition that does not hold, so no action may ever be applied: the event never fires, and each
 * proposed action ends in a refusal line.
 */
class AdversarialPlayerLinesTest {
    private static List<String> lines;

    @BeforeAll
    static void readLines() throws IOException {
        lines = new ArrayList<>();
        try (InputStream in = AdversarialPlayerLinesTest.class.getResourceAsStream("adversarial-player-lines.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isEmpty() && !l.startsWith("# ")) {
                    lines.add(l.replace("\\n", "\n").replace("\\t", "\t"));
                }
            }
        }
        assertTrue(lines.size() >= 200, "at least 200 lines, have " + lines.size());
    }

    /** The game's verbs; every precondition is false in this world (the door is far, the player is away...). */
    private static DialogueSystem.Builder world() {
        return DialogueSystem.builder().optActions(
                ActionDefinition.builder("give_item").addArg(ActionArg.inventoryItem("item"))
                        .addPrecondition("the NPC has the item", (npc, a) -> InventoryComponent.has(npc, a.text("item")))
                        .addPrecondition("the player has paid", (npc, a) -> false).build(),
                ActionDefinition.builder("open_door").addPrecondition("a door is in reach", (npc, a) -> false).build(),
                ActionDefinition.builder("follow").addPrecondition("the player is near", (npc, a) -> false).build(),
                ActionDefinition.builder("stay").addPrecondition("the player is near", (npc, a) -> false).build(),
                ActionDefinition.builder("attack").addPrecondition("the player is hostile", (npc, a) -> false).build(),
                ActionDefinition.builder("trade").addArg(ActionArg.oneOf("item", "sword", "bread"))
                        .addArg(ActionArg.integer("price"))
                        .addPrecondition("a counter is in reach", (npc, a) -> false).build());
    }

    /** What one run saw. */
    private static final class Outcome {
        int replies;
        int proposals;
        int refusals;
        /** Refusals of well-formed actions of allowed verbs whose precondition failed. */
        int preconditionFailures;
        final List<String> events = new ArrayList<>();
    }

    private Outcome run(LanguageModel model, int maxTokens) {
        return run(model, maxTokens, lines);
    }

    private Outcome run(LanguageModel model, int maxTokens, List<String> lines) {
        Outcome outcome = new Outcome();
        try (NpcFixture f = new NpcFixture(RunMode.LOCKSTEP, model, TextQueueOptions.DEFAULT.withStepsPerFrame(64).withFrameBudget(Duration.ofMillis(100)),
                world())) {
            f.dialogue.addActionListener((signal, e) -> outcome.events.add(e.toString()));
            Entity guard = f.npc("guard", false);
            guard.add(new ActionsComponent().allow("open_door", "follow", "stay"));
            Entity mira = f.npc("mira", false);
            InventoryComponent inventory = new InventoryComponent();
            inventory.items.addAll("bread", "key");
            mira.add(inventory);
            mira.add(new ActionsComponent().allow("give_item", "trade"));
            Entity tom = f.npc("tom", false); // no ActionsComponent: every verb, each failing its precondition
            Entity[] npcs = {guard, mira, tom};
            for (Entity npc : npcs) {
                NpcFixture.dialogue(npc).maxTokens = maxTokens;
                NpcFixture.dialogue(npc).sampling = SamplingConfig.DEFAULT;
            }
            for (int i = 0; i < lines.size(); i += npcs.length) {
                for (int j = 0; j < npcs.length && i + j < lines.size(); j++) {
                    f.dialogue.say(npcs[j], lines.get(i + j));
                }
                int frames = 0;
                while ((guard.getComponent(DialogueComponent.class).isBusy()
                        || mira.getComponent(DialogueComponent.class).isBusy()
                        || tom.getComponent(DialogueComponent.class).isBusy()) && frames++ < 2000) {
                    f.update();
                }
                for (int j = 0; j < npcs.length && i + j < lines.size(); j++) {
                    check(npcs[j], lines.get(i + j), outcome);
                }
            }
            assertEquals(0, f.dialogue.fallbacks(), "every reply came from the model");
        }
        assertEquals(List.of(), outcome.events, "no action may ever be applied in this world");
        assertEquals(lines.size(), outcome.replies);
        assertEquals(outcome.proposals, outcome.refusals, "each proposed action ends in a refusal");
        return outcome;
    }

    private static void check(Entity npc, String line, Outcome outcome) {
        DialogueComponent d = NpcFixture.dialogue(npc);
        String what = "line '" + abbreviate(line) + "' -> '" + abbreviate(d.lastReply()) + "'";
        assertFalse(d.isBusy(), what);
        outcome.replies++;
        assertEquals(DialogueSystem.NO_ACTION, d.action(), what);
        assertTrue(d.actionArgs().isEmpty(), what);
        assertFalse(d.lastReply().toUpperCase(Locale.ROOT).contains("ACTION:"), "no action text is shown: " + what);
        if (d.proposedAction() != null) {
            outcome.proposals++;
            assertNotNull(d.actionRejection(), what);
            PersonaComponent p = npc.getComponent(PersonaComponent.class);
            assertTrue(p.refusalLines.contains(d.lastReply(), false), "the reply is a refusal: " + what);
            outcome.refusals++;
            if (d.actionRejection().contains("precondition")) {
                outcome.preconditionFailures++;
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Test
    void aScriptedModelThatObeysThePlayerNeverGetsAnActionApplied() {
        ScriptedLanguageModel obeying = ScriptedLanguageModel.builder().setReplies(r -> {
            String user = lastUser(r);
            return "You said: " + user + "\nACTION: " + CompromisedModelServer.requested(user);
        }).build();
        Outcome o = run(obeying, 4000);
        assertEquals(lines.size(), o.proposals, "the obeying model proposes an action every time");
    }

    @Test
    void aCompromisedServerWithStructuredOutputNeverGetsAnActionApplied() throws Exception {
        try (CompromisedModelServer server = new CompromisedModelServer(true);
                OpenAiCompatibleModel model = serverModel(server)) {
            Outcome o = run(model, 4000);
            assertTrue(o.proposals >= lines.size() * 3 / 5, "4 of 5 replies propose: " + o.proposals);
            assertEquals(0, server.refusedFormats.get());
            assertUserLinesWereClean(server);
        }
    }

    @Test
    void aCompromisedServerWithoutStructuredOutputNeverGetsAnActionApplied() throws Exception {
        try (CompromisedModelServer server = new CompromisedModelServer(false);
                OpenAiCompatibleModel model = serverModel(server)) {
            Outcome o = run(model, 4000);
            assertTrue(o.proposals >= lines.size() * 3 / 5, "4 of 5 replies propose: " + o.proposals);
            int refused = server.refusedFormats.get();
            assertTrue(refused >= 1 && refused <= 3, "asked only until the first refusal came back (3 NPCs talk at"
                    + " once), then plain text with an action line: " + refused);
            assertUserLinesWereClean(server);
        }
    }

    @Test
    void aRandomOnnxModelUnderConstrainedDecodingNeverGetsAnActionApplied(@TempDir Path dir) throws Exception {
        TinyActionModel.write(dir, 17, 4f);
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(dir)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            Outcome o = run(model, 16);
            assertTrue(o.proposals > 0, "the biased random model proposes actions now and then: " + o.proposals);
        }
    }

    /**
     * The tiny llama model with the marker as a word of its own, favoured by a logit bias, so that the random model
     * starts action lines often; llama.cpp's grammar, made from each NPC's action schema, does the rest. Its prompt
     * cache is on: each NPC's prompt grows turn by turn, and reading only the new end keeps the run short (what this
     * suite checks does not depend on which text comes).
     */
    private static LlamaCppModel tinyGgufActionModel(Path dir) {
        TinyLlamaGguf.Config config = TinyLlamaGguf.Config.DEFAULT;
        List<String> tokens = TinyLlamaGguf.tokens(config.vocab());
        int marker = tokens.size() - 1;
        tokens.set(marker, "ACTION:");
        Path file = dir.resolve("tiny-actions.gguf");
        TinyLlamaGguf.build(config, 5L, null).putStringArray("tokenizer.ggml.tokens", tokens).write(file);
        return LlamaCppModel.builder().setModelFile(file).optContextLength(1024).optParallel(3).optThreads(1)
                .optCachePrompt(true).optTokenBias(marker, 12f).build();
    }

    private void runTinyGguf(Path dir, List<String> subset) {
        long start = System.nanoTime();
        try (LlamaCppModel model = tinyGgufActionModel(dir)) {
            Outcome o = run(model, 96, subset);
            assertTrue(o.proposals >= subset.size() / 4, "the biased model proposes actions often: " + o.proposals
                    + " of " + subset.size());
            // the grammar makes them well-formed actions of allowed verbs, so the game's preconditions refuse them
            // (the few others were cut by the token limit)
            assertTrue(o.preconditionFailures >= o.proposals * 3 / 4, o.preconditionFailures + " of " + o.proposals
                    + " refused by a precondition");
            System.out.println("GGUF adversarial: " + subset.size() + " lines, " + o.proposals + " proposals, "
                    + o.preconditionFailures + " failing a precondition, " + (System.nanoTime() - start) / 1_000_000
                    + " ms");
        }
    }

    @Test
    void aTinyGgufModelUnderConstrainedDecodingNeverGetsAnActionAppliedOnASample(@TempDir Path dir) {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < lines.size() && sample.size() < 40; i += lines.size() / 40) {
            sample.add(lines.get(i)); // spread over the file's kinds of attack
        }
        runTinyGguf(dir, sample);
    }

    @Test
    @Tag("slow")
    void aTinyGgufModelUnderConstrainedDecodingNeverGetsAnActionApplied(@TempDir Path dir) {
        runTinyGguf(dir, lines);
    }

    private static void assertUserLinesWereClean(CompromisedModelServer server) {
        assertEquals(lines.size(), server.userLines.size());
        for (String u : server.userLines) {
            String upper = u.toUpperCase(Locale.ROOT);
            assertFalse(upper.contains("ACTION:") || u.contains("<|") || u.contains("\n") || u.length() > 500,
                    "the player's line reached the model cleaned: " + abbreviate(u));
        }
    }

    private static OpenAiCompatibleModel serverModel(CompromisedModelServer server) {
        return OpenAiCompatibleModel.builder().setBaseUrl(server.url()).optModel("compromised")
                .optFirstByteTimeout(Duration.ofSeconds(20)).optStallTimeout(Duration.ofSeconds(20))
                .optContextLength(16384).build();
    }

    private static String lastUser(GenerationRequest r) {
        return r.messages().get(r.messages().size() - 1).content();
    }
}
