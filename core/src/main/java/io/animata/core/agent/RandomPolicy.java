package io.animata.core.agent;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.math.RandomXS128;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;

/**
 * Uniformly random actions: every allowed option of each branch equally likely (masked ones never), continuous
 * values uniform in [-1, 1]. The baseline a trained policy must beat, and a way to explore a level. Seeded: agents
 * visited in the same order draw the same actions on every run.
 *
 * <p>Threading: game thread (or one environment-stepping thread). Allocation-free.
 */
public final class RandomPolicy implements ImmediatePolicy {
    private final ActionSpace space;
    private final RandomXS128 random;

    /**
     * @param space the actions to draw
     * @param seed the random seed
     */
    public RandomPolicy(ActionSpace space, long seed) {
        if (space == null) {
            throw new IllegalArgumentException("space is null");
        }
        this.space = space;
        this.random = new RandomXS128(seed);
    }

    @Override
    public ActionSpace actionSpace() {
        return space;
    }

    @Override
    public int observationWidth() {
        return -1;
    }

    @Override
    public void decide(Entity entity, AgentComponent agent, ActionBuffer action) {
        sample(agent.mask(), action);
    }

    /**
     * Draws an action without an agent (e.g. to step an {@link io.animata.runtime.rl.Environment}).
     *
     * @param mask options to avoid, or null
     * @param action receives the draw
     * @throws io.animata.runtime.AnimataException when every option of a branch is masked
     */
    public void sample(ActionMask mask, ActionBuffer action) {
        for (int i = 0; i < action.continuous.length; i++) {
            action.continuous[i] = random.nextFloat() * 2f - 1f;
        }
        for (int b = 0; b < action.discrete.length; b++) {
            action.discrete[b] = Sampling.uniform(space.branchSize(b), mask, b, random);
        }
    }

    @Override
    public String toString() {
        return "RandomPolicy[" + space + "]";
    }
}
