package io.animata.runtime.rl;

/**
 * An environment whose episodes succeed or fail: the agent reached its goal or not. Trainers report the success
 * rate of evaluation episodes for such environments beside their mean return.
 *
 * <p>Threading: as {@link Environment}.
 */
public interface GoalEnvironment extends Environment {

    /** @return whether the episode that the last step ended reached the goal (read before the next reset) */
    boolean reachedGoal();
}
