package io.animata.runtime.train;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionSpace;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recorded demonstrations in memory: observations and the actions taken, as {@link DemonstrationWriter} wrote them
 * (or made directly with {@link #of}). The input of {@link BehaviourCloning}.
 *
 * <p>Immutable and thread-safe (the accessors return copies).
 */
public final class Demonstrations {
    private final int observationWidth;
    private final ActionSpace actionSpace;
    private final int size;
    private final float[] observations;
    private final float[] continuous;
    private final int[] discrete;

    private Demonstrations(int observationWidth, ActionSpace actionSpace, int size, float[] observations,
            float[] continuous, int[] discrete) {
        this.observationWidth = observationWidth;
        this.actionSpace = actionSpace;
        this.size = size;
        this.observations = observations;
        this.continuous = continuous;
        this.discrete = discrete;
    }

    /**
     * @param observationWidth floats per observation
     * @param actionSpace the actions
     * @param observations {@code n * observationWidth} floats, row-major
     * @param continuous {@code n * continuousSize} floats (empty for discrete spaces)
     * @param discrete {@code n * branchCount} chosen options (empty for continuous spaces)
     * @return demonstrations of {@code n} steps
     * @throws AnimataException when the lengths disagree or an option is out of range
     */
    public static Demonstrations of(int observationWidth, ActionSpace actionSpace, float[] observations,
            float[] continuous, int[] discrete) {
        if (observationWidth < 1 || observations.length % observationWidth != 0) {
            throw new AnimataException("demonstrations: " + observations.length + " observation floats are not rows of "
                    + observationWidth);
        }
        int n = observations.length / observationWidth;
        if (continuous.length != n * actionSpace.continuousSize() || discrete.length != n * actionSpace.branchCount()) {
            throw new AnimataException("demonstrations: " + n + " observations but " + continuous.length
                    + " continuous and " + discrete.length + " discrete action values for " + actionSpace);
        }
        for (int i = 0; i < discrete.length; i++) {
            int b = i % actionSpace.branchCount();
            if (discrete[i] < 0 || discrete[i] >= actionSpace.branchSize(b)) {
                throw new AnimataException("demonstrations: option " + discrete[i] + " of step "
                        + i / actionSpace.branchCount() + " is outside branch " + b);
            }
        }
        return new Demonstrations(observationWidth, actionSpace, n, observations.clone(), continuous.clone(),
                discrete.clone());
    }

    /**
     * Reads a file written by {@link DemonstrationWriter}.
     *
     * @throws AnimataException when the file is missing, not a demonstrations file, of another version, or cut
     *     off in the middle of a record
     */
    public static Demonstrations read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnimataException("demonstrations file not found: " + file.toAbsolutePath());
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long bytes = Files.size(file);
            if (bytes < 20 || in.readInt() != DemonstrationWriter.MAGIC) {
                throw new AnimataException(file + " is not an Animata demonstrations file (no ANDM header)");
            }
            int version = in.readInt();
            if (version != DemonstrationWriter.VERSION) {
                throw new AnimataException("demonstrations " + file + " have format version " + version
                        + "; this Animata reads " + DemonstrationWriter.VERSION);
            }
            int width = in.readInt();
            int cont = in.readInt();
            int branchCount = in.readInt();
            if (width < 1 || cont < 0 || branchCount < 0 || branchCount > 1024) {
                throw new AnimataException("demonstrations " + file + " have a corrupt header (width " + width
                        + ", continuous " + cont + ", branches " + branchCount + ")");
            }
            int[] branches = new int[branchCount];
            for (int b = 0; b < branchCount; b++) {
                branches[b] = in.readInt();
            }
            ActionSpace space;
            try {
                space = ActionSpace.of(cont, branches);
            } catch (IllegalArgumentException e) {
                throw new AnimataException("demonstrations " + file + ": " + e.getMessage(), e);
            }
            long header = 20 + 4L * branchCount;
            long record = 4L * (width + cont + branchCount);
            long body = bytes - header;
            if (body % record != 0) {
                throw new AnimataException("demonstrations " + file + " end in the middle of a record ("
                        + body % record + " of " + record + " bytes): the recording was cut off");
            }
            long n = body / record;
            if (n * Math.max(width, 1) > Integer.MAX_VALUE - 8) {
                throw new AnimataException("demonstrations " + file + " are too large to load (" + n + " steps)");
            }
            int rows = (int) n;
            float[] obs = new float[rows * width];
            float[] continuous = new float[rows * cont];
            int[] discrete = new int[rows * branchCount];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < width; i++) {
                    obs[r * width + i] = in.readFloat();
                }
                for (int c = 0; c < cont; c++) {
                    continuous[r * cont + c] = in.readFloat();
                }
                for (int b = 0; b < branchCount; b++) {
                    discrete[r * branchCount + b] = in.readInt();
                }
            }
            return of(width, space, obs, continuous, discrete);
        } catch (EOFException e) {
            throw new AnimataException("demonstrations " + file + " end early: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AnimataException("cannot read demonstrations " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return steps recorded */
    public int size() {
        return size;
    }

    /** @return floats per observation */
    public int observationWidth() {
        return observationWidth;
    }

    /** @return the actions */
    public ActionSpace actionSpace() {
        return actionSpace;
    }

    /** @return a copy of the observations, row-major */
    public float[] observations() {
        return observations.clone();
    }

    /** @return a copy of the continuous actions, row-major */
    public float[] continuousActions() {
        return continuous.clone();
    }

    /** @return a copy of the chosen options, row-major */
    public int[] discreteActions() {
        return discrete.clone();
    }

    @Override
    public String toString() {
        return "Demonstrations[" + size + " steps, obs " + observationWidth + ", " + actionSpace + "]";
    }
}
