package io.animata.core.npc.corpus;

import io.animata.core.npc.Persona;
import java.util.List;

/**
 * A persona as the corpus writer sees it: the {@link Persona} the prompt is built from, and what the NPC says about
 * the things in it, in its own voice, so that the corpus's replies agree with the prompt.
 *
 * @param persona what goes into the prompt
 * @param address how the NPC calls the player ("traveller", "friend")
 * @param topics what it knows, each with the words a player would ask about and the NPC's answer
 * @param goalReply what it wants, said in the first person
 * @param moodLines answers to small talk, in character
 * @param wares what it may give or sell
 */
record CorpusPersona(Persona persona, String address, List<Topic> topics, String goalReply, List<String> moodLines,
        List<String> wares) {

    /**
     * One thing the NPC knows.
     *
     * @param subject what the player asks about, e.g. "the mine"
     * @param answer the NPC's answer
     */
    record Topic(String subject, String answer) {
    }

    String name() {
        return persona.name();
    }

    String role() {
        return persona.role();
    }
}
