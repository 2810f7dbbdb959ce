package io.animata.core.agent;

import com.badlogic.ashley.core.Entity;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;

/**
 * A policy written as code: keyboard control for recording demonstrations, a scripted bot, a test's fixed
 * behaviour. Decides on the game thread, immediately (ML-Agents' {@code Heuristic}).
 *
 * <pre>{@code
 * agent.policy = new HeuristicPolicy(ActionSpace.discrete(3), (entity, a, action) ->
 *         action.discrete[0] = Gdx.input.isKeyPressed(Keys.LEFT) ? 1 : Gdx.input.isKeyPressed(Keys.RIGHT) ? 2 : 0);
 * }</pre>
 *
 * <p>Threading: game thread. Allocates nothing itself; the heuristic should not either.
 */
public final class HeuristicPolicy implements ImmediatePolicy {
    private final ActionSpace space;
    private final int observationWidth;
    private final Heuristic heuristic;

    /** The code that decides; called on the game thread, and should not allocate. */
    @FunctionalInterface
    public interface Heuristic {
        /**
         * @param entity the agent's entity
         * @param agent the agent (fresh observation, mask)
         * @param action receives the decision; holds the previous one on entry
         * @see ImmediatePolicy#decide
         */
        void decide(Entity entity, AgentComponent agent, ActionBuffer action);
    }

    /**
     * A heuristic that accepts any observation width.
     *
     * @param space the actions it produces
     * @param heuristic the code that decides
     */
    public HeuristicPolicy(ActionSpace space, Heuristic heuristic) {
        this(space, -1, heuristic);
    }

    /**
     * @param space the actions it produces
     * @param observationWidth floats of observation it reads (checked against the agent's sensors), or -1 for any
     * @param heuristic the code that decides
     */
    public HeuristicPolicy(ActionSpace space, int observationWidth, Heuristic heuristic) {
        if (space == null || heuristic == null) {
            throw new IllegalArgumentException("a heuristic policy needs an action space and a heuristic");
        }
        if (observationWidth < -1) {
            throw new IllegalArgumentException("observationWidth must be -1 (any) or >= 0, was " + observationWidth);
        }
        this.space = space;
        this.observationWidth = observationWidth;
        this.heuristic = heuristic;
    }

    @Override
    public ActionSpace actionSpace() {
        return space;
    }

    @Override
    public int observationWidth() {
        return observationWidth;
    }

    @Override
    public void decide(Entity entity, AgentComponent agent, ActionBuffer action) {
        heuristic.decide(entity, agent, action);
    }

    @Override
    public String toString() {
        return "HeuristicPolicy[" + space + "]";
    }
}
