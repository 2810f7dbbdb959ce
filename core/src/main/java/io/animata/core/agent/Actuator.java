package io.animata.core.agent;

import io.animata.runtime.rl.ActionBuffer;

/**
 * Turns part of an agent's action into an effect on the game: a force on a Box2D body, a field of a component. An
 * agent's actuators, in the order of {@link AgentComponent#actuators}, read the action's continuous values and
 * discrete branches one after the other: the first actuator reads the first {@link #continuousSize()} values and
 * the first {@link #branchCount()} branches, the next one the following ones, and so on. {@link AgentSystem} checks
 * that they add up to the policy's action space.
 *
 * <p>Most games extend {@link ContinuousActuator} (values clipped to [-1, 1]) or {@link DiscreteActuator} (with
 * action masks), or use one of the Box2D actuators ({@link ForceActuator}, {@link DirectionActuator}).
 *
 * <p>Threading: game thread (or the one thread stepping an environment). {@link #apply} and {@link #writeMask} must
 * not allocate.
 */
public interface Actuator {

    /** @return continuous values this actuator reads */
    int continuousSize();

    /** @return discrete branches this actuator reads */
    int branchCount();

    /** @return options of this actuator's {@code branch}-th branch (0-based within this actuator) */
    int branchSize(int branch);

    /**
     * Applies the action. Called every frame between decisions when
     * {@link AgentComponent#takeActionsBetweenDecisions} is set, else only on the frame a decision arrives.
     *
     * @param action the agent's whole action
     * @param continuousOffset index of this actuator's first continuous value in {@code action.continuous}
     * @param branchOffset index of this actuator's first branch in {@code action.discrete}
     */
    void apply(ActionBuffer action, int continuousOffset, int branchOffset);

    /**
     * Forbids the options that make no sense now, just before a decision is requested. The mask starts each
     * decision with every option allowed.
     *
     * @param mask the agent's mask (over every branch of the agent)
     * @param branchOffset index of this actuator's first branch in the mask
     */
    default void writeMask(ActionMask mask, int branchOffset) {
    }

    /** Forgets per-episode state. Called when the agent's episode begins. */
    default void reset() {
    }
}
