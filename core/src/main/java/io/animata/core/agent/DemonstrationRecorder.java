package io.animata.core.agent;

import com.badlogic.ashley.core.Entity;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.train.DemonstrationWriter;
import java.nio.file.Path;

/**
 * Records agents' decisions as demonstrations for behaviour cloning ({@code BehaviourCloning}, or
 * {@code animata train ENV --demos FILE}): every observation an agent decided on, with the action it took. Give a
 * player's keyboard or a scripted bot a {@link HeuristicPolicy}, add this recorder to the {@link AgentSystem}, and
 * play.
 *
 * <p>Only agents whose policy is the recorded one are recorded (or every agent, when none is given), and every
 * agent recorded must have the observation width and action space the file was opened with.
 *
 * <p>Threading: game thread (called by {@link AgentSystem}); {@link #onDecision} allocates nothing. Close it to
 * flush the file.
 *
 * <pre>{@code
 * HeuristicPolicy keyboard = new HeuristicPolicy(space, (entity, agent, action) -> action.discrete[0] = keys());
 * try (DemonstrationRecorder recorder = new DemonstrationRecorder(Path.of("demos.bin"), obsWidth, space, keyboard)) {
 *     agents.addListener(recorder);
 *     // ... play ...
 *     agents.removeListener(recorder);
 * }
 * }</pre>
 */
public final class DemonstrationRecorder implements AgentListener, AutoCloseable {
    private final DemonstrationWriter writer;
    private final AgentPolicy recorded;

    /**
     * @param file where to write (created or replaced)
     * @param observationWidth floats per observation of the recorded agents
     * @param actionSpace their action space
     * @param recorded the policy whose agents are recorded, or null for every agent
     * @throws AnimataException when the file cannot be written
     */
    public DemonstrationRecorder(Path file, int observationWidth, ActionSpace actionSpace, AgentPolicy recorded) {
        this.writer = new DemonstrationWriter(file, observationWidth, actionSpace);
        this.recorded = recorded;
    }

    @Override
    public void onDecision(Entity entity, AgentComponent agent) {
        if (recorded == null || agent.policy == recorded) {
            writer.record(agent.observation(), agent.action());
        }
    }

    /** @return decisions recorded so far */
    public long count() {
        return writer.count();
    }

    /** Flushes and closes the file. Idempotent. */
    @Override
    public void close() {
        writer.close();
    }
}
