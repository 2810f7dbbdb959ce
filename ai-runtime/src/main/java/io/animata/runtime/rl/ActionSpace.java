package io.animata.runtime.rl;

import java.util.Arrays;

/**
 * What an agent can do: some continuous actions (each clipped to [-1, 1]) and/or some discrete branches (each a
 * choice among {@code branch[i]} options), as in ML-Agents' {@code ActionSpec}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActionSpace {
    private final int continuousSize;
    private final int[] discreteBranches;

    private ActionSpace(int continuousSize, int[] discreteBranches) {
        if (continuousSize < 0) {
            throw new IllegalArgumentException("continuous size must be >= 0, was " + continuousSize);
        }
        for (int b : discreteBranches) {
            if (b < 1) {
                throw new IllegalArgumentException("every discrete branch needs at least 1 option: "
                        + Arrays.toString(discreteBranches));
            }
        }
        if (continuousSize == 0 && discreteBranches.length == 0) {
            throw new IllegalArgumentException("an action space needs at least one action");
        }
        this.continuousSize = continuousSize;
        this.discreteBranches = discreteBranches.clone();
    }

    /** @return a space of discrete branches, e.g. {@code discrete(3, 2)}: move (3 options) and jump (2) */
    public static ActionSpace discrete(int... branches) {
        return new ActionSpace(0, branches);
    }

    /** @return a space of {@code size} continuous actions in [-1, 1] */
    public static ActionSpace continuous(int size) {
        return new ActionSpace(size, new int[0]);
    }

    /** @return a space with both kinds */
    public static ActionSpace of(int continuousSize, int... discreteBranches) {
        return new ActionSpace(continuousSize, discreteBranches);
    }

    /** @return number of continuous actions */
    public int continuousSize() {
        return continuousSize;
    }

    /** @return number of discrete branches */
    public int branchCount() {
        return discreteBranches.length;
    }

    /** @return options in branch {@code i} */
    public int branchSize(int i) {
        return discreteBranches[i];
    }

    /** @return a copy of the branch sizes */
    public int[] branches() {
        return discreteBranches.clone();
    }

    /**
     * @return where branch {@code b}'s options start in concatenated logits or in an action mask (the sum of the
     *     sizes of the branches before it)
     */
    public int branchOffset(int b) {
        if (b < 0 || b >= discreteBranches.length) {
            throw new IndexOutOfBoundsException("branch " + b + " of " + discreteBranches.length);
        }
        int offset = 0;
        for (int i = 0; i < b; i++) {
            offset += discreteBranches[i];
        }
        return offset;
    }

    /** @return the sum of all branch sizes: the width of concatenated logits or of an action mask */
    public int totalDiscreteOptions() {
        int n = 0;
        for (int b : discreteBranches) {
            n += b;
        }
        return n;
    }

    /** @return whether there are no continuous actions */
    public boolean isDiscrete() {
        return continuousSize == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionSpace a && a.continuousSize == continuousSize
                && Arrays.equals(a.discreteBranches, discreteBranches);
    }

    @Override
    public int hashCode() {
        return 31 * continuousSize + Arrays.hashCode(discreteBranches);
    }

    @Override
    public String toString() {
        return "ActionSpace[continuous=" + continuousSize + ", discrete=" + Arrays.toString(discreteBranches) + "]";
    }
}
