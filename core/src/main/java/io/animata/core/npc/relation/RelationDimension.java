package io.animata.core.npc.relation;

import java.util.List;

/**
 * One dimension of how an NPC feels about someone (trust, affinity, fear, or a game's own), with its bounds, the
 * value it drifts back to, how fast, and how it is said in a prompt. The phrases use {@code {target}} (who it is
 * about, e.g. "the player") and {@code {degree}} (one of {@link #degrees} by strength): {@code "trust {target}
 * {degree}"} with degrees {@code ["a little", "", "deeply"]} says "trust the player a little".
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the dimension's name, e.g. "trust"
 * @param min the lowest value
 * @param max the highest value
 * @param baseline the value it decays toward (and starts at)
 * @param halfLifeSeconds seconds for the distance to the baseline to halve; 0 for no decay
 * @param positive the phrase for a value above the baseline; empty to say nothing
 * @param negative the phrase for a value below the baseline; empty to say nothing
 * @param degrees three words for a weak, a clear and a strong feeling
 */
public record RelationDimension(String name, float min, float max, float baseline, float halfLifeSeconds,
        String positive, String negative, List<String> degrees) {

    /** Checks the bounds and fills missing phrases. */
    public RelationDimension {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a relation dimension needs a name");
        }
        if (!(min < max) || baseline < min || baseline > max) {
            throw new IllegalArgumentException("relation dimension '" + name + "': need min < max and baseline within,"
                    + " got min " + min + ", max " + max + ", baseline " + baseline);
        }
        if (halfLifeSeconds < 0 || !Float.isFinite(halfLifeSeconds)) {
            throw new IllegalArgumentException("relation dimension '" + name + "': halfLifeSeconds must be >= 0");
        }
        positive = positive == null ? "" : positive;
        negative = negative == null ? "" : negative;
        degrees = degrees == null || degrees.isEmpty() ? List.of("a little", "", "very much") : List.copyOf(degrees);
        if (degrees.size() != 3) {
            throw new IllegalArgumentException("relation dimension '" + name + "': degrees must have 3 words (weak,"
                    + " clear, strong), had " + degrees.size());
        }
    }

    /** @return {@code value} within the bounds */
    public float clamp(float value) {
        return value < min ? min : Math.min(value, max);
    }
}
