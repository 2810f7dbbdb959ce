package io.animata.demo.npc;

import java.util.List;

/**
 * The lines scripted visitors say to NPCs (the headless player, the chatter): greetings, questions about the
 * dungeon, and requests that invite each of the demo's actions (the key, the door, following, staying).
 *
 * <p>Threading: immutable.
 */
public final class NpcScript {
    /** The lines, in the order they are said. */
    public static final List<String> LINES = List.of(
            "Hello there! Who are you?",
            "Could you give me the key?",
            "Please open the locked door for me.",
            "Will you come with me to the stairs?",
            "What do you know about this dungeon?",
            "Can you spare a gold coin?",
            "Wait here, please.",
            "Are the stairs far from here?");

    private NpcScript() {
    }

    /** @return line {@code n}, cycling through {@link #LINES} */
    public static String line(int n) {
        return LINES.get(Math.floorMod(n, LINES.size()));
    }
}
