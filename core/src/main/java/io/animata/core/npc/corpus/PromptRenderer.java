package io.animata.core.npc.corpus;

import com.badlogic.ashley.core.Entity;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.PersonaComponent;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ChatRole;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.ScriptedLanguageModel;

/**
 * Renders the corpus's prompts with the game's own code: a {@link DialogueSystem} builds each prompt from an NPC
 * entity's persona, the world facts and the remembered turns ({@link DialogueSystem#prompt}), exactly as it does for a
 * player in the game, and the chat template turns it into text. So the model is trained on the prompts it will be
 * given. The systems are never added to an engine; the runtime and model exist only because a
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
    private String facts = "";

    PromptRenderer(ChatTemplate template) {
        this.template = template;
        this.runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optThreadNamePrefix("animata-corpus").build();
        ScriptedLanguageModel unused = ScriptedLanguageModel.replying("");
        this.speaking = DialogueSystem.builder().setQueue(runtime.textQueue(unused))
                .optWorldFacts((e, out) -> out.append(facts)).build();
        this.acting = DialogueSystem.builder().setQueue(runtime.textQueue(unused))
                .optWorldFacts((e, out) -> out.append(facts))
                .optActions(ConversationWriter.ACTIONS.toArray(new String[0])).build();
        npc.add(persona);
        npc.add(memory);
    }

    /** Starts a conversation: who the NPC is and what is true; forgets the turns. */
    void begin(CorpusPersona p, String worldFacts) {
        persona.reset();
        persona.set(p.persona());
        memory.reset();
        memory.setCapacity(MemoryComponent.DEFAULT_CAPACITY);
        this.facts = worldFacts;
    }

    /** @return the prompt text of the player's {@code line}, after the turns so far */
    String prompt(String line, boolean actions) {
        return template.render((actions ? acting : speaking).prompt(npc, line));
    }

    /** Remembers an exchange, as {@link DialogueSystem} does when a reply completes. */
    void remember(String line, String reply) {
        memory.add(ChatRole.USER, line);
        memory.add(ChatRole.ASSISTANT, reply);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
