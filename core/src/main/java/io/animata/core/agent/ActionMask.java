package io.animata.core.agent;

import io.animata.runtime.rl.ActionSpace;
import java.util.Arrays;

/**
 * Which options of each discrete branch an agent may not choose this decision (ML-Agents' action masking): a jump
 * while in the air, a move into a wall. Actuators write the mask just before a decision is requested; every policy
 * honours it, so a masked option is never chosen.
 *
 * <p>Every branch must keep at least one allowed option: {@link AgentSystem} throws an
 * {@link io.animata.runtime.AnimataException} naming the branch when an actuator masks them all.
 *
 * <p>Threading: game thread only (owned by one {@link AgentComponent}). Allocation-free after construction.
 */
public final class ActionMask {
    private final ActionSpace space;
    private final int[] branchOffsets;
    private final boolean[] masked;

    /** @param space the agent's action space; its discrete branches are what can be masked */
    public ActionMask(ActionSpace space) {
        this.space = space;
        this.branchOffsets = new int[space.branchCount()];
        for (int b = 0; b < branchOffsets.length; b++) {
            branchOffsets[b] = space.branchOffset(b);
        }
        this.masked = new boolean[space.totalDiscreteOptions()];
    }

    /** @return the space this mask is shaped for */
    public ActionSpace space() {
        return space;
    }

    /** Allows every option again. Called by {@link AgentSystem} before the actuators write a fresh mask. */
    public void clear() {
        Arrays.fill(masked, false);
    }

    /**
     * @param branch discrete branch index
     * @param option option index within the branch
     * @param isMasked true to forbid the option for the coming decision
     * @throws IndexOutOfBoundsException when the branch or option does not exist
     */
    public void setMasked(int branch, int option, boolean isMasked) {
        masked[index(branch, option)] = isMasked;
    }

    /** Forbids one option for the coming decision; same as {@code setMasked(branch, option, true)}. */
    public void mask(int branch, int option) {
        setMasked(branch, option, true);
    }

    /** @return whether the option is forbidden */
    public boolean isMasked(int branch, int option) {
        return masked[index(branch, option)];
    }

    /** @return how many options of the branch are still allowed */
    public int allowedCount(int branch) {
        int base = branchOffsets[branch];
        int n = 0;
        for (int o = 0, size = space.branchSize(branch); o < size; o++) {
            if (!masked[base + o]) {
                n++;
            }
        }
        return n;
    }

    /** @return whether any option of any branch is masked */
    public boolean any() {
        for (boolean m : masked) {
            if (m) {
                return true;
            }
        }
        return false;
    }

    /** @return the index of the branch's first option in the concatenated logits (and in this mask) */
    public int branchOffset(int branch) {
        return branchOffsets[branch];
    }

    private int index(int branch, int option) {
        int size = space.branchSize(branch);
        if (option < 0 || option >= size) {
            throw new IndexOutOfBoundsException("option " + option + " of branch " + branch + " (it has " + size
                    + " options)");
        }
        return branchOffsets[branch] + option;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ActionMask[");
        for (int b = 0; b < branchOffsets.length; b++) {
            text.append(b == 0 ? "" : ", ").append("branch ").append(b).append(": masked");
            for (int o = 0; o < space.branchSize(b); o++) {
                if (masked[branchOffsets[b] + o]) {
                    text.append(' ').append(o);
                }
            }
        }
        return text.append(']').toString();
    }
}
