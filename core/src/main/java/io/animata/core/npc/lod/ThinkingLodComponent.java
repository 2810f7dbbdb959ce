package io.animata.core.npc.lod;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Pool.Poolable;
import java.util.Arrays;

/**
 * An NPC's level of detail for thinking: where it is ({@link #x}, {@link #y}, written by the game every frame),
 * whether it is near the player (thinks with the language model) or far (cheap rules at a low rate), and what it
 * heard of while far (a small table of events with counts, summarised into its prompt when it wakes).
 *
 * <p>Data only. Threading: game thread. Fixed size: nothing is allocated after creation.
 */
public final class ThinkingLodComponent implements Component, Poolable {
    /** Distinct events remembered while far; more are counted as "other things". */
    public static final int HEARD_CAPACITY = 8;

    /** The NPC's position, in the same units as the player's (the game writes it). */
    public float x;
    /** The NPC's position. */
    public float y;

    boolean near;
    boolean seen;
    long lastEvent;
    double thoughtAt = Double.NaN;
    final String[] heardActor = new String[HEARD_CAPACITY];
    final String[] heardVerb = new String[HEARD_CAPACITY];
    final String[] heardVictim = new String[HEARD_CAPACITY];
    final int[] heardCount = new int[HEARD_CAPACITY];
    int heard;
    int heardOther;
    boolean newsPending;
    long wakes;
    long farThoughts;

    /** @return this component at a position */
    public ThinkingLodComponent at(float px, float py) {
        x = px;
        y = py;
        return this;
    }

    /** @return whether the NPC is near the player (thinks with the model) */
    public boolean isNear() {
        return near;
    }

    /** @return whether the NPC has woken up with news it has not yet replied after */
    public boolean hasNews() {
        return newsPending;
    }

    /** @return distinct events heard of while far and not yet told */
    public int heardCount() {
        return heard;
    }

    /** @return times it woke up (came near) */
    public long wakes() {
        return wakes;
    }

    /** @return cheap thinking steps taken while far */
    public long farThoughts() {
        return farThoughts;
    }

    void forgetHeard() {
        Arrays.fill(heardActor, null);
        Arrays.fill(heardVerb, null);
        Arrays.fill(heardVictim, null);
        Arrays.fill(heardCount, 0);
        heard = 0;
        heardOther = 0;
        newsPending = false;
    }

    void remember(String actor, String verb, String victim) {
        for (int i = 0; i < heard; i++) {
            if (heardActor[i].equals(actor) && heardVerb[i].equals(verb)
                    && (victim == null ? heardVictim[i] == null : victim.equals(heardVictim[i]))) {
                heardCount[i]++;
                return;
            }
        }
        if (heard == HEARD_CAPACITY) {
            heardOther++;
            return;
        }
        heardActor[heard] = actor;
        heardVerb[heard] = verb;
        heardVictim[heard] = victim;
        heardCount[heard++] = 1;
    }

    @Override
    public void reset() {
        x = 0;
        y = 0;
        near = false;
        seen = false;
        lastEvent = 0;
        thoughtAt = Double.NaN;
        forgetHeard();
        wakes = 0;
        farThoughts = 0;
    }
}
