package io.animata.core.npc.corpus;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.PlayerText;
import io.animata.core.npc.action.StandardActions;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ChatRole;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.List;

/**
 * Renders the corpus's prompts with the game's own code: a {@link DialogueSystem} builds each prompt from an NPC
 * entity's persona, the world facts and the remembered turns ({@link DialogueSystem#prompt}), exactly as it does for a
 * player in the game, and the chat template turns it into text. So the model is trained on the prompts it will be
 * given. Where the NPC may act, the system knows the contract's verbs as the game defines them
 * ({@link StandardActions}) and the NPC carries its allow-list ({@link ActionsComponent}) and inventory
 * ({@link InventoryComponent}), so the rules text is the one the game sends; remembered player lines are cleaned by
 * {@link PlayerText} as the game cleans them. The systems are never added to an engine; the runtime and model exist only because a
 * {@link DialogueSystem} is built on a text queue, and no request is ever submitted.
 *
 * <p>Threading: one thread. {@link #close()} stops the runtime (idempotent).
 */
final class PromptRenderer implements AutoCloseable {
    private final AiRuntime runtime;
    private final DialogueSystem speaking;
    private final DialogueSystem acting;
    private final ChatTemplate template;
    private final Entity npc = new Entity();
    private final PersonaComponent persona = new PersonaComponent();
    private final MemoryComponent memory = new MemoryComponent();
    private final ActionsComponent allowed = new ActionsComponent();
    private final InventoryComponent inventory = new InventoryComponent();
    private String facts = "";

    PromptRenderer(ChatTemplate template) {
        this.template = template;
        this.runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optThreadNamePrefix("animata-corpus").build();
        ScriptedLanguageModel unused = ScriptedLanguageModel.replying("");
        this.speaking = DialogueSystem.builder().setQueue(runtime.textQueue(unused))
                .optWorldFacts((e, out) -> out.append(facts)).build();
        this.acting = DialogueSystem.builder().setQueue(runtime.textQueue(unused))
                .optWorldFacts((e, out) -> out.append(facts))
                .optActions(StandardActions.definitions(StandardActions.VERBS)).build();
        npc.add(persona);
        npc.add(memory);
        npc.add(allowed);
        npc.add(inventory);
    }

    /**
     * Starts a conversation: who the NPC is, what is true, what it may do and what it carries; forgets the turns.
     *
     * @param verbs the NPC's allow-list (empty: it may not act, the rules say nothing about actions)
     * @param items its inventory
     */
    void begin(CorpusPersona p, String worldFacts, List<String> verbs, List<String> items) {
        persona.reset();
        allowed.allow(verbs.toArray(new String[0]));
        inventory.reset();
        for (String item : items) {
            inventory.items.add(item);
        }
        persona.set(p.persona());
        memory.reset();
        memory.setCapacity(MemoryComponent.DEFAULT_CAPACITY);
        this.facts = worldFacts;
    }

    /** @return the prompt text of the player's {@code line}, after the turns so far */
    String prompt(String line) {
        return template.render((allowed.allowed.isEmpty() ? speaking : acting).prompt(npc, line));
    }

    /** Remembers an exchange, as {@link DialogueSystem} does when a reply completes. */
    void remember(String line, String reply) {
        memory.add(ChatRole.USER, PlayerText.sanitize(line));
        memory.add(ChatRole.ASSISTANT, reply);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
