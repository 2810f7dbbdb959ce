package io.animata.demo.npc;

import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueState;

/**
 * What an NPC's speech bubble says, following its conversation: "..." while it thinks, the reply word by word while
 * it streams in (complete words only, so the bubble does not show half a word), the whole reply once it is complete,
 * which stays {@value #SHOW_SECONDS} s and then fades out over {@value #FADE_SECONDS} s. It copies the text only when
 * the dialogue's revision changes.
 *
 * <p>Threading: game or GL thread, one per NPC; {@link #update} allocates nothing.
 */
public final class SpeechBubble {
    /** Seconds a complete reply stays fully visible. */
    public static final float SHOW_SECONDS = 8f;
    /** Seconds it then takes to fade out. */
    public static final float FADE_SECONDS = 1f;
    /** What the bubble says while the NPC thinks. */
    public static final String THINKING = "...";

    private final StringBuilder text = new StringBuilder(256);
    private int revision = Integer.MIN_VALUE;
    private DialogueState state = DialogueState.IDLE;
    private float age;

    /**
     * Follows the NPC's conversation.
     *
     * @param dialogue the NPC's dialogue
     * @param deltaSeconds time since the last update
     */
    public void update(DialogueComponent dialogue, float deltaSeconds) {
        if (dialogue.revision() == revision) {
            age += deltaSeconds;
            return;
        }
        revision = dialogue.revision();
        state = dialogue.state();
        age = 0f;
        text.setLength(0);
        CharSequence reply = dialogue.reply();
        switch (state) {
            case THINKING -> text.append(THINKING);
            case SPEAKING -> {
                int end = reply.length();
                while (end > 0 && !Character.isWhitespace(reply.charAt(end - 1))) {
                    end--; // the last word may still be arriving
                }
                while (end > 0 && Character.isWhitespace(reply.charAt(end - 1))) {
                    end--;
                }
                if (end == 0) {
                    text.append(THINKING);
                } else {
                    text.append(reply, 0, end);
                }
            }
            default -> text.append(reply);
        }
    }

    /** Empties the bubble (a new dungeon, another NPC). */
    public void clear() {
        text.setLength(0);
        revision = Integer.MIN_VALUE;
        state = DialogueState.IDLE;
        age = 0f;
    }

    /** @return what the bubble says (a view of a reused buffer) */
    public CharSequence text() {
        return text;
    }

    /** @return 1 while it shows, falling to 0 as a complete reply fades out */
    public float alpha() {
        if (text.length() == 0) {
            return 0f;
        }
        if (state != DialogueState.IDLE || age <= SHOW_SECONDS) {
            return 1f;
        }
        return Math.max(0f, 1f - (age - SHOW_SECONDS) / FADE_SECONDS);
    }

    /** @return whether there is something to draw */
    public boolean isVisible() {
        return alpha() > 0f;
    }
}
