package io.animata.core.agent;

import io.animata.runtime.rl.ActionBuffer;

/**
 * An actuator of discrete branches: hands the chosen option of each of its branches to {@link #act}, and may forbid
 * options before each decision ({@link #mask}). Extend it, or wrap lambdas with {@link #of}.
 *
 * <pre>{@code
 * // branch 0: move (0 none, 1 left, 2 right); branch 1: jump (0 no, 1 yes), forbidden while in the air
 * agent.actuators.add(DiscreteActuator.of(new int[] {3, 2},
 *         choices -> { player.move = choices[0]; player.jump = choices[1] == 1; },
 *         (mask, firstBranch) -> { if (!player.grounded) mask.mask(firstBranch + 1, 1); }));
 * }</pre>
 *
 * <p>Threading: game thread. Allocation-free: the choices go through a scratch array owned by the actuator (valid
 * only during {@link #act}).
 */
public abstract class DiscreteActuator implements Actuator {
    private final int[] branches;
    private final int[] choices;

    /** @param branches options per branch, each at least 1; at least one branch */
    protected DiscreteActuator(int... branches) {
        if (branches == null || branches.length == 0) {
            throw new IllegalArgumentException("a discrete actuator reads at least one branch");
        }
        for (int b : branches) {
            if (b < 1) {
                throw new IllegalArgumentException("every branch needs at least 1 option: " + java.util.Arrays.toString(branches));
            }
        }
        this.branches = branches.clone();
        this.choices = new int[branches.length];
    }

    /** Receives the choices of a {@link #of lambda actuator}; called on the game thread. */
    @FunctionalInterface
    public interface Action {
        /** @param choices the chosen option of each of this actuator's branches; valid only during the call */
        void act(int[] choices);
    }

    /** Writes the mask of a {@link #of lambda actuator}; called on the game thread before each decision. */
    @FunctionalInterface
    public interface Masker {
        /**
         * @param mask the agent's mask
         * @param firstBranch index of this actuator's first branch in the mask
         */
        void mask(ActionMask mask, int firstBranch);
    }

    /** @return an actuator calling {@code action}, with no mask */
    public static DiscreteActuator of(int[] branches, Action action) {
        return of(branches, action, null);
    }

    /**
     * @param branches options per branch
     * @param action what to do with the choices
     * @param masker forbids options before each decision, or null for none
     * @return an actuator calling them
     */
    public static DiscreteActuator of(int[] branches, Action action, Masker masker) {
        if (action == null) {
            throw new IllegalArgumentException("action is null");
        }
        return new DiscreteActuator(branches) {
            @Override
            protected void act(int[] choices) {
                action.act(choices);
            }

            @Override
            protected void mask(ActionMask mask, int firstBranch) {
                if (masker != null) {
                    masker.mask(mask, firstBranch);
                }
            }
        };
    }

    @Override
    public final int continuousSize() {
        return 0;
    }

    @Override
    public final int branchCount() {
        return branches.length;
    }

    @Override
    public final int branchSize(int branch) {
        return branches[branch];
    }

    /** Copies this actuator's choices and calls {@link #act}. */
    @Override
    public final void apply(ActionBuffer action, int continuousOffset, int branchOffset) {
        System.arraycopy(action.discrete, branchOffset, choices, 0, choices.length);
        act(choices);
    }

    @Override
    public final void writeMask(ActionMask mask, int branchOffset) {
        mask(mask, branchOffset);
    }

    /**
     * Applies the choices.
     *
     * @param choices the chosen option of each branch, in range and never a masked one; valid only during the call
     */
    protected abstract void act(int[] choices);

    /**
     * Forbids options for the coming decision; the default forbids none.
     *
     * @param mask the agent's mask, every option allowed on entry except what earlier actuators forbade
     * @param firstBranch index of this actuator's first branch in the mask
     */
    protected void mask(ActionMask mask, int firstBranch) {
    }
}
