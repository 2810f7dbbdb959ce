package io.animata.runtime.train;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Records demonstrations (what an agent saw and what a heuristic or a human did) to a file that
 * {@link Demonstrations#read} reads back for behaviour cloning.
 *
 * <p>The file is binary and big-endian: a header ({@code int} magic {@code 0x414E444D} "ANDM", {@code int} version
 * 1, {@code int} observation width {@code W}, {@code int} continuous actions {@code C}, {@code int} branch count
 * {@code B}, then {@code B} {@code int} branch sizes), then one record per step: {@code W} floats of observation,
 * {@code C} floats of continuous action, {@code B} ints of chosen options. Records are buffered; {@link #close()}
 * writes what is left.
 *
 * <p>Threading: not thread-safe; call it from one thread (the game thread, after the actions of a frame are known).
 * {@link #record} does not allocate. {@link #close()} is idempotent.
 *
 * <pre>{@code
 * try (DemonstrationWriter demos = new DemonstrationWriter(Path.of("demos.bin"), 4, ActionSpace.discrete(2))) {
 *     // every step: the observation the agent had, and the action the player chose
 *     demos.record(observation, action);
 * }
 * }</pre>
 */
public final class DemonstrationWriter implements AutoCloseable {
    static final int MAGIC = 0x414E444D;
    static final int VERSION = 1;

    private final Path file;
    private final int observationWidth;
    private final ActionSpace actionSpace;
    private final DataOutputStream out;
    private long count;
    private boolean closed;

    /**
     * Creates (or replaces) the file and writes its header.
     *
     * @param file where to record
     * @param observationWidth floats per observation, at least 1
     * @param actionSpace the actions
     * @throws AnimataException when the file cannot be written
     */
    public DemonstrationWriter(Path file, int observationWidth, ActionSpace actionSpace) {
        if (observationWidth < 1) {
            throw new AnimataException("demonstrations need an observation width >= 1, got " + observationWidth);
        }
        this.file = file;
        this.observationWidth = observationWidth;
        this.actionSpace = actionSpace;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(observationWidth);
            out.writeInt(actionSpace.continuousSize());
            out.writeInt(actionSpace.branchCount());
            for (int b = 0; b < actionSpace.branchCount(); b++) {
                out.writeInt(actionSpace.branchSize(b));
            }
        } catch (IOException e) {
            throw new AnimataException("cannot write demonstrations " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends one step.
     *
     * @param observation {@code observationWidth} floats (more are ignored)
     * @param action the action taken; its space must be this file's
     * @throws AnimataException when the writer is closed, the shapes differ, or the file cannot be written
     */
    public void record(float[] observation, ActionBuffer action) {
        if (closed) {
            throw new AnimataException("demonstration writer for " + file + " is closed");
        }
        if (observation.length < observationWidth || !action.space().equals(actionSpace)) {
            throw new AnimataException("demonstration of " + observation.length + " floats and " + action.space()
                    + " does not fit " + file + " (" + observationWidth + " floats, " + actionSpace + ")");
        }
        try {
            for (int i = 0; i < observationWidth; i++) {
                out.writeFloat(observation[i]);
            }
            for (float c : action.continuous) {
                out.writeFloat(c);
            }
            for (int b = 0; b < action.discrete.length; b++) {
                int option = action.discrete[b];
                if (option < 0 || option >= actionSpace.branchSize(b)) {
                    throw new AnimataException("demonstrated option " + option + " is outside branch " + b + " ("
                            + actionSpace.branchSize(b) + " options)");
                }
                out.writeInt(option);
            }
        } catch (IOException e) {
            throw new AnimataException("cannot write demonstrations " + file + ": " + e.getMessage(), e);
        }
        count++;
    }

    /**
     * Records whole episodes of a controller (a heuristic, a scripted bot) acting in an environment.
     *
     * @param env the environment (its shapes must match this file's)
     * @param controller writes the action for an observation
     * @param episodes episodes to record
     * @param seed seeds the episodes' resets ({@code seed}, {@code seed + 1}, ...)
     * @return the mean undiscounted return of the recorded episodes
     */
    public double recordEpisodes(Environment env, BiConsumer<float[], ActionBuffer> controller, int episodes,
            long seed) {
        if (env.observationWidth() != observationWidth || !env.actionSpace().equals(actionSpace)) {
            throw new AnimataException("environment with observation width " + env.observationWidth() + " and "
                    + env.actionSpace() + " does not fit " + file);
        }
        float[] obs = new float[observationWidth];
        float[] before = new float[observationWidth];
        ActionBuffer action = new ActionBuffer(actionSpace);
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            env.reset(seed + e, obs);
            do {
                System.arraycopy(obs, 0, before, 0, observationWidth);
                action.clear();
                controller.accept(before, action);
                record(before, action);
                total += env.step(action, obs);
            } while (!env.terminated() && !env.truncated());
        }
        return episodes == 0 ? 0 : total / episodes;
    }

    /** @return steps recorded */
    public long count() {
        return count;
    }

    /** Writes what is buffered and closes the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new AnimataException("cannot finish demonstrations " + file + ": " + e.getMessage(), e);
        }
    }
}
