package io.animata.core.npc;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * Who an NPC is: the static part of its prompt. {@link DialogueSystem} writes it first, before the rules, the
 * world facts and the conversation, so a backend can reuse the prompt's beginning between replies.
 *
 * <p>Data only. Threading: game thread.
 *
 * <pre>{@code
 * PersonaComponent persona = engine.createComponent(PersonaComponent.class);
 * persona.set(Persona.builtIn("mira"));        // or Persona.load(Path.of("npcs/mira.json")), or set the fields
 * entity.add(persona);
 * }</pre>
 */
public final class PersonaComponent implements Component, Poolable {
    /** What the NPC is called. Required. */
    public String name = "";
    /** What it is in the world, e.g. "the village blacksmith". */
    public String role = "";
    /** A few words of character. */
    public final Array<String> traits = new Array<>(true, 4);
    /** How it talks. */
    public String speakingStyle = "";
    /** What it knows. */
    public String knowledge = "";
    /** What it wants. */
    public String goals = "";
    /** In-character lines for when the model cannot answer; a generic line is used when empty. */
    public final Array<String> fallbackLines = new Array<>(true, 2);
    /** In-character lines said instead of acting when the game refuses a proposed action; a generic line when empty. */
    public final Array<String> refusalLines = new Array<>(true, 2);

    /**
     * Copies a persona into this component.
     *
     * @return this component
     */
    public PersonaComponent set(Persona persona) {
        name = persona.name();
        role = persona.role();
        traits.clear();
        for (String t : persona.traits()) {
            traits.add(t);
        }
        speakingStyle = persona.speakingStyle();
        knowledge = persona.knowledge();
        goals = persona.goals();
        fallbackLines.clear();
        for (String line : persona.fallbackLines()) {
            fallbackLines.add(line);
        }
        refusalLines.clear();
        for (String line : persona.refusalLines()) {
            refusalLines.add(line);
        }
        return this;
    }

    @Override
    public void reset() {
        name = "";
        role = "";
        traits.clear();
        speakingStyle = "";
        knowledge = "";
        goals = "";
        fallbackLines.clear();
        refusalLines.clear();
    }

    @Override
    public String toString() {
        return "PersonaComponent[" + name + ", " + role + "]";
    }
}
