package io.animata.core.npc.relation;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Pool.Poolable;
import java.util.Arrays;

/**
 * How one NPC feels about the player and about other NPCs: for each target (an id such as {@code "player"} or
 * another NPC's {@link #id}), one value per dimension of the {@link RelationSystem}'s rules (trust, affinity, fear by
 * default). Targets not yet met read as the dimensions' baselines. {@link RelationSystem} changes the values (events,
 * dialogue, decay); the game reads them through the system or {@link #get}.
 *
 * <p>Data only. Threading: game thread. Lookups compare ids with {@code equals} over a small array and allocate
 * nothing; meeting a new target may grow the arrays once.
 */
public final class RelationshipComponent implements Component, Poolable {
    /** This NPC's id, how others' relationships and story slices name it (e.g. "guard"). Required. */
    public String id = "";

    String[] targets = new String[4];
    float[] values = new float[0];
    int targetCount;
    int dims;
    /** The system's clock when this NPC was last decayed (the system decays a few NPCs per frame). */
    double decayedAt = Double.NaN;

    /** @return this component with {@link #id} set */
    public RelationshipComponent setId(String npcId) {
        if (npcId == null || npcId.isBlank()) {
            throw new IllegalArgumentException("a relationship needs the NPC's id");
        }
        this.id = npcId;
        return this;
    }

    /** @return how many targets this NPC has feelings about */
    public int targetCount() {
        return targetCount;
    }

    /** @return the id of target {@code i} */
    public String target(int i) {
        if (i < 0 || i >= targetCount) {
            throw new IndexOutOfBoundsException("target " + i + " of " + targetCount);
        }
        return targets[i];
    }

    /** @return the index of the target, or -1 when this NPC has no feelings about it yet */
    public int indexOf(String target) {
        for (int i = 0; i < targetCount; i++) {
            if (targets[i].equals(target)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return the value of dimension {@code dim} toward target {@code targetIndex}
     * @throws IndexOutOfBoundsException for a target or dimension it does not have (no dimension at all before the
     *     entity is in an engine with a {@link RelationSystem}; {@link RelationSystem#value} has no such limit)
     */
    public float get(int targetIndex, int dim) {
        if (dim < 0 || dim >= dims) {
            throw new IndexOutOfBoundsException("dimension " + dim + " of " + dims
                    + (dims == 0 ? " (add the entity to an engine with a RelationSystem first)" : ""));
        }
        if (targetIndex < 0 || targetIndex >= targetCount) {
            throw new IndexOutOfBoundsException("target " + targetIndex + " of " + targetCount);
        }
        return values[targetIndex * dims + dim];
    }

    /** Sizes the values for {@code dimensionCount} dimensions (done by the system); keeps values when unchanged. */
    void bind(RelationRules rules) {
        int n = rules.dimensionCount();
        if (n == dims && values.length >= targets.length * n) {
            return;
        }
        dims = n;
        values = new float[targets.length * n];
        targetCount = 0;
    }

    /** @return the index of the target, added with the baselines when new */
    int indexOrAdd(String target, RelationRules rules) {
        int i = indexOf(target);
        if (i >= 0) {
            return i;
        }
        if (targetCount == targets.length) {
            targets = Arrays.copyOf(targets, targets.length * 2);
            values = Arrays.copyOf(values, targets.length * dims);
        }
        targets[targetCount] = target;
        for (int d = 0; d < dims; d++) {
            values[targetCount * dims + d] = rules.dimensions().get(d).baseline();
        }
        return targetCount++;
    }

    @Override
    public void reset() {
        id = "";
        Arrays.fill(targets, null);
        targetCount = 0;
        decayedAt = Double.NaN;
        Arrays.fill(values, 0);
    }

    @Override
    public String toString() {
        return "RelationshipComponent[" + id + ", " + targetCount + " targets]";
    }
}
