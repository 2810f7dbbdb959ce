package io.animata.core.texture.variant;

import java.util.Locale;

/**
 * What a group of a sprite's pixels is made of, which decides how its colours may change from one variant to the
 * next. All groups of one shared material ({@link #SKIN}, {@link #HAIR}, {@link #METAL}) change together in a variant,
 * so a character's face and hands keep one skin tone and all its armour one metal; each {@link #CLOTH} group changes
 * on its own.
 */
public enum Material {
    /** Outlines and dark lines: never changed. */
    OUTLINE(false),
    /** Kept as drawn (eyes, emblems, anything the variants must not touch). */
    KEEP(false),
    /** Skin: moved to one of a range of natural skin tones, shared by every skin group. */
    SKIN(true),
    /** Hair and beards: natural hair colours (and the odd dyed one), shared by every hair group. */
    HAIR(true),
    /** Armour, blades, buckles: iron, steel, silver, gold, bronze or copper, shared by every metal group. */
    METAL(true),
    /** Clothes and dyed leather: any hue, saturation and brightness in a wide range, each group on its own. */
    CLOTH(false);

    private final boolean shared;

    Material(boolean shared) {
        this.shared = shared;
    }

    /** @return whether all groups of this material get the same change in a variant */
    public boolean shared() {
        return shared;
    }

    /** @return the name in lower case ({@code skin}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
