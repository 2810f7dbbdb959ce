package io.animata.demo.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The card shown over the first dungeon when the demo starts: its name, one line per feature the player will see,
 * and the keys. Any key or click dismisses it (that key does nothing else); it also fades out by itself after
 * {@link #SECONDS}. The world keeps running behind it, so the bots are already moving when it goes.
 *
 * <p>Threading: the game thread. The lines are made once; {@link #update} allocates nothing.
 */
public final class TitleCard {
    /** How long the card stays when no key is pressed. */
    public static final float SECONDS = 8f;
    /** The last part of {@link #SECONDS} in which it fades out. */
    public static final float FADE_SECONDS = 0.6f;
    /** The demo's name, the card's headline. */
    public static final String TITLE = "ANIMATA";
    /** The line under the headline. */
    public static final String SUBTITLE = "AI for libGDX games, live in a generated dungeon";
    /** The keys, the card's last line but one. */
    public static final String KEYS =
            "WASD/arrows move   T talk   N new dungeon   P autopilot   V bot vision   F2 playtest   Esc menu";
    /** The last line. */
    public static final String DISMISS = "press any key";

    private final List<String> features;
    private float left = SECONDS;

    /** @param npcs whether the dungeon has NPCs to talk to (else their line is left out) */
    public TitleCard(boolean npcs) {
        List<String> lines = new ArrayList<>(5);
        lines.add("The red bots run a trained policy: they chase you");
        if (npcs) {
            lines.add("Walk up to a person and press T to talk (AI replies)");
        }
        lines.add("Every dungeon is generated: N makes a new one");
        lines.add("Its floors and walls are generated textures");
        lines.add("F2: playtest bots explore it, coverage heatmap");
        this.features = List.copyOf(lines);
    }

    /** @return one line per feature the player will see, top to bottom */
    public List<String> features() {
        return features;
    }

    /** @return whether the card is on screen */
    public boolean isVisible() {
        return left > 0f;
    }

    /** @return the card's opacity: 1, falling to 0 over the last {@link #FADE_SECONDS} */
    public float alpha() {
        return Math.min(1f, left / FADE_SECONDS);
    }

    /** @param deltaSeconds time since the last frame (negative is treated as 0) */
    public void update(float deltaSeconds) {
        left = Math.max(0f, left - Math.max(0f, deltaSeconds));
    }

    /** Takes the card away now (a key or a click). */
    public void dismiss() {
        left = 0f;
    }
}
