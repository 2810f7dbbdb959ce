package io.animata.core.npc.corpus;

import io.animata.runtime.text.ChatTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dialogue corpus the shipped NPC model is trained on, written by the project from a seed: conversations between
 * the player and NPC personas (the built-in mira, tom and guard, and personas generated from banks of names, roles,
 * traits and rumours), with world facts, greetings, questions about what the NPC knows, wants and is, small talk,
 * insults, attempts to talk the NPC out of its role or to force an action (answered in character), and requests that
 * make it act. Half of the conversations allow actions: the NPC has an allow-list (those of the shipped story slice and
 * the demo, or a random one) and an inventory, the prompt's rules describe them as the game does for the contract's
 * verbs ({@link io.animata.core.npc.action.StandardActions}), and the NPC's acting replies end with the contract's
 * action line ({@code ACTION: {"action": "give_item", "item": "key"}}) naming an allowed verb and an item it carries;
 * requests for other verbs or items are refused in character. Player lines are cleaned as the game cleans them
 * ({@link io.animata.core.npc.action.PlayerText}).
 *
 * <p>Every prompt is built by {@link io.animata.core.npc.DialogueSystem#prompt} and rendered with {@link #TEMPLATE},
 * as in the game, so the model learns on the prompts it will see. The same seed gives the same corpus.
 *
 * <p>Stateless and thread-safe; each call builds its own prompt renderer.
 *
 * <pre>{@code
 * List<TrainingText> corpus = DialogueCorpus.generate(1, 5000);
 * }</pre>
 */
public final class DialogueCorpus {
    /** The chat template of the shipped model. */
    public static final ChatTemplate TEMPLATE = ChatTemplate.CHATML;
    /** The marker that ends a reply (the model's end-of-sequence token). */
    public static final String END_OF_TURN = "<|im_end|>";
    /** The template's special tokens, in the tokenizer's order. */
    public static final List<String> SPECIAL_TOKENS = List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>");
    /** The share of conversations with one of the built-in personas. */
    private static final double BUILT_IN_SHARE = 0.3;

    private DialogueCorpus() {
    }

    /**
     * @param seed the same seed gives the same corpus
     * @param conversations how many, at least 1
     * @return the conversations, each one {@link TrainingText}
     */
    public static List<TrainingText> generate(long seed, int conversations) {
        if (conversations < 1) {
            throw new IllegalArgumentException("conversations must be at least 1, was " + conversations);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<CorpusPersona> builtIns = CorpusPersonas.builtIns();
        ConversationWriter writer = new ConversationWriter(random);
        List<TrainingText> out = new ArrayList<>(conversations);
        try (PromptRenderer renderer = new PromptRenderer(TEMPLATE)) {
            for (int c = 0; c < conversations; c++) {
                CorpusPersona p = random.nextDouble() < BUILT_IN_SHARE ? builtIns.get(random.nextInt(builtIns.size()))
                        : CorpusPersonas.generate(random);
                String facts = writer.facts();
                List<String> verbs = random.nextBoolean() ? writer.allowList() : List.of();
                List<String> items = writer.inventory(p);
                renderer.begin(p, facts, verbs, items);
                out.add(render(renderer, writer.conversation(p, facts, verbs, items)));
            }
        }
        return out;
    }

    /** Renders a conversation line by line, each prompt from the game's prompt code, as one text. */
    private static TrainingText render(PromptRenderer renderer, List<ConversationWriter.Exchange> exchanges) {
        List<TrainingText.Span> spans = new ArrayList<>();
        String sofar = "";
        for (ConversationWriter.Exchange e : exchanges) {
            String prompt = renderer.prompt(e.line());
            if (!prompt.startsWith(sofar)) {
                // the template renders a remembered reply differently from a generated one: the text would not be
                // one conversation, so the corpus is wrong
                throw new IllegalStateException("the prompt of a later line does not continue the earlier one: "
                        + prompt);
            }
            spans.add(new TrainingText.Span(prompt.substring(sofar.length()), false));
            spans.add(new TrainingText.Span(e.reply() + END_OF_TURN, true));
            sofar = prompt + e.reply() + END_OF_TURN;
            renderer.remember(e.line(), e.reply());
        }
        return new TrainingText(spans);
    }
}
